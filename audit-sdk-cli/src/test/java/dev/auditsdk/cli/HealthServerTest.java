package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.registry.VendorSettingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /health} and {@code /metrics} over a real loopback socket. */
class HealthServerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIs200WhileNoStreamHasFailedAndShowsEachStreamsStateErrorAndLag() throws Exception {
        StreamHealth ok = new StreamHealth("boomi-acme", "boomi", CLOCK);
        ok.starting(Checkpoint.startingAt(NOW.minus(Duration.ofDays(1))));
        ok.polled(NOW.minusSeconds(30), Checkpoint.startingAt(NOW.minusSeconds(90)), 12);
        StreamHealth slow = new StreamHealth("uipath-eu", "uipath", CLOCK);
        slow.starting(Checkpoint.startingAt(NOW.minus(Duration.ofHours(2))));
        slow.failed(true, "uipath: cannot reach the vendor: connection refused", null, 0);
        try (HealthServer server = HealthServer.start("127.0.0.1", 0, List.of(ok, slow), null)) {
            HttpResponse<String> r = get(server, "/health");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode doc = Json.mapper().readTree(r.body());
            assertThat(doc.get("status").asText()).isEqualTo("degraded");
            JsonNode first = doc.get("streams").get(0);
            assertThat(first.get("stream").asText()).isEqualTo("boomi-acme");
            assertThat(first.get("status").asText()).isEqualTo("healthy");
            assertThat(first.get("lagSeconds").asDouble()).isEqualTo(30.0);
            assertThat(first.get("watermark").asText()).isEqualTo(NOW.minusSeconds(90).toString());
            assertThat(first.get("entries").asLong()).isEqualTo(12);
            assertThat(first.has("lastError")).isFalse();
            JsonNode second = doc.get("streams").get(1);
            assertThat(second.get("status").asText()).isEqualTo("degraded");
            assertThat(second.get("lagSeconds").asDouble()).isEqualTo(7200.0);
            assertThat(second.get("lastError").asText()).contains("connection refused");

            slow.failed(false, "uipath: authentication failed: invalid_client", null, 0);
            HttpResponse<String> failed = get(server, "/health");
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(failed.body()).get("status").asText()).isEqualTo("failed");

            slow.polled(NOW, Checkpoint.startingAt(NOW), 0);
            assertThat(get(server, "/health").statusCode()).as("recovered").isEqualTo(200);
        }
    }

    @Test
    void metricsAreServedAsPrometheusTextWhenTheyAreOn() throws Exception {
        try (HealthServer server = HealthServer.start("127.0.0.1", 0, List.of(), () -> "auditlog_up 1.0\n")) {
            HttpResponse<String> r = get(server, "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains(HealthServer.PROMETHEUS_TEXT);
            assertThat(r.body()).isEqualTo("auditlog_up 1.0\n");
        }
        try (HealthServer server = HealthServer.start("127.0.0.1", 0, List.of(), null)) {
            assertThat(get(server, "/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        try (HealthServer server = HealthServer.start("127.0.0.1", 0, List.of(), null)) {
            assertThat(get(server, "/").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(server, "/health"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        }
    }

    @Test
    void aPortInUseIsAClearSettingError() {
        try (HealthServer first = HealthServer.start("127.0.0.1", 0, List.of(), null)) {
            assertThatThrownBy(() -> HealthServer.start("127.0.0.1", first.port(), List.of(), null))
                    .isInstanceOf(VendorSettingException.class).hasMessageContaining("--http-port " + first.port())
                    .hasMessageContaining("cannot listen");
        }
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(HealthServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
