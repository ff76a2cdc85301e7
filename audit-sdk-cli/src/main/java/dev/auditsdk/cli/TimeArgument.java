package dev.auditsdk.cli;

import dev.auditsdk.registry.StreamsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --from}/{@code --to}: an ISO-8601 instant with {@code Z} or an offset
 * ({@code 2026-01-31T12:00:00Z}, {@code 2026-01-31T12:00:00+01:00}), a date meaning its UTC
 * midnight ({@code 2026-01-31}), {@code now}, or an age such as {@code 30m}, {@code 24h},
 * {@code 7d}, {@code 2w} or {@code P1D}, meaning that long before now.
 */
final class TimeArgument implements ITypeConverter<Instant> {
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");
    private final Clock clock;

    TimeArgument(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        return parse(value, clock);
    }

    static Instant parse(String value, Clock clock) {
        String v = value.trim();
        if (v.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        Matcher age = AGE.matcher(v.toLowerCase(Locale.ROOT));
        if (age.matches()) {
            return clock.instant().minus(ageOf(Long.parseLong(age.group(1)), age.group(2)));
        }
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return clock.instant().minus(Duration.parse(v));
            }
            // the absolute forms, read as the streams file's 'from' is
            return StreamsConfig.parseTime(v);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a time: use an ISO instant with Z or an offset"
                    + " (2026-01-31T12:00:00Z), a date (2026-01-31, UTC midnight), 'now', or an age (30m, 24h, 7d)");
        }
    }

    private static Duration ageOf(long n, String unit) {
        switch (unit) {
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            default:
                return Duration.ofDays(7 * n);
        }
    }
}
