package dev.auditsdk.core.spi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpResult#readJson(String)}: the whole answer as a tree, within the transport's read limits. */
class HttpResultTest {
    private static final RetryPolicy FAST = RetryPolicy.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + wm.port() + path);
    }

    @Test
    void readsTheAnswerAsATree() {
        wm.stubFor(get("/status").willReturn(aResponse().withBody("{\"state\":\"COMPLETE\",\"files\":[1,2]}")));
        try (HttpTransport t = HttpTransport.builder().vendor("test").retryPolicy(FAST).build()) {
            JsonNode node = t.send(HttpRequestSpec.get(url("/status")).build(), r -> r.readJson("the status"));

            assertThat(node.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(node.path("files")).hasSize(2);
        }
    }

    @Test
    void appliesTheTransportsTreeLimitNamingTheDocument() {
        wm.stubFor(get("/status").willReturn(aResponse().withBody("{\"padding\":\"" + "x".repeat(5000) + "\"}")));
        ReadLimits small = ReadLimits.defaults().toBuilder().maxTreeBytes(1024).build();
        try (HttpTransport t = HttpTransport.builder().vendor("test").retryPolicy(FAST).limits(small).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/status")).build(), r -> r.readJson("the status")))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("maxTreeBytes")
                    .hasMessageContaining("the status");
        }
    }

    @Test
    void malformedJsonIsADataErrorWithItsPosition() {
        wm.stubFor(get("/status").willReturn(aResponse().withBody("{\"state\": COMPLETE}")));
        try (HttpTransport t = HttpTransport.builder().vendor("test").retryPolicy(FAST).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/status")).build(), r -> r.readJson("the status")))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("line 1");
        }
    }
}
