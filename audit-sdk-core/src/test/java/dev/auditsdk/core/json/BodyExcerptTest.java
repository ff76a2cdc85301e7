package dev.auditsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyExcerptTest {

    @Test
    void redactsCredentialsInTheirCommonShapes() {
        String text = "{\"username\":\"ops\",\"password\":\"Pa55-word!\",\"icSessionId\":\"9x8y7z\"} "
                + "Authorization: Bearer abc.def.ghi token=tok_123 client_secret=s3cr3t "
                + "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        String excerpt = BodyExcerpt.of(text, 500);
        assertThat(excerpt).doesNotContain("Pa55-word!", "9x8y7z", "abc.def.ghi", "tok_123", "s3cr3t", "eyJhbGci")
                .contains("\"username\":\"ops\"", "\"password\":\"***\"", "Authorization: ***", "token=***");
        assertThat(BodyExcerpt.of("WWW-Authenticate: Bearer abcdef123")).isEqualTo("WWW-Authenticate: Bearer ***");
    }

    @Test
    void redactsLongOpaqueRunsButKeepsOrdinaryWordsAndUuids() {
        String excerpt = BodyExcerpt.of("id 3456789a-bcde-f012-3456-789abcdef012 key 1_70df0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f", 500);
        assertThat(excerpt).contains("3456789a-bcde-f012-3456-789abcdef012").doesNotContain("70df0a9b");
    }

    @Test
    void isShortAndSingleLine() {
        String excerpt = BodyExcerpt.of("line one\r\nline two\t" + "z".repeat(500), 40);
        assertThat(excerpt).hasSize(43).endsWith("...").doesNotContain("\n", "\r", "\t");
        assertThat(BodyExcerpt.of(null)).isEmpty();
        assertThat(BodyExcerpt.of("short")).isEqualTo("short");
    }
}
