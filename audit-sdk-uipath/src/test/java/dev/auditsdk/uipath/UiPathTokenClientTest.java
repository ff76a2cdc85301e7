package dev.auditsdk.uipath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.spi.auth.AccessToken;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.OAuthClientCredentials;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.testing.LogCapture;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.core.testing.SecretLeakGuard;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UiPathTokenClientTest {
    private static final Instant T0 = Instant.parse("2026-12-03T11:00:00Z");
    private static final String TOKEN = "at-S3CR3T-value";

    private WireMockServer wm;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        transport = HttpTransport.builder().vendor("uipath").build();
        SecretLeakGuard.secret(TOKEN);
    }

    @AfterEach
    void stop() {
        transport.close();
        wm.stop();
    }

    /** Answers the token request with {@code expiresIn} as the raw JSON value of {@code expires_in} (null: absent). */
    private AccessToken tokenExpiringIn(String expiresIn) {
        wm.stubFor(post("/identity_/connect/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"scope\":\"PM.Audit.Read\""
                        + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn) + "}")));
        UiPathTokenClient client = new UiPathTokenClient(transport, URI.create(wm.baseUrl() + "/identity_"),
                CredentialsProvider.of(OAuthClientCredentials.of("audit-reader", Secret.of("cs-S3CR3T"))),
                List.of(UiPathTokenClient.SCOPE_PM_AUDIT_READ), new MutableClock(T0));
        return client.fetchToken();
    }

    @Test
    void theTokenExpiresExpiresInSecondsAfterTheRequest() {
        AccessToken token = tokenExpiringIn("3600");

        assertThat(token.value().reveal()).isEqualTo(TOKEN);
        assertThat(token.expiresAt()).hasValue(T0.plusSeconds(3600));
        assertThat(tokenExpiringIn("\"1800\"").expiresAt()).hasValue(T0.plusSeconds(1800));
    }

    @Test
    void aTokenWithoutExpiresInHasNoKnownExpiry() {
        assertThat(tokenExpiringIn(null).expiresAt()).isEmpty();
        assertThat(tokenExpiringIn("\"soon\"").expiresAt()).isEmpty();
    }

    @Test
    void expiresInZeroIsClampedToThirtySecondsWithALogLine() {
        try (LogCapture log = LogCapture.start()) {
            assertThat(tokenExpiringIn("0").expiresAt()).hasValue(T0.plusSeconds(30));
            assertThat(log.text()).containsOnlyOnce("uipath expires_in: the server-sent lifetime of 0 s is shorter than"
                    + " the minimum; using 30 s").doesNotContain("S3CR3T");
        }
        assertThat(tokenExpiringIn("-60").expiresAt()).hasValue(T0.plusSeconds(30));
    }

    @Test
    void aHugeExpiresInIsClampedToADayInsteadOfOverflowing() {
        try (LogCapture log = LogCapture.start()) {
            assertThat(tokenExpiringIn(Long.toString(Long.MAX_VALUE)).expiresAt()).hasValue(T0.plus(Duration.ofHours(24)));
            assertThat(log.text()).contains("uipath expires_in: the server-sent lifetime of " + Long.MAX_VALUE
                    + " s is longer than the maximum").doesNotContain("S3CR3T");
        }
        assertThat(tokenExpiringIn("123456789012345678901234567890").expiresAt()).hasValue(T0.plus(Duration.ofHours(24)));
        assertThat(tokenExpiringIn("1e300").expiresAt()).hasValue(T0.plus(Duration.ofHours(24)));
    }
}
