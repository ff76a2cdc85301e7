package dev.auditsdk.core.http;

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
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            // an HTTP-date has second precision: round up so the wait is never shortened
            if (d.isNegative()) {
                return Optional.of(Duration.ZERO);
            }
            long millis = d.toMillis();
            return Optional.of(Duration.ofMillis(((millis + 999) / 1000) * 1000));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
