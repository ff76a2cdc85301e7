package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksJsonSecretValues() {
        String out = Redactor.mask("{\"username\":\"bob\",\"password\":\"pw1\",\"icSessionId\":\"abc\",\"access_token\":\"t\"}");
        assertThat(out).contains("\"username\":\"bob\"").doesNotContain("pw1").doesNotContain("abc").doesNotContain("\"t\"");
    }

    @Test
    void masksFormAndHeaderLikeValues() {
        assertThat(Redactor.mask("client_secret=xyz&grant_type=client_credentials"))
                .doesNotContain("xyz").contains("grant_type=client_credentials");
        assertThat(Redactor.mask("Authorization: Bearer eyJhbGciOi.abc.def")).doesNotContain("eyJhbGciOi");
    }

    @Test
    void masksBareJwts() {
        assertThat(Redactor.mask("token expired: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl, retry"))
                .isEqualTo("token expired: ***, retry");
    }

    @Test
    void excerptIsShortAndOneLine() {
        String ex = Redactor.excerpt("line1\nline2\n" + "x".repeat(2000));
        assertThat(ex).doesNotContain("\n").hasSizeLessThanOrEqualTo(Redactor.MAX_EXCERPT + 3);
    }
}
