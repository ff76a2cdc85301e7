/**
 * The typed Sonatype Lifecycle audit event, {@link dev.auditsdk.lifecycle.model.LifecycleAuditEntry},
 * the known values of its open string attributes, and its normalization to
 * {@link dev.auditsdk.core.model.AuditEvent}.
 */
@AuditSdkStyle
package dev.auditsdk.lifecycle.model;

import dev.auditsdk.core.spi.AuditSdkStyle;
