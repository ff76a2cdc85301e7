package dev.auditsdk.jitterbit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Jitterbit's time formats: the request's {@code MM/dd/yyyy HH:mm:ss Z}, and the forms a log
 * file's {@code time} column may take (the vendor does not publish it): ISO-8601 with an offset
 * or {@code Z}, the request format, a local date-time in the request's {@code clientTimeZone},
 * or epoch milliseconds.
 *
 * <p>A parser remembers which form matched last and tries it first, so a large file costs one
 * attempt per entry.
 */
public final class JitterbitTime {
    /** The request's format, e.g. {@code 01/20/2023 01:01:00 +0100}. */
    public static final DateTimeFormatter REQUEST_FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss Z", Locale.ROOT);
    private static final Pattern DIGITS = Pattern.compile("-?\\d{10,}");

    private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter ISO_WITH_COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter REQUEST_FORMAT_FRACTION = new DateTimeFormatterBuilder()
            .appendPattern("MM/dd/yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LOCAL_ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LOCAL_US = new DateTimeFormatterBuilder()
            .appendPattern("MM/dd/yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final List<Form> FORMS = List.of(new Form(ISO_WITH_OFFSET, false),
            new Form(ISO_WITH_COMPACT_OFFSET, false), new Form(REQUEST_FORMAT_FRACTION, false),
            new Form(LOCAL_ISO, true), new Form(LOCAL_US, true));

    private final ZoneId zone;
    private volatile Form last;

    /**
     * @param zone the zone of date-times written without an offset (the request's {@code clientTimeZone})
     */
    public JitterbitTime(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Renders an instant in the request's format.
     *
     * @param instant the instant (sub-second parts are dropped)
     * @param zone the zone whose offset to show
     * @return e.g. {@code 01/20/2023 01:01:00 +0100}
     */
    public static String format(Instant instant, ZoneId zone) {
        return REQUEST_FORMAT.format(instant.atZone(zone));
    }

    /**
     * @param text a time as a log file writes it
     * @return the instant
     * @throws DateTimeParseException when no known form matches
     */
    public Instant parse(String text) {
        String t = text.trim();
        Form remembered = last;
        if (remembered != null) {
            try {
                return remembered.parse(t, zone);
            } catch (DateTimeParseException e) {
                // the file changed form; fall through to the full search
            }
        }
        if (DIGITS.matcher(t).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(t));
        }
        for (Form form : FORMS) {
            try {
                Instant i = form.parse(t, zone);
                last = form;
                return i;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new DateTimeParseException("not a Jitterbit time: '" + t + "'", t, 0);
    }

    /**
     * @param epochMillis a time written as a JSON number
     * @return the instant
     */
    public Instant parse(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** A parse form: with an offset in the text, or local in the request's zone. */
    private static final class Form {
        private final DateTimeFormatter formatter;
        private final boolean local;

        Form(DateTimeFormatter formatter, boolean local) {
            this.formatter = formatter;
            this.local = local;
        }

        Instant parse(String t, ZoneId zone) {
            if (local) {
                return LocalDateTime.parse(t, formatter).atZone(zone).toInstant();
            }
            return OffsetDateTime.parse(t, formatter).toInstant();
        }
    }
}
