package dev.auditsdk.core.source;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.http.HttpRequestInfo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.http.HttpRequestSpec;

public class AbstractSourceBuilderTest {
    private static final RetryPolicy FAST = RetryPolicy.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();

    /** The smallest vendor builder: one vendor option, the shared ones, and a transport. */
    public static final class DemoBuilder extends AbstractSourceBuilder<DemoBuilder> {
        String region;

        DemoBuilder region(String region) {
            this.region = region;
            return this;
        }

        public HttpTransport build() {
            return transportBuilder("demo").build();
        }

        URI baseUrl(URI url) {
            return requireBaseUrl("demo", url, "baseUrl(...)");
        }

        /** @return the delivery options the builder hands its pagers */
        public DeliveryOptions delivery() {
            return configuredDelivery();
        }
    }

    /** A vendor whose documentation asks for more attempts by default. */
    static final class PatientBuilder extends AbstractSourceBuilder<PatientBuilder> {
        static final RetryPolicy VENDOR_DEFAULT = RetryPolicy.builder().maxAttempts(7).build();

        @Override
        protected RetryPolicy defaultRetryPolicy() {
            return VENDOR_DEFAULT;
        }

        @Override
        protected Duration defaultLateness() {
            return Duration.ofMinutes(1);
        }

        @Override
        protected int defaultParallelism() {
            return 3;
        }

        HttpTransport build() {
            return transportBuilder("patient").build();
        }

        Duration lateness() {
            return configuredLateness();
        }

        @Override
        protected Duration defaultSettleLag() {
            return Duration.ofMinutes(3);
        }

