package dev.auditsdk.uipath;

import dev.auditsdk.core.http.HttpRequestInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiPathAuthenticationAndErrorsTest {
    private static final String TOKEN = "/identity_/connect/token";
    private static final AuditLogQuery DECEMBER = AuditLogQuery.builder().from(Instant.parse("2025-12-01T00:00:00Z")).build();
    private UiPathSimulator sim;
    private UiPathAuditLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private long count(AuditLogQuery query) {
        try (UiPathAuditLogStream stream = source.fetchWithTotalCount(query)) {
            return stream.stream().count();
        }
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void oneTokenServesManyStreamsAndIsRequestedAsDocumented() {
        sim = SimulatorFixture.simulator().classicEntries(10).build().start();
        source = SimulatorFixture.classic(sim).build();

        assertThat(count(DECEMBER)).isEqualTo(10);
        assertThat(count(DECEMBER)).isEqualTo(10);

        assertThat(sim.tokenRequestCount()).isEqualTo(1);
        RecordedRequest token = sim.requests().stream().filter(r -> r.path().equals(TOKEN)).findFirst().orElseThrow();
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
        assertThat(token.header("Authorization")).isEmpty();
        assertThat(token.bodyText()).contains("grant_type=client_credentials", "client_id=audit-reader", "scope=PM.Audit.Read");
    }

    @Test
    void aTokenIsReplacedShortlyBeforeItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
        sim = SimulatorFixture.simulator().classicEntries(5).clock(clock).tokenLifetime(Duration.ofHours(1)).build().start();
        source = SimulatorFixture.classic(sim).clock(clock).build();

        count(DECEMBER);
        clock.advance(Duration.ofMinutes(58));
        count(DECEMBER);
        assertThat(sim.tokenRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(90)); // 30 s before expiry: inside the one-minute margin
        count(DECEMBER);
        assertThat(sim.tokenRequestCount()).isEqualTo(2);
        assertThat(sim.requests()).filteredOn(r -> r.path().contains("auditlogs"))
                .allSatisfy(r -> assertThat(r.header("Authorization")).isPresent());
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheRequestReplayed() {
        sim = SimulatorFixture.simulator().classicEntries(5).build().start();
        source = SimulatorFixture.classic(sim).build();
        count(DECEMBER);
        long apiRequests = sim.requestCount("/acme");

        sim.revokeTokens(); // the server forgets it; the client still thinks it valid
        assertThat(count(DECEMBER)).isEqualTo(5);

        assertThat(sim.tokenRequestCount()).isEqualTo(2);
        // one page: the refused attempt and its replay
        assertThat(sim.requestCount("/acme") - apiRequests).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentStreamsShareOneTokenRequest() throws Exception {
        sim = SimulatorFixture.simulator().classicEntries(20).build().start();
        sim.setLatency(Duration.ofMillis(30)); // the token request is slow: every thread asks while it runs
        source = SimulatorFixture.classic(sim).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Long>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return count(DECEMBER);
                }));
            }
            go.countDown();
            for (Future<Long> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(20);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void aWrongClientSecretIsAnAuthenticationErrorThatNamesTheOAuthCodeButNotTheSecret() {
        sim = SimulatorFixture.simulator().classicEntries(1).build().start();
        String wrong = "wrong-" + dev.auditsdk.core.testing.SecretLeakGuard.MARKER + "-secret";
        source = SimulatorFixture.classic(sim).clientCredentials(SimulatorFixture.CLIENT_ID, wrong).build();

        assertThatThrownBy(() -> count(DECEMBER))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("client id and client secret")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(SimulatorFixture.CLIENT_SECRET);
                    assertThat(((AuditApiException) e).vendorCode()).hasValue("invalid_client");
                    assertThat(((AuditApiException) e).statusCode()).isEqualTo(400);
                });
        assertThat(sim.tokenRequestCount()).isEqualTo(1); // a refused grant is not retried
        // the guard scans this test's log output (TRACE) for the secrets and tokens, which carry its marker
        assertThat(dev.auditsdk.core.testing.SecretLeakGuard.isWatching()).isTrue();
    }

    @Test
    void aScopeTheApplicationLacksIsNamed() {
        sim = SimulatorFixture.simulator().build().start();
        source = SimulatorFixture.classic(sim).scopes("PM.Audit").build();

        assertThatThrownBy(() -> count(DECEMBER))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("invalid_scope")
                .hasMessageContaining("'PM.Audit'");
    }

    @Test
    void aTokenWithoutTheAuditScopeIsAccessDenied() {
        sim = SimulatorFixture.simulator().build().start();
        source = SimulatorFixture.classic(sim).scopes("OR.Audit.Read").build();

        assertThatThrownBy(() -> count(DECEMBER))
                .isInstanceOf(AuditAccessDeniedException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("PM.Audit.Read");
    }

    @Test
    void anUnknownTenantIsNotFoundWithAHint() {
        sim = SimulatorFixture.simulator().build().start();
        source = SimulatorFixture.classic(sim).tenant("NoSuchTenant").build();

        assertThatThrownBy(() -> count(DECEMBER))
                .isInstanceOf(AuditNotFoundException.class)
                .hasMessageContaining("unknown organization or tenant");
    }

    // ------------------------------------------------------------------ throttling

    @Test
    void waitsExactlyAsLongAsRetryAfterSays() {
        sim = SimulatorFixture.simulator().classicEntries(3).build().start();
        source = SimulatorFixture.classic(sim).build();
        count(DECEMBER); // token and first read out of the way
        sim.throttleNext(1, Duration.ofSeconds(1));

        long start = System.nanoTime();
        assertThat(count(DECEMBER)).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsAsLongAsARetryAfterInTheBodySays() {
        sim = SimulatorFixture.simulator().classicEntries(3).build().start();
        source = SimulatorFixture.classic(sim).build();
        count(DECEMBER);
        sim.throttleNextWithBodyRetryAfter(1, Duration.ofSeconds(1));

        long start = System.nanoTime();
        assertThat(count(DECEMBER)).isEqualTo(3);
        // the policy's own backoff is 5 ms: only the body's retry_after explains the wait
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whenRetriesRunOutTheWaitIsReported() {
        sim = SimulatorFixture.simulator().classicEntries(3).build().start();
        source = SimulatorFixture.classic(sim).retryPolicy(RetryPolicy.none()).build();
        count(DECEMBER);
        sim.throttleNext(1, Duration.ofSeconds(4));
        sim.throttleNextWithBodyRetryAfter(1, Duration.ofSeconds(6));

        assertThatThrownBy(() -> count(DECEMBER)).isInstanceOf(AuditRateLimitedException.class)
                .satisfies(e -> assertThat(((AuditRateLimitedException) e).retryAfter()).hasValue(Duration.ofSeconds(4)));
        assertThatThrownBy(() -> count(DECEMBER)).isInstanceOf(AuditRateLimitedException.class)
                .satisfies(e -> assertThat(((AuditRateLimitedException) e).retryAfter()).hasValue(Duration.ofSeconds(6)));
    }

    @Test
    void listenersSeeTheRemainingRateLimit() {
        sim = SimulatorFixture.simulator().classicEntries(3).build().start();
        sim.rateLimit(100, Duration.ofMinutes(1));
        List<String> remaining = new CopyOnWriteArrayList<>();
        source = SimulatorFixture.classic(sim).listener(new TransportListener() {
            @Override
            public void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
                headers.firstValue("X-RateLimit-Remaining").ifPresent(remaining::add);
            }
        }).build();

        count(DECEMBER);

        assertThat(remaining).isNotEmpty().contains("99");
    }

    // ------------------------------------------------------------------ building

    @Test
    void theBuilderRefusesIncompleteOrInsecureConfigurations() {
        assertThatThrownBy(() -> UiPathAuditLogSource.builder().clientCredentials("id", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("organization");
        assertThatThrownBy(() -> UiPathAuditLogSource.builder().organization("acme").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> UiPathAuditLogSource.builder().organization("acme").clientCredentials("id", "x")
                .baseUrl("http://uipath.example.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> UiPathUnifiedAuditLogSource.builder().pageSize(500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCount");
        assertThatThrownBy(() -> UiPathUnifiedAuditLogSource.builder().status(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");

        try (UiPathAuditLogSource insecureAllowed = UiPathAuditLogSource.builder().organization("acme").tenant("T")
                .clientCredentials("id", "x").baseUrl("http://uipath.example.com").allowInsecureHttp(true).build();
             UiPathAuditLogSource cloud = UiPathAuditLogSource.builder().organization("acme")
                .clientCredentials("id", "x").build()) {
            assertThat(insecureAllowed.url()).isEqualTo(URI.create("http://uipath.example.com/acme/T/audit_/api/auditlogs/"));
            assertThat(cloud.url()).isEqualTo(URI.create("https://cloud.uipath.com/acme/audit_/api/auditlogs/"));
            assertThat(cloud.vendor()).isEqualTo("uipath");
        }
    }

    @Test
    void bothUrlsGoThroughTheSharedCheck() {
        assertThatThrownBy(() -> UiPathAuditLogSource.builder().organization("acme").clientCredentials("id", "x")
                .baseUrl("https://cloud.uipath.com/?tenant=x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> UiPathUnifiedAuditLogSource.builder().organization("acme").clientCredentials("id", "x")
                .identityUrl("http://identity.example.com/identity_").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
    }

    @Test
    void aSourceDescribesItsSettingsWithoutTheSecret() {
        try (UiPathAuditLogSource classic = UiPathAuditLogSource.builder().organization("acme").tenant("T")
                .clientCredentials("id", SimulatorFixture.CLIENT_SECRET).pageSize(100).parallelism(2).build();
             UiPathUnifiedAuditLogSource unified = UiPathUnifiedAuditLogSource.builder().organization("acme")
                .clientCredentials("id", SimulatorFixture.CLIENT_SECRET).targets("User").build()) {
            assertThat(classic).hasToString("UiPathAuditLogSource{url=https://cloud.uipath.com/acme/T/audit_/api/auditlogs/,"
                    + " pageSize=100, parallelism=2}");
            assertThat(unified.toString()).startsWith("UiPathUnifiedAuditLogSource{url=https://cloud.uipath.com/acme/"
                    + "orgaudit_/api/query/events, source=[], target=[User]").doesNotContain(SimulatorFixture.CLIENT_SECRET);
        }
    }

    @Test
    void aCallerOwnedHttpClientStaysOpen() throws Exception {
        sim = SimulatorFixture.simulator().classicEntries(2).build().start();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        source = SimulatorFixture.classic(sim).httpClient(client).build();
        assertThat(count(DECEMBER)).isEqualTo(2);
        source.close();
        source = null;

        HttpResponse<String> stillWorks = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stillWorks.statusCode()).isEqualTo(404);
    }
}
