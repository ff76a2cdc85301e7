package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.source.AbstractSourceBuilderTest;
import dev.auditsdk.core.http.HttpRequestInfo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.RecordingAuditLogListener;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.http.Operation;

/** The stream-level events the transport reports to a source's AuditLogListener, over loopback. */
class AuditLogEventsTest {
    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();

    private final RecordingAuditLogListener events = new RecordingAuditLogListener();
    private WireMockServer wm;

    @BeforeEach
    void start() {
        // bodies as stubbed, so the byte counts are known (WireMock gzips on its own otherwise)
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + wm.port() + path);
    }

    private HttpTransport.Builder transport() {
        return HttpTransport.builder().vendor("test").retryPolicy(FAST).auditLogListener(events);
    }

    @Test
    void everyAnswerThrottleAndRetryIsReportedInOrderThenTheAnsweredPage() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("busy"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("[1,2,3]")));

        try (HttpTransport t = transport().build()) {
            assertThat(t.sendForText(HttpRequestSpec.get(url("/logs")).build())).isEqualTo("[1,2,3]");
        }

        // 503 is no throttle under the standard policy: a server error, retried
        assertThat(events.events()).containsExactly("response 429", "throttle 429", "retry 1", "response 503", "retry 2",
                "response 200", "page");
        assertThat(events.bytes()).isEqualTo(7);
    }

    @Test
    void theVendorsThrottlePolicyDecidesWhatCountsAsAThrottle() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("rate limit exceeded")).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("ok")));

        try (HttpTransport t = transport().throttlePolicy(ThrottlePolicy.statuses(Set.of(429, 503))).build()) {
            t.sendForText(HttpRequestSpec.get(url("/logs")).build());
        }

        assertThat(events.events("throttle")).containsExactly("throttle 503");
        // the error body was read from the connection too
        assertThat(events.bytes()).isEqualTo("rate limit exceeded".length() + 2);
    }

    @Test
    void eachLoginOfATokenAuthenticatorIsReportedAsGrantedOrRefusedEvenWhenTheRefusalIsAnHttp200() {
        // the vendor refuses the second login in its body, as Jitterbit does, and in an error answer the third time
        wm.stubFor(post("/token").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("{\"ok\":true}")).willSetStateTo("refused in the body"));
        wm.stubFor(post("/token").inScenario("s").whenScenarioStateIs("refused in the body")
                .willReturn(aResponse().withBody("{\"ok\":false}")).willSetStateTo("refused"));
        wm.stubFor(post("/token").inScenario("s").whenScenarioStateIs("refused").willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/logs").willReturn(aResponse().withBody("[]")));
        try (HttpTransport plain = transport().build()) {
            Supplier<String> login = () -> {
                JsonNode answer = plain.withoutAuth().sendForJson(HttpRequestSpec.post(url("/token")).operation(Operation.LOGIN).build());
                if (!answer.path("ok").asBoolean()) {
                    throw new AuditAuthenticationException("test: login refused", 200, null, null, null);
                }
                return "token";
            };
            HttpRequestSpec logs = HttpRequestSpec.get(url("/logs")).build();

            // a new session per read: each logs in once
            plain.withAuthenticator(sessions(login)).sendForText(logs);
            assertThatThrownBy(() -> plain.withAuthenticator(sessions(login)).sendForText(logs)).hasMessage("test: login refused");
            assertThatThrownBy(() -> plain.withAuthenticator(sessions(login)).sendForText(logs))
                    .isInstanceOf(AuditAuthenticationException.class);
        }

        assertThat(events.events("login")).containsExactly("login true", "login false", "login false");
        // the login answers themselves are no pages; the one answered read of the log is
        assertThat(events.events("page")).hasSize(1);
    }

    private static TokenAuthenticator<String> sessions(Supplier<String> login) {
        return TokenAuthenticator.builder(login, token -> AuthHeaders.of("X-Token", token)).build();
    }

    @Test
    void downloadsArePagesAndStatusPollsAreNot() {
        wm.stubFor(get("/status").willReturn(aResponse().withBody("{\"state\":\"done\"}")));
        wm.stubFor(get("/file").willReturn(aResponse().withBody("a,b")));

        try (HttpTransport t = transport().build()) {
            t.sendForJson(HttpRequestSpec.get(url("/status")).operation(Operation.STATUS).build());
            t.sendForText(HttpRequestSpec.get(url("/file")).operation(Operation.DOWNLOAD).build());
        }

        assertThat(events.events()).containsExactly("response 200", "response 200", "page");
    }

    @Test
    void anAttemptWithoutAnAnswerIsReportedAndAFailedPageIsNoPage() {
        wm.stubFor(get("/logs").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditTransportException.class);
        }

        assertThat(events.events()).containsExactly("no-response", "retry 1", "no-response", "retry 2", "no-response");
    }

    @Test
    void bytesAreCountedAsReceivedOnAStreamedBodyBeforeDecompression() throws Exception {
        byte[] plain = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(plain);
        }
        wm.stubFor(get("/logs").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(zipped.toByteArray())));

        byte[] read;
        try (HttpTransport t = transport().build(); HttpResult answer = t.send(HttpRequestSpec.get(url("/logs")).build());
                InputStream body = answer.body()) {
            read = body.readAllBytes();
        }

        assertThat(read).isEqualTo(plain);
        assertThat(events.bytes()).isEqualTo(zipped.size());
    }

    @Test
    void theCallersTransportListenerStillSeesEveryCallback() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("ok")));
        List<String> seen = new CopyOnWriteArrayList<>();
        TransportListener transportListener = new TransportListener() {
            @Override
            public void onRequest(HttpRequestInfo request, int attempt) {
                seen.add("request " + attempt);
            }

            @Override
            public void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
                seen.add("response " + status);
            }

            @Override
            public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
                seen.add("retry " + attempt);
            }
        };

        try (HttpTransport t = transport().listener(transportListener).build()) {
            t.sendForText(HttpRequestSpec.get(url("/logs")).build());
        }

        assertThat(seen).containsExactly("request 1", "response 429", "retry 1", "request 2", "response 200");
        assertThat(events.events()).containsExactly("response 429", "throttle 429", "retry 1", "response 200", "page");
    }

    @Test
    void aSourceBuildersListenerReachesItsTransportAndItsDeliveryTrackers() {
        wm.stubFor(get("/logs").willReturn(aResponse().withBody("ok")));
        AbstractSourceBuilderTest.DemoBuilder builder = new AbstractSourceBuilderTest.DemoBuilder()
                .retryPolicy(FAST).auditLogListener(events);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        try (HttpTransport t = builder.build()) {
            t.sendForText(HttpRequestSpec.get(url("/logs")).build());
        }
        DeliveryTracker tracker = builder.delivery()
                .tracker(AuditLogQuery.builder().from(t0).to(t0.plusSeconds(60)).build()).build();
        tracker.markDelivered(t0.plusSeconds(1), "a");

        assertThat(builder.delivery().listener()).isSameAs(events);
        assertThat(events.events()).containsExactly("response 200", "page", "entry 2026-01-01T00:00:01Z",
                "watermark 2026-01-01T00:00:01Z");
    }

    @Test
    void aMissingListenerIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> HttpTransport.builder().auditLogListener(null)).hasMessage("auditLogListener");
        assertThatThrownBy(() -> new AbstractSourceBuilderTest.DemoBuilder().auditLogListener(null))
                .hasMessage("auditLogListener");
        assertThatThrownBy(() -> sessions(() -> "token").observeLogins(null)).hasMessage("listener");
    }
}
