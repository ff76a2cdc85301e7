/**
 * Micrometer metrics for audit-sdk sources: an {@code AuditLogListener} and a
 * {@code TransportListener} that count requests, retries, throttles, pages and entries and time
 * requests, tagged by vendor and operation.
 */
module dev.auditsdk.micrometer {
    requires transitive dev.auditsdk.core;
    requires transitive micrometer.core;

    exports dev.auditsdk.micrometer;
}
