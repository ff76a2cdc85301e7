package dev.auditsdk.registry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as users write it in settings: {@code 500ms}, {@code 60s}, {@code 5m},
 * {@code 1h}, a plain number of seconds, or ISO-8601 {@code PT1M}. Shared by the command line
 * ({@code --interval}, {@code --lag}) and the connector ({@code poll.interval}, {@code lag}).
 */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /**
     * @param value the text
     * @param zeroAllowed whether {@code 0s} is valid (a lag may be zero, an interval may not)
     * @return the duration
     * @throws IllegalArgumentException saying which forms are accepted, when the text is none of
     *     them, or that it must be positive
     */
    public static Duration parse(String value, boolean zeroAllowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(v);
        Duration d;
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is too large a duration");
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = unit.equals("ms") ? Duration.ofMillis(n)
                    : unit.equals("s") ? Duration.ofSeconds(n)
                    : unit.equals("m") ? Duration.ofMinutes(n)
                    : unit.equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
        } else {
            try {
                d = Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration: use 500ms, 60s, 5m, 1h, 1d or PT1M");
            }
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw new IllegalArgumentException("'" + value + "' must be a positive duration");
        }
        return d;
    }
}