        dev.auditsdk.core.spi.paging.DeliveryOptions delivery() {
            return configuredDelivery();
        }
    }

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
    void defaultsAreCoreDefaultsAndHttpsOnly() {
        DemoBuilder b = new DemoBuilder();
        assertThat(b.configuredRetryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(b.insecureHttpAllowed()).isFalse();
        assertThat(b.configuredClock()).isEqualTo(Clock.systemUTC());
        try (HttpTransport t = b.build()) {
            assertThat(t.vendor()).isEqualTo("demo");
            assertThat(t.retryPolicy()).isEqualTo(RetryPolicy.defaults());
            assertThat(t.allowsInsecureHttp()).isFalse();
        }
    }

    @Test
    void settersReturnTheConcreteBuilderAndReachTheTransport() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).build();
        DemoBuilder b = new DemoBuilder().retryPolicy(policy).allowInsecureHttp(true).connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2)).bodyReadTimeout(Duration.ofSeconds(3))
                .listener(TransportListener.NONE).clock(Clock.systemUTC()).httpClient(null).region("eu");
        assertThat(b.region).isEqualTo("eu");
        try (HttpTransport t = b.build()) {
            assertThat(t.retryPolicy()).isEqualTo(policy);
            assertThat(t.allowsInsecureHttp()).isTrue();
        }
    }

    @Test
    void vendorDefaultPolicyAppliesOnlyWhenTheCallerSetsNone() {
        try (HttpTransport t = new PatientBuilder().build()) {
            assertThat(t.retryPolicy()).isEqualTo(PatientBuilder.VENDOR_DEFAULT);
        }
        try (HttpTransport t = new PatientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            assertThat(t.retryPolicy()).isEqualTo(RetryPolicy.none());
        }
    }

    @Test
    void latenessIsTheVendorDefaultUntilTheCallerSetsOneAndNeverNegative() {
        assertThat(new PatientBuilder().lateness()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new PatientBuilder().lateness(Duration.ZERO).lateness()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> new DemoBuilder().lateness(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lateness must not be negative");
    }

    @Test
    void deliveryOptionsCarryLatenessPolicyAndSettleLagWithVendorDefaults() {
        dev.auditsdk.core.spi.paging.DeliveryOptions defaults = new PatientBuilder().delivery();
        assertThat(defaults.lateness()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.lateEntries()).isEqualTo(dev.auditsdk.core.LateEntryPolicy.FAIL);
        assertThat(defaults.settleLag()).isEqualTo(Duration.ofMinutes(3));
        dev.auditsdk.core.spi.paging.DeliveryOptions set = new PatientBuilder().settleLag(Duration.ZERO)
                .lateEntryPolicy(dev.auditsdk.core.LateEntryPolicy.DELIVER).delivery();
        assertThat(set.settleLag()).isEqualTo(Duration.ZERO);
        assertThat(set.lateEntries()).isEqualTo(dev.auditsdk.core.LateEntryPolicy.DELIVER);
        assertThatThrownBy(() -> new DemoBuilder().settleLag(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settleLag must not be negative");
    }

    @Test
    void listenerAndCallerOwnedClientCarryTheRequests() {
        wm.stubFor(get("/logs").willReturn(aResponse().withBody("ok")));
        List<String> seen = new CopyOnWriteArrayList<>();
        TransportListener listener = new TransportListener() {
            @Override
            public void onRequest(HttpRequestInfo request, int attempt) {
                seen.add("request " + attempt);
            }

            @Override
            public void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
                seen.add("response " + status);
            }
        };
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (HttpTransport t = new DemoBuilder().listener(listener).httpClient(client).build()) {
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("ok");
        }
        assertThat(seen).containsExactly("request 1", "response 200");
        // the transport did not close the caller's client: it still carries requests
        try (HttpTransport again = new DemoBuilder().httpClient(client).build()) {
            assertThat(again.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("ok");
        }
    }

    @Test
    void requestTimeoutReachesTheTransport() {
        wm.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(2000).withBody("late")));
        try (HttpTransport t = new DemoBuilder().retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(url("/slow")).build()))
                    .isInstanceOf(AuditTransportException.class);
        }
    }

    @Test
    void clockReachesTheTransportForHttpDateRetryAfter() {
        Instant now = Instant.parse("2020-01-01T00:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(1), ZoneOffset.UTC));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)).willSetStateTo("ok"));
        wm.stubFor(get("/logs").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody("done")));
        try (HttpTransport t = new DemoBuilder().retryPolicy(FAST).clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            long start = System.nanoTime();
            assertThat(t.send(HttpRequestSpec.get(url("/logs")).build()).bodyAsString()).isEqualTo("done");
            // with the system clock the date would lie in the past and the retry would not wait
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void eachTransportBuilderIsASnapshot() {
        DemoBuilder b = new DemoBuilder().retryPolicy(FAST);
        HttpTransport.Builder before = b.transportBuilder("demo");
        b.retryPolicy(RetryPolicy.none());
        try (HttpTransport t = before.build()) {
            assertThat(t.retryPolicy()).isEqualTo(FAST);
        }
    }

    @Test
    void rejectsMissingAndNonPositiveValuesNamingTheOption() {
        DemoBuilder b = new DemoBuilder();
        assertThatThrownBy(() -> b.retryPolicy(null)).isInstanceOf(NullPointerException.class).hasMessage("retryPolicy");
        assertThatThrownBy(() -> b.listener(null)).isInstanceOf(NullPointerException.class).hasMessage("listener");
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> b.connectTimeout(null)).isInstanceOf(NullPointerException.class).hasMessage("connectTimeout");
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> b.bodyReadTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bodyReadTimeout");
    }

    @Test
    void parallelismIsOneUnlessTheVendorOrTheCallerSaysOtherwiseWithinOneToSixteen() {
        assertThat(new DemoBuilder().configuredParallelism()).isEqualTo(1);
        assertThat(new PatientBuilder().configuredParallelism()).isEqualTo(3);
        assertThat(new PatientBuilder().parallelism(16).configuredParallelism()).isEqualTo(16);
        assertThat(new DemoBuilder().parallelism(1).configuredParallelism()).isEqualTo(1);
        for (int bad : new int[] {0, -1, 17}) {
            assertThatThrownBy(() -> new DemoBuilder().parallelism(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parallelism must be between 1 and 16, was " + bad);
        }
    }

    @Test
    void theBaseUrlIsCheckedOneWayForEverySource() {
        assertThat(new DemoBuilder().baseUrl(URI.create("https://demo.example/api"))).hasToString("https://demo.example/api");
        assertThat(new DemoBuilder().baseUrl(URI.create("http://127.0.0.1:8080"))).hasToString("http://127.0.0.1:8080");
        assertThat(new DemoBuilder().allowInsecureHttp(true).baseUrl(URI.create("http://demo.example")))
                .hasToString("http://demo.example");

        assertThatThrownBy(() -> new DemoBuilder().baseUrl(null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("demo source: set baseUrl(...)");
        assertThatThrownBy(() -> new DemoBuilder().baseUrl(URI.create("http://demo.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing plain HTTP to demo.example");
        assertThatThrownBy(() -> new DemoBuilder().baseUrl(URI.create("https://demo.example/api?token=abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "demo source: the URL must not have a query or fragment: https://demo.example/api");
    }
}
