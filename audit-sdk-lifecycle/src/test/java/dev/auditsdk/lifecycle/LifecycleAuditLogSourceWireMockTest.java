package dev.auditsdk.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.auditsdk.lifecycle.LifecycleAuditLogSourceTest.FAST_RETRIES;
import static dev.auditsdk.lifecycle.LifecycleAuditLogSourceTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleAuditLogSourceWireMockTest {
    private static final String PATH = "/api/v2/auditLogs";
    private static final String PASSWORD = "admin-S3CR3T-123";
    private static final Instant FROM = Instant.parse("2024-03-20T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-22T00:00:00Z");

    private WireMockServer wm;
    private LifecycleAuditLogSource source;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        source = source("http://127.0.0.1:" + wm.port());
    }

    @AfterEach
    void stop() {
        source.close();
        wm.stop();
    }

    private static LifecycleAuditLogSource source(String baseUrl) {
        // one window after the other: the tests count requests per failing day
        return LifecycleAuditLogSource.builder().baseUrl(baseUrl).credentials("admin", PASSWORD).retryPolicy(FAST_RETRIES)
                .parallelism(1).build();
    }

    private void day(String date, int status, String contentType, String body) {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("startUtcDate", equalTo(date))
                .withQueryParam("endUtcDate", equalTo(date))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String line(String timestamp, String type) {
        return "{\"timestamp\":\"" + timestamp + "\",\"username\":\"admin\",\"domain\":\"authentication\",\"type\":\"" + type + "\"}\n";
    }

    @Test
    void sendsTheDocumentedRequestAndNormalizesAnyOffset() {
        day("2024-03-20", 200, "text/plain", line("2024-03-20T05:30:00.000+05:30", "login")
                + line("2024-03-20T00:00:00.001Z", "logout") + "\n");
        day("2024-03-21", 200, "text/plain", line("2024-03-20T21:15:00.250-03:00", "login"));

        LifecycleAuditLogSourceTest.Read read = read(source, AuditLogQuery.builder().from(FROM).to(TO).build());

        assertThat(read.entries).extracting(LifecycleAuditEntry::timestamp).containsExactly(
                Instant.parse("2024-03-20T00:00:00.000Z"), Instant.parse("2024-03-20T00:00:00.001Z"),
                Instant.parse("2024-03-21T00:15:00.250Z"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("startUtcDate", equalTo("2024-03-20"))
                .withQueryParam("endUtcDate", equalTo("2024-03-20")).withHeader("Authorization", equalTo(basic))
                .withHeader("Accept", equalTo("text/plain")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void keepsTheContextPathOfTheServerUrl() {
        wm.stubFor(get(urlPathEqualTo("/iq" + PATH)).willReturn(aResponse().withStatus(200)
                .withBody(line("2024-03-20T10:00:00.000Z", "login"))));

        try (LifecycleAuditLogSource iq = source("http://127.0.0.1:" + wm.port() + "/iq/")) {
            assertThat(read(iq, AuditLogQuery.builder().from(FROM).to(FROM.plusSeconds(86_400)).build()).entries).hasSize(1);
        }
    }

    @Test
    void aBadRequestCarriesTheServersText() {
        day("2024-03-20", 400, "text/plain", "Invalid startUtcDate: expected yyyy-MM-dd");

        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())) {
            assertThatThrownBy(() -> stream.iterator().hasNext())
                    .isInstanceOfSatisfying(AuditApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.bodyExcerpt()).hasValue("Invalid startUtcDate: expected yyyy-MM-dd");
                    })
                    .hasMessageContaining("HTTP 400").hasMessageContaining("Invalid startUtcDate: expected yyyy-MM-dd");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void unauthorizedAndForbiddenAreTypedWithAdvice() {
        day("2024-03-20", 401, "text/html", "<html><body>HTTP ERROR 401</body></html>");
        day("2024-03-21", 403, "text/plain", "Forbidden");

        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())) {
            assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(AuditAuthenticationException.class)
                    .hasMessageContaining("user token");
        }
        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(AuditLogQuery.builder()
                .from(Instant.parse("2024-03-21T00:00:00Z")).to(TO).build())) {
            assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(AuditAccessDeniedException.class)
                    .hasMessageContaining("Access Audit Log");
        }
    }

    @Test
    void anHtmlPageInsteadOfJsonLinesIsADataErrorAtLine1() {
        day("2024-03-20", 200, "text/html", "<!DOCTYPE html>\n<html><body>Sign in</body></html>\n");

        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())) {
            assertThatThrownBy(() -> stream.iterator().hasNext())
                    .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(1))
                    .hasMessageContaining("line 1");
        }
    }

    @Test
    void retriesAResetConnectionAndA503ThenReadsOnce() {
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("reset"));
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(line("2024-03-20T10:00:00.000Z", "login")
                        + line("2024-03-20T10:00:00.000Z", "login"))));

        LifecycleAuditLogSourceTest.Read read = read(source,
                AuditLogQuery.builder().from(FROM).to(FROM.plusSeconds(86_400)).build());

        assertThat(read.entries).hasSize(2);
        assertThat(read.ids()).doesNotHaveDuplicates();
    }

    @Test
    void rejectsIncompleteOrUnsafeConfiguration() {
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().baseUrl("http://iq.example.com").credentials("a", "b")
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowInsecureHttp");
        assertThat(LifecycleAuditLogSource.builder().baseUrl("http://iq.example.com").credentials("a", "b")
                .allowInsecureHttp(true).build().baseUrl()).hasToString("http://iq.example.com");
        assertThat(LifecycleAuditLogSource.builder().credentials("a", "b").build().baseUrl())
                .isEqualTo(LifecycleAuditLogSource.DEFAULT_BASE_URL);
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().windowSize(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowSize");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().windowSize(java.time.Duration.ofHours(36)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of days");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().baseUrl("https://iq.example.com/?x=1").credentials("a", "b")
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().lateness(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lateness");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().credentials("a", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("password");
    }

    @Test
    void neverShowsTheCredentials() {
        LifecycleAuditLogSource s = LifecycleAuditLogSource.builder().credentials("admin", PASSWORD).build();

        assertThat(s.toString()).doesNotContain(PASSWORD).contains("localhost:8070");
        assertThat(s.vendor()).isEqualTo("lifecycle");
        s.close();
    }
}
