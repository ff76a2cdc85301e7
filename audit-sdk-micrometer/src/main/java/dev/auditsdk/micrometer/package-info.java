/**
 * Optional Micrometer metrics for audit-sdk sources: {@link dev.auditsdk.micrometer.AuditLogMetrics}
 * binds the stream-level events of {@link dev.auditsdk.core.AuditLogListener} to a
 * {@code MeterRegistry}, one instance per stream, tagged {@code vendor} and {@code stream}.
 */
package dev.auditsdk.micrometer;
