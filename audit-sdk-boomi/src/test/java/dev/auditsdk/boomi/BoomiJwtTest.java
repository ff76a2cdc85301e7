package dev.auditsdk.boomi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.boomi.auth.BoomiCredentials;
import dev.auditsdk.core.spi.auth.AccessToken;
import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.testing.LogCapture;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.core.testing.SecretLeakGuard;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoomiJwtTest {

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".S3CR3Tsignature";
    }

    @Test
    void theSecretLeakGuardWatchesThisModule() {
        // every simulator secret contains its marker; the guard fails any test that prints one
        assertThat(SecretLeakGuard.isWatching()).isTrue();
    }

    private static final String GENERATE = "/auth/jwt/generate/acme-A1B2C3";
    private static final Instant T0 = Instant.parse("2026-12-03T11:00:00Z");

    private WireMockServer wm;
    private HttpTransport platform;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        platform = HttpTransport.builder().vendor("boomi").build();
    }

    @AfterEach
    void stop() {
        platform.close();
        wm.stop();
    }

    /** Serves {@code token} as the JWT endpoint's plain-text answer and returns the token the SDK caches. */
    private AccessToken fetched(String token, Duration lifetime) {
        SecretLeakGuard.secret(token);
        wm.stubFor(get(GENERATE).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(token)));
        TokenAuthenticator<AccessToken> auth = BoomiJwt.authenticator(platform, URI.create(wm.baseUrl() + GENERATE),
                lifetime, BoomiJwt.DEFAULT_REFRESH_AHEAD, new MutableClock(T0));
        return auth.token();
    }

    @Test
    void anExpClaimSoonerThanTheAssumedLifetimeIsTheExpiry() {
        assertThat(fetched(jwt("{\"sub\":\"a\",\"exp\":" + T0.plusSeconds(120).getEpochSecond() + "}"),
                BoomiJwt.DEFAULT_LIFETIME).expiresAt()).hasValue(T0.plusSeconds(120));
    }

    @Test
    void tokensWithoutAReadableExpiryGetTheAssumedLifetime() {
        assertThat(fetched(jwt("{\"sub\":\"a\"}"), BoomiJwt.DEFAULT_LIFETIME).expiresAt())
                .hasValue(T0.plus(BoomiJwt.DEFAULT_LIFETIME));
        assertThat(fetched("opaque-S3CR3T", BoomiJwt.DEFAULT_LIFETIME).expiresAt()).hasValue(T0.plus(BoomiJwt.DEFAULT_LIFETIME));
    }

    @Test
    void aHugeExpClaimDoesNotThrowAndIsClampedToADay() {
        String huge = jwt("{\"sub\":\"a\",\"exp\":" + Long.MAX_VALUE + "}");
        assertThat(fetched(huge, BoomiJwt.DEFAULT_LIFETIME).expiresAt()).hasValue(T0.plus(BoomiJwt.DEFAULT_LIFETIME));
        try (LogCapture log = LogCapture.start()) {
            assertThat(fetched(huge, Duration.ofDays(30)).expiresAt()).hasValue(T0.plus(Duration.ofHours(24)));
            assertThat(log.text()).contains("boomi JWT exp: the server-sent lifetime of 2592000 s is longer than the maximum")
                    .doesNotContain("S3CR3T");
        }
    }

    @Test
    void anExpClaimAlreadyPastIsClampedToThirtySecondsWithALogLine() {
        try (LogCapture log = LogCapture.start()) {
            AccessToken token = fetched(jwt("{\"sub\":\"a\",\"exp\":" + T0.minusSeconds(3600).getEpochSecond() + "}"),
                    BoomiJwt.DEFAULT_LIFETIME);

            assertThat(token.expiresAt()).hasValue(T0.plusSeconds(30));
            assertThat(log.text()).containsOnlyOnce("boomi JWT exp: the server-sent lifetime of -3600 s is shorter than"
                    + " the minimum; using 30 s").doesNotContain("S3CR3T");
        }
    }

    @Test
    void apiTokensBecomeBoomiTokenUsers() {
        UsernamePassword basic = BoomiCredentials.fromApiToken(ApiToken.of("ada@acme.example", Secret.of("t-S3CR3T")));
        assertThat(basic.username()).isEqualTo("BOOMI_TOKEN.ada@acme.example");
        assertThat(basic.password().reveal()).isEqualTo("t-S3CR3T");
        assertThat(BoomiCredentials.fromApiToken(ApiToken.of("BOOMI_TOKEN.ada@acme.example", Secret.of("t-S3CR3T")))
                .username()).isEqualTo("BOOMI_TOKEN.ada@acme.example");
        assertThatThrownBy(() -> BoomiCredentials.fromApiToken(ApiToken.of(Secret.of("t-S3CR3T"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
    }

    @Test
    void theOtpHeaderIsAddedAndMakesA401WorthOneReplay() {
        BoomiBasicAuthenticator plain = BoomiBasicAuthenticator.of(
                () -> UsernamePassword.of("ada@acme.example", Secret.of("pw-S3CR3T")), null);
        assertThat(plain.authenticate().headers()).containsOnlyKeys("Authorization");
        assertThat(plain.refresh(plain.authenticate())).isFalse();
        BoomiBasicAuthenticator twoFactor = BoomiBasicAuthenticator.of(
                () -> UsernamePassword.of("ada@acme.example", Secret.of("pw-S3CR3T")), () -> Secret.of("123456"));
        assertThat(twoFactor.authenticate().headers()).containsEntry("X-Boomi-OTP", "123456");
        assertThat(twoFactor.refresh(twoFactor.authenticate())).isTrue();
        assertThat(twoFactor.toString()).doesNotContain("S3CR3T").doesNotContain("123456");
    }
}
