package dev.auditsdk.cli;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.micrometer.AuditLogMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The meters of a {@code tail} run, served on {@code /metrics}: one Prometheus registry for the
 * process, one {@link AuditLogMetrics} per stream (tags {@code vendor} and {@code stream}), kept
 * for the stream's life.
 */
final class TailMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /**
     * @param vendor the stream's vendor
     * @param stream the stream's name
     * @return the listener to give the stream's source
     */
    AuditLogListener stream(String vendor, String stream) {
        return AuditLogMetrics.register(registry, vendor, stream);
    }

    /** @return every meter in the Prometheus text format */
    String scrape() {
        return registry.scrape();
    }
}
