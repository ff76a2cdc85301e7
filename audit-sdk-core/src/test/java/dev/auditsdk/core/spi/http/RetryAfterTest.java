package dev.auditsdk.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsHttpDates() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresGarbage() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    }

    @Test
    void readsAnHttpDateAsAnInstantAndNothingElse() {
        assertThat(RetryAfter.httpDate(" Wed, 21 Oct 2026 07:28:00 GMT")).contains(Instant.parse("2026-10-21T07:28:00Z"));
        assertThat(RetryAfter.httpDate("2026-10-21T07:28:00Z")).isEmpty();
        assertThat(RetryAfter.httpDate("120")).isEmpty();
        assertThat(RetryAfter.httpDate(null)).isEmpty();
    }
}
