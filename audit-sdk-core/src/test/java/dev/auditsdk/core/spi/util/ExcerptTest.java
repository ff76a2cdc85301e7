package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void masksCredentialsWithTheSdkRedactor() {
        String excerpt = Excerpt.of("{\"username\":\"ops\",\"password\":\"Pa55-word!\"} Authorization: Bearer abc.def", 500);
        assertThat(excerpt).doesNotContain("Pa55-word!", "abc.def").contains("\"username\":\"ops\"", "\"password\":\"***\"");
    }

    @Test
    void isShortAndSingleLine() {
        String excerpt = Excerpt.of("line one\r\nline two\t" + "z".repeat(500), 40);
        assertThat(excerpt).hasSize(43).endsWith("...").doesNotContain("\n", "\r", "\t");
        assertThat(Excerpt.of(null)).isEmpty();
        assertThat(Excerpt.of("short")).isEqualTo("short");
    }
}
