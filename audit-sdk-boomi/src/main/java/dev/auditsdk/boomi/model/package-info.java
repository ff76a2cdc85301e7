/**
 * Boomi's audit-log records, typed: {@link dev.auditsdk.boomi.model.BoomiAuditEntry} with its
 * {@link dev.auditsdk.boomi.model.AuditLogProperty} list, the documented code values, and the
 * normalization to {@link dev.auditsdk.core.model.AuditEvent}.
 */
@AuditSdkStyle
package dev.auditsdk.boomi.model;

import dev.auditsdk.core.spi.AuditSdkStyle;
