package dev.auditsdk.informatica.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.auth.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    void toStringHidesTheId() {
        String id = "session-S3CR3T-value";
        assertThat(InformaticaSession.of(Secret.of(id), SERVER).toString()).doesNotContain(id).contains("na4.dm-us");
    }
}
