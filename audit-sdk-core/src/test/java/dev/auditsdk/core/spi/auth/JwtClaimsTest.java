package dev.auditsdk.core.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {
    private static final Instant LATEST = Instant.ofEpochSecond(Instant.MAX.getEpochSecond());
    private static final Instant EARLIEST = Instant.MIN;

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnLVMzQ1IzVA";
    }

    @Test
    void readsTheExpClaim() {
        assertThat(JwtClaims.expiry(jwt("{\"sub\":\"a\",\"exp\":1767225600}")))
                .hasValue(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(JwtClaims.expiry(jwt("{\"exp\":1767225600.75}"))).hasValue(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void readsPaddedAndStandardBase64PayloadsToo() {
        String claims = Base64.getEncoder().encodeToString("{\"exp\":1767225600,\"n\":\"??>\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(claims).contains("/");
        assertThat(JwtClaims.expiry("e30." + claims + ".sig")).hasValue(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void absurdExpiriesSaturateInsteadOfThrowing() {
        assertThat(JwtClaims.expiry(jwt("{\"exp\":" + Long.MAX_VALUE + "}"))).hasValue(LATEST);
        assertThat(JwtClaims.expiry(jwt("{\"exp\":99999999999999999999999999}"))).hasValue(LATEST);
        assertThat(JwtClaims.expiry(jwt("{\"exp\":1e300}"))).hasValue(LATEST);
        assertThat(JwtClaims.expiry(jwt("{\"exp\":" + Long.MIN_VALUE + "}"))).hasValue(EARLIEST);
        assertThat(JwtClaims.expiry(jwt("{\"exp\":-99999999999999999999999999}"))).hasValue(EARLIEST);
    }

    @Test
    void tokensWithoutAReadableExpHaveNone() {
        assertThat(JwtClaims.expiry(jwt("{\"sub\":\"a\"}"))).isEmpty();
        assertThat(JwtClaims.expiry(jwt("{\"exp\":\"soon\"}"))).isEmpty();
        assertThat(JwtClaims.expiry(jwt("[1,2]"))).isEmpty();
        assertThat(JwtClaims.expiry("opaque-S3CR3T")).isEmpty();
        assertThat(JwtClaims.expiry("9KA11tLGqxVcGeul8SQBK3")).isEmpty();
        assertThat(JwtClaims.expiry("a.%%%.b")).isEmpty();
        assertThat(JwtClaims.expiry("a.bm90IGpzb24.b")).isEmpty();
        assertThat(JwtClaims.expiry("not.a.jwt!")).isEmpty();
        assertThat(JwtClaims.expiry("a.b.c.d.e")).isEmpty();
        assertThat(JwtClaims.expiry("")).isEmpty();
    }
}
