package dev.auditsdk.boomi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.testing.SecretLeakGuard;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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

    @Test
    void readsTheExpiryClaim() {
        assertThat(BoomiJwt.expiryClaim(jwt("{\"sub\":\"a\",\"exp\":1767225600}")))
                .hasValue(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void toleratesTokensWithoutAReadableExpiry() {
        assertThat(BoomiJwt.expiryClaim(jwt("{\"sub\":\"a\"}"))).isEmpty();
        assertThat(BoomiJwt.expiryClaim(jwt("{\"exp\":\"soon\"}"))).isEmpty();
        assertThat(BoomiJwt.expiryClaim("opaque-S3CR3T")).isEmpty();
        assertThat(BoomiJwt.expiryClaim("a.%%%.b")).isEmpty();
        assertThat(BoomiJwt.expiryClaim("a.bm90IGpzb24.b")).isEmpty();
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
