package dev.auditsdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Prometheus names the README documents are those a Prometheus registry exposes. */
class PrometheusNamesTest {

    @Test
    void aScrapeShowsEveryMeterUnderItsDocumentedPrometheusName() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Instant watermark = Instant.parse("2026-01-01T00:00:00Z");
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "boomi", "boomi-acme",
                Clock.fixed(watermark.plusSeconds(42), ZoneOffset.UTC));
        metrics.onEntryDelivered(watermark);
        metrics.onWatermark(watermark);
        metrics.onResponse(429);
        metrics.onThrottle(429);
        metrics.onRetry(1, Duration.ZERO);
        metrics.onNoResponse(new IOException("reset"));
        metrics.onResponse(200);
        metrics.onPage();
        metrics.onBytesRead(512);
        metrics.onLogin(true);
        metrics.onFailure(new IllegalStateException("test"));

        String scrape = registry.scrape();

        String tags = "stream=\"boomi-acme\",vendor=\"boomi\"";
        assertThat(scrape).contains(
                "auditsdk_entries_delivered_total{" + tags + "} 1.0",
                "auditsdk_requests_total{status=\"2xx\"," + tags + "} 1.0",
                "auditsdk_requests_total{status=\"4xx\"," + tags + "} 1.0",
                "auditsdk_requests_total{status=\"none\"," + tags + "} 1.0",
                "auditsdk_retries_total{" + tags + "} 1.0",
                "auditsdk_throttles_total{" + tags + "} 1.0",
                "auditsdk_failures_total{error=\"IllegalStateException\"," + tags + "} 1.0",
                "auditsdk_logins_total{result=\"success\"," + tags + "} 1.0",
                "auditsdk_response_bytes_total{" + tags + "} 512.0",
                "auditsdk_pages_total{" + tags + "} 1.0",
                "auditsdk_watermark_seconds{" + tags + "} 1.7672256E9",
                "auditsdk_collection_lag_seconds{" + tags + "} 42.0");
        registry.close();
    }
}
