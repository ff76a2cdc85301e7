/**
 * The public contract of audit-sdk: {@link dev.auditsdk.core.AuditLogSource},
 * {@link dev.auditsdk.core.AuditLogStream}, {@link dev.auditsdk.core.AuditLogEntry},
 * {@link dev.auditsdk.core.AuditLogQuery} and {@link dev.auditsdk.core.Checkpoint}.
 */
@AuditSdkStyle
package dev.auditsdk.core;

import dev.auditsdk.core.spi.AuditSdkStyle;
