/**
 * Sonatype Lifecycle (IQ Server) audit log: the REST source
 * {@link dev.auditsdk.lifecycle.LifecycleAuditLogSource} and the on-disk reader
 * {@link dev.auditsdk.lifecycle.LifecycleAuditLogFiles}, sharing one parser and one entry type,
 * {@link dev.auditsdk.lifecycle.model.LifecycleAuditEntry}.
 */
package dev.auditsdk.lifecycle;
