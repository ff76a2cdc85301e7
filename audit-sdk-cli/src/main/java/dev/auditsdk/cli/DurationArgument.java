package dev.auditsdk.cli;

import dev.auditsdk.registry.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --interval}: {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, a plain number of seconds, or ISO {@code PT1M}. */
class DurationArgument implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value, zeroAllowed());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
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
