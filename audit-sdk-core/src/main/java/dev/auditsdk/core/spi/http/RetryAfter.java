package dev.auditsdk.core.spi.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: delay-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}).
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * @param value the header value
     * @param now the current time, for HTTP-dates
     * @return the wait (zero for a date in the past), or empty when the value is neither form
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        if (v.matches("\\d{1,10}\\.\\d+")) {
            return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(v) * 1000)));
        }
        return httpDate(v).map(at -> {
            Duration d = Duration.between(now, at);
            // an HTTP-date has second precision: round up so the wait is never shortened
            if (d.isNegative()) {
                return Duration.ZERO;
            }
            long millis = d.toMillis();
            return Duration.ofMillis(((millis + 999) / 1000) * 1000);
        });
    }

    /**
     * Reads an HTTP-date (RFC 7231 IMF-fixdate, e.g. {@code Wed, 21 Oct 2026 07:28:00 GMT}), as in
     * {@code Retry-After} and {@code Date} headers.
     *
     * @param value the header value
     * @return the instant, or empty when the value is not an HTTP-date
     */
    public static Optional<Instant> httpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
