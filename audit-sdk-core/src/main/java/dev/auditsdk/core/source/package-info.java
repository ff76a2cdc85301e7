/**
 * What every vendor source shares and users see: {@link dev.auditsdk.core.source.AbstractSourceBuilder},
 * the builder every {@code XxxSourceBuilder} extends (one name for each common option: retry
 * policy, timeouts, rate limits, lateness, settle lag, read limits, parallelism, listeners), and
 * {@link dev.auditsdk.core.source.AbstractAuditLogSource}, the base of every
 * {@code XxxAuditLogSource} (close once, no fetch after close, a {@code toString} without secrets).
 */
package dev.auditsdk.core.source;
