/**
 * A Kafka Connect source connector for the audit logs of every vendor the SDK reads:
 * {@link dev.auditsdk.kafka.connect.AuditLogSourceConnector} spreads the configured streams over
 * tasks, {@link dev.auditsdk.kafka.connect.AuditLogSourceTask} reads them, with one source
 * partition per stream and the SDK's serialized {@link dev.auditsdk.core.Checkpoint} as its offset,
 * so that whatever offset Connect commits resumes exactly after the record it belongs to.
 */
package dev.auditsdk.kafka.connect;
