package dev.auditsdk.jitterbit.model;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Jitterbit log file's {@code time} column, on top of core's {@link Timestamps}, in the
 * forms it may take (the vendor does not publish it): the request format
 * {@code MM/dd/yyyy HH:mm:ss Z} (optionally with a fraction, or without an offset), epoch
 * milliseconds, and ISO-8601, read by {@link Timestamps}, also with a space before its offset.
 * A time without an offset is wall-clock time in the request's {@code clientTimeZone}.
 */
final class JitterbitTime {

    /** The request's format as files write it: an optional fraction, an optional offset. */
    private static final DateTimeFormatter FILE_REQUEST_FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MM/dd/yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendLiteral(' ').appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{10,}");
    private static final Pattern US_DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}\\s.*");
    /** ISO-8601 with a blank before its offset, e.g. {@code 2024-01-20 01:00:01.5 +0100}. */
    private static final Pattern SPACED_OFFSET = Pattern.compile("(.*\\d)\\s+([+-]\\d{2}(?::?\\d{2})?|[zZ])");

    private final ZoneId zone;

    /**
     * @param zone the zone of date-times written without an offset (the request's {@code clientTimeZone})
     */
    JitterbitTime(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param field the column's name, for the error message
     * @param text a time as a log file writes it
     * @return the instant
     * @throws AuditDataException naming the field when the text is missing or no known form matches
     */
    Instant parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (EPOCH_MILLIS.matcher(t).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(t));
        }
        if (US_DATE.matcher(t).matches()) {
            return parseRequestFormat(field, t);
        }
        Matcher spaced = SPACED_OFFSET.matcher(t);
        return Timestamps.parse(field, spaced.matches() ? spaced.group(1) + spaced.group(2) : t, zone);
    }

    /**
     * @param epochMillis a time written as a JSON number
     * @return the instant
     */
    Instant parse(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    private Instant parseRequestFormat(String field, String t) {
        try {
            TemporalAccessor parsed = FILE_REQUEST_FORMAT.parse(t);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new AuditDataException("'" + field + "' is not a Jitterbit date-time (MM/dd/yyyy HH:mm:ss Z): '"
                    + t + "'", e);
        }
    }
}
