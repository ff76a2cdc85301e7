package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.http.HttpRequestInfo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.SecretLeakGuard;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.auditsdk.core.http.TransportListener;

class HttpTransportTest {
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();

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

    private HttpTransport.Builder transport() {
        return HttpTransport.builder().vendor("test").retryPolicy(FAST);
    }

    @Test
    void waitsForRetryAfterSecondsThenSucceeds() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        try (HttpTransport t = transport().build()) {
            long start = System.nanoTime();
            String body = t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(body).isEqualTo("done");
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/logs")));
    }

    @Test
    void honoursHttpDateRetryAfter() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(1), ZoneOffset.UTC));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        try (HttpTransport t = transport().clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            long start = System.nanoTime();
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("done");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void retryAfterIsClampedToThePolicyMaximum() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        RetryPolicy clamped = FAST.toBuilder().maxRetryAfter(Duration.ofMillis(300)).build();
        try (HttpTransport t = transport().retryPolicy(clamped).build()) {
            long start = System.nanoTime();
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("done");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(30));
        }
    }

    @Test
    void aVendorReaderTakesTheWaitFromTheBodyWhenTheHeaderIsAbsent() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"retry_after\": 1}")).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        RetryPolicy slowBackoff = FAST.toBuilder().backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
        try (HttpTransport t = transport().retryPolicy(slowBackoff)
                .throttlePolicy(ThrottlePolicy.standard().withRetryAfterFromBody((status, body) ->
                        body.contains("\"retry_after\": 1") ? java.util.Optional.of(Duration.ofSeconds(1))
                        : java.util.Optional.empty()))
                .build()) {
            long start = System.nanoTime();
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("done");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void theWaitReadFromTheBodyIsReportedWhenRetriesRunOut() {
        wm.stubFor(get("/logs").willReturn(aResponse().withStatus(429).withBody("{\"retry_after\": 7}")));
        try (HttpTransport t = transport().retryPolicy(RetryPolicy.none())
                .throttlePolicy(ThrottlePolicy.standard()
                        .withRetryAfterFromBody((status, body) -> java.util.Optional.of(Duration.ofSeconds(7)))).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditRateLimitedException.class)
                    .satisfies(e -> assertThat(((AuditRateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404})
    void clientErrorsAreNotRetried(int status) {
        wm.stubFor(get("/logs").willReturn(aResponse().withStatus(status).withBody("{\"error\":\"nope\"}")));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditApiException.class)
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("GET http://127.0.0.1:" + wm.port() + "/logs")
                    .satisfies(e -> assertThat(((AuditApiException) e).statusCode()).isEqualTo(status));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/logs")));
    }

    @Test
    void statusesMapToSpecificExceptions() {
        wm.stubFor(get("/403").willReturn(aResponse().withStatus(403)));
        wm.stubFor(get("/404").willReturn(aResponse().withStatus(404)));
        wm.stubFor(get("/500").willReturn(aResponse().withStatus(500)));
        wm.stubFor(get("/429").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/403")).build())).isInstanceOf(AuditAccessDeniedException.class);
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/404")).build())).isInstanceOf(AuditNotFoundException.class);
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/500")).build())).isInstanceOf(AuditServerException.class);
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/429")).build()))
                    .isInstanceOf(AuditRateLimitedException.class)
                    .satisfies(e -> assertThat(((AuditRateLimitedException) e).retryAfter()).contains(Duration.ZERO));
        }
        wm.verify(FAST.maxAttempts(), getRequestedFor(urlPathEqualTo("/500")));
    }

    @Test
    void unauthorizedCausesExactlyOneRefreshAndOneReplay() {
        wm.stubFor(get("/logs").withHeader("Authorization", equalTo("Bearer old")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/logs").withHeader("Authorization", equalTo("Bearer new")).willReturn(aResponse().withBody("ok")));
        CountingAuthenticator auth = new CountingAuthenticator("old", "new");
        try (HttpTransport t = transport().authenticator(auth).build()) {
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("ok");
        }
        assertThat(auth.refreshes).hasValue(1);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/logs")));
    }

    @Test
    void aNewSessionThatEndsAfterOtherRequestsUsedItIsRenewedAgain() {
        // the server ends the new session after another request was served with it (a parallel
        // worker), before this request's replay: the credentials work, so renewing again is right
        wm.stubFor(get("/logs").withHeader("Authorization", equalTo("Bearer old")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/logs").withHeader("Authorization", equalTo("Bearer new")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/logs").withHeader("Authorization", equalTo("Bearer newer")).willReturn(aResponse().withBody("ok")));
        wm.stubFor(get("/other").withHeader("Authorization", equalTo("Bearer new")).willReturn(aResponse().withBody("other")));
        CountingAuthenticator auth = new CountingAuthenticator("old", "new", "newer");
        try (HttpTransport t = transport().authenticator(auth).build()) {
            auth.afterRefresh = () -> {
                if (auth.refreshes.get() == 1) {
                    assertThat(t.send(HttpRequestSpec.get(url("/other")).build()).bodyAsString()).isEqualTo("other");
                }
            };
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("ok");
        }
        assertThat(auth.refreshes).hasValue(2);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/logs")));
    }

    @Test
    void sessionsEndingAgainAndAgainAreRenewedAtMostThreeTimesPerRequest() {
        wm.stubFor(get("/logs").willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/other").willReturn(aResponse().withBody("other")));
        CountingAuthenticator auth = new CountingAuthenticator("a", "b", "c", "d", "e", "f");
        try (HttpTransport t = transport().authenticator(auth).build()) {
            auth.afterRefresh = () -> t.send(HttpRequestSpec.get(url("/other")).build()).bodyAsString();
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditAuthenticationException.class);
        }
        assertThat(auth.refreshes).hasValue(HttpTransport.MAX_RENEWALS);
        wm.verify(HttpTransport.MAX_RENEWALS + 1, getRequestedFor(urlPathEqualTo("/logs")));
    }

    @Test
    void persistentUnauthorizedIsAnAuthenticationErrorWithoutRefreshLoop() {
        wm.stubFor(get("/logs").willReturn(aResponse().withStatus(401).withBody("bad credentials")));
        CountingAuthenticator auth = new CountingAuthenticator("a", "b", "c", "d");
        try (HttpTransport t = transport().authenticator(auth).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditAuthenticationException.class);
        }
        assertThat(auth.refreshes).hasValue(1);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/logs")));
    }

    @Test
    void postIsNotRetriedUnlessMarkedSafe() {
        wm.stubFor(post("/query").willReturn(aResponse().withStatus(503)));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.post(url("/query")).textBody("q", "text/plain").build()))
                    .isInstanceOf(AuditServerException.class);
            wm.verify(1, postRequestedFor(urlPathEqualTo("/query")));
            wm.resetRequests();
            assertThatThrownBy(() -> t.send(HttpRequestSpec.post(url("/query")).textBody("q", "text/plain")
                    .retrySafe(true).build())).isInstanceOf(AuditServerException.class);
            wm.verify(FAST.maxAttempts(), postRequestedFor(urlPathEqualTo("/query")));
        }
    }

    @Test
    void connectionResetIsRetried() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        try (HttpTransport t = transport().build()) {
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("done");
        }
    }

    @Test
    void ioFailureAfterRetriesIsATransportException() {
        wm.stubFor(get("/logs").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditTransportException.class)
                    .hasMessageContaining("test: GET");
        }
        // the JDK client itself repeats a GET once when the connection closes before any answer
        int requests = wm.findAll(getRequestedFor(urlPathEqualTo("/logs"))).size();
        assertThat(requests).isBetween(FAST.maxAttempts(), 2 * FAST.maxAttempts());
    }

    @Test
    void redirectToAnotherOriginDropsCredentials() {
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(get("/moved").willReturn(aResponse().withBody("there")));
            wm.stubFor(get("/logs").willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://localhost:" + other.port() + "/moved")));
            try (HttpTransport t = transport().authenticator(new CountingAuthenticator("tok")).build()) {
                assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("there");
            }
            wm.verify(getRequestedFor(urlPathEqualTo("/logs")).withHeader("Authorization", equalTo("Bearer tok")));
            other.verify(getRequestedFor(urlPathEqualTo("/moved")).withHeader("Authorization", absent()));
        } finally {
            other.stop();
        }
    }

    @Test
    void sameOriginRedirectKeepsCredentials() {
        wm.stubFor(get("/logs").willReturn(aResponse().withStatus(307).withHeader("Location", "/v2/logs")));
        wm.stubFor(get("/v2/logs").willReturn(aResponse().withBody("here")));
        try (HttpTransport t = transport().authenticator(new CountingAuthenticator("tok")).build()) {
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("here");
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/v2/logs")).withHeader("Authorization", equalTo("Bearer tok")));
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeAnyRequest() {
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(URI.create("http://audit.example.com/logs")).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refusing plain HTTP to audit.example.com");
        }
    }

    @Test
    void gzipBodiesAreDecompressedAndUserAgentIsSent() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));
        }
        wm.stubFor(get("/logs").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(buf.toByteArray())));
        try (HttpTransport t = transport().build()) {
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/logs"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching("audit-sdk/.+"))
                .withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void stalledBodyFailsAtTheReadTimeout() {
        wm.stubFor(get("/logs").willReturn(aResponse().withBody("x".repeat(1000)).withChunkedDribbleDelay(4, 4000)));
        try (HttpTransport t = transport().bodyReadTimeout(Duration.ofMillis(400)).build()) {
            HttpResult r = t.send(HttpRequestSpec.get(url("/logs")).build());
            assertThatThrownBy(r::bodyAsString)
                    .isInstanceOf(AuditTransportException.class)
                    .hasMessageContaining("timed out");
        }
    }

    @Test
    void clientSideRateLimitSpacesRequests() {
        wm.stubFor(get("/logs").willReturn(aResponse().withBody("ok")));
        RetryPolicy limited = FAST.toBuilder().rateLimitPerSecond(5).build();
        try (HttpTransport t = transport().retryPolicy(limited).build()) {
            long start = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                t.send(HttpRequestSpec.get(url("/logs")).build()).close();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void errorExcerptsAreRedacted() {
        String secret = SecretLeakGuard.secret("hunter2-" + SecretLeakGuard.MARKER);
        wm.stubFor(get("/logs").willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"bad\",\"password\":\"" + secret + "\",\"sessionId\":\"" + secret + "\"}")));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/logs")).build()))
                    .isInstanceOf(AuditApiException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("bad").doesNotContain(secret))
                    .satisfies(e -> assertThat(((AuditApiException) e).bodyExcerpt().orElseThrow()).doesNotContain(secret));
        }
    }

    @Test
    void listenerSeesRetries() {
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        TransportListener l = new TransportListener() {
            @Override
            public void onRequest(HttpRequestInfo request, int attempt) {
                requests.incrementAndGet();
            }

            @Override
            public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
                retries.incrementAndGet();
            }
        };
        try (HttpTransport t = transport().listener(l).build()) {
            t.send(HttpRequestSpec.get(url("/logs")).build()).close();
        }
        assertThat(requests).hasValue(2);
        assertThat(retries).hasValue(1);
    }

    /** A test authenticator handing out the given tokens in turn. */
    static final class CountingAuthenticator implements Authenticator {
        private final String[] tokens;
        private volatile int current;
        final AtomicInteger refreshes = new AtomicInteger();
        private volatile AuthHeaders headers;
        /** Runs after each refresh, outside the lock: what other threads do meanwhile. */
        volatile Runnable afterRefresh = () -> { };

        CountingAuthenticator(String... tokens) {
            this.tokens = tokens;
            this.headers = AuthHeaders.of("Authorization", "Bearer " + tokens[0]);
        }

        @Override
        public AuthHeaders authenticate() {
            return headers;
        }

        @Override
        public boolean refresh(AuthHeaders rejected) {
            synchronized (this) {
                refreshes.incrementAndGet();
                if (rejected == headers && current + 1 < tokens.length) {
                    current++;
                    headers = AuthHeaders.of("Authorization", "Bearer " + tokens[current]);
                }
            }
            afterRefresh.run();
            return true;
        }
    }
}
