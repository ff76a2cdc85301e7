package dev.auditsdk.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --interval}: {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, a plain number of seconds, or ISO {@code PT1M}. */
class DurationArgument implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(v);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = unit.equals("ms") ? Duration.ofMillis(n)
                    : unit.equals("s") ? Duration.ofSeconds(n)
                    : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
        } else {
            try {
                d = Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration: use 500ms, 60s, 5m, 1h or PT1M");
            }
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed())) {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return d;
    }

    /** @return whether {@code 0s} is a valid value */
    boolean zeroAllowed() {
        return false;
    }

    /** Reads a duration that may be zero, e.g. {@code --lag 0s}. */
    static final class OrZero extends DurationArgument {
        @Override
        boolean zeroAllowed() {
            return true;
        }
    }
}
