package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.testing.LogCapture;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InformaticaSessionTest {
    private static final URI SERVER = URI.create("https://na4.dm-us.informaticacloud.com/saas");

    private static String jwt(String claims) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnLVMzQ1IzVA";
    }

    @Test
    void aJwtSessionExpiresAtItsExpClaim() {
        InformaticaSession s = InformaticaSession.of(Secret.of(jwt("{\"sub\":\"a\",\"exp\":1772366400}")), SERVER);
        assertThat(s.expiresAt()).hasValue(Instant.ofEpochSecond(1_772_366_400L));
        assertThat(s.serverUrl()).isEqualTo(SERVER);
    }

    @Test
    void opaqueIdsAndJwtsWithoutExpHaveNoKnownExpiry() {
        assertThat(InformaticaSession.of(Secret.of("9KA11tLGqxVcGeul8SQBK3"), SERVER).expiresAt()).isEmpty();
        assertThat(InformaticaSession.of(Secret.of(jwt("{\"sub\":\"a\"}")), SERVER).expiresAt()).isEmpty();
        assertThat(InformaticaSession.of(Secret.of("not.a.jwt!"), SERVER).expiresAt()).isEmpty();
        assertThat(InformaticaSession.of(Secret.of("a.bm90IGpzb24.c"), SERVER).expiresAt()).isEmpty();
    }

    @Test
    void anAbsurdExpClaimSaturatesInsteadOfThrowing() {
        InformaticaSession s = InformaticaSession.of(Secret.of(jwt("{\"sub\":\"a\",\"exp\":" + Long.MAX_VALUE + "}")), SERVER);
        assertThat(s.expiresAt()).hasValue(Instant.ofEpochSecond(Instant.MAX.getEpochSecond()));
        assertThat(InformaticaSession.of(Secret.of(jwt("{\"exp\":-1e300}")), SERVER).expiresAt()).hasValue(Instant.MIN);
    }

    @Test
    void aJwtSessionClaimingThirtyDaysIsRenewedAfterADayWithoutARefusedRequest() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        InformaticaSimulator sim = InformaticaSimulator.builder().credentials("auditor@example.com", "pw-S3CR3T")
                .clock(clock).jwtSessions(Duration.ofDays(30)).sessionIdleTimeout(Duration.ofDays(30)).build().start();
        InformaticaConnection client = new InformaticaConnection(InformaticaLogin.Api.V2, sim.loginUrl(),
                CredentialsProvider.of(UsernamePassword.of("auditor@example.com", Secret.of("pw-S3CR3T"))),
                HttpTransport.builder().vendor("informatica"), false, clock, Duration.ofMinutes(1));
        try (sim; client; LogCapture log = LogCapture.start()) {
            client.serverUrl();
            clock.advance(Duration.ofHours(23).plusMinutes(58));
            client.serverUrl();
            assertThat(sim.loginCount()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(1)); // one refresh-ahead minute before the clamped day ends
            client.serverUrl();

            assertThat(sim.loginCount()).isEqualTo(2);
            assertThat(sim.rejectedSessionCount()).isZero();
            assertThat(log.text()).contains("the server-sent lifetime of 2592000 s is longer than the maximum; using 86400 s");
        }
    }

    @Test
    void toStringHidesTheId() {
        String id = "session-S3CR3T-value";
        assertThat(InformaticaSession.of(Secret.of(id), SERVER).toString()).doesNotContain(id).contains("na4.dm-us");
    }
}
