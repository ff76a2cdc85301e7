package dev.auditsdk.core.spi.util;

import dev.auditsdk.core.error.AuditDataException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * The SDK's one reader of vendor date-times: lenient ISO-8601 to {@link Instant}.
 *
 * <p>Accepted: {@code yyyy-MM-dd}, then {@code T} or a space, then {@code HH:mm}, optional
 * {@code :ss}, an optional fraction of 0 to 9 digits, and an optional offset ({@code Z},
 * {@code +HH:MM}, {@code +HH:MM:ss}, {@code +HHMM} or {@code +HH}); letters in any case. A text
 * without an offset is wall-clock time in the zone the caller gives (UTC unless told
 * otherwise; .NET, for one, writes UTC values of unspecified kind so); in the repeated hour of
 * a daylight-saving change the earlier instant is taken. Surrounding blanks are ignored.
 * Anything else is an {@link AuditDataException} naming the field and showing the start of the
 * value.
 *
 * <p>Vendor quirks (epoch numbers, a {@code Z} that is not UTC) are handled by the vendor on top
 * of this class.
 */
public final class Timestamps {
    /** How much of a bad value an error message shows. */
    private static final int EXCERPT = 64;

    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {
    }

    /**
     * Reads a date-time; one without an offset is taken as UTC.
     *
     * @param field the field's name, for the error message
     * @param value the text
     * @return the instant
     * @throws AuditDataException naming the field when the value is missing, blank or not such a date-time
     */
    public static Instant parse(String field, String value) {
        return parse(field, value, ZoneOffset.UTC);
    }

    /**
     * Reads a date-time; one without an offset is wall-clock time in {@code zoneWithoutOffset}.
     *
     * @param field the field's name, for the error message
     * @param value the text
     * @param zoneWithoutOffset the zone of a text without an offset
     * @return the instant
     * @throws AuditDataException naming the field when the value is missing, blank or not such a date-time
     */
    public static Instant parse(String field, String value, ZoneId zoneWithoutOffset) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(zoneWithoutOffset, "zoneWithoutOffset");
        if (value != null) {
            // the common shape first, on the value as is: no blank check or trim copy per entry
            Instant fast = fastPath(value);
            if (fast != null) {
                return fast;
            }
        }
        if (value == null || value.isBlank()) {
            throw new AuditDataException("'" + field + "' is missing: a date-time is required");
        }
        String text = value.trim();
        Instant fast = fastPath(text);
        if (fast != null) {
            return fast;
        }
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            TemporalAccessor parsed = LENIENT_ISO.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
            }
            // ZonedDateTime picks the earlier offset in the repeated hour of a DST change.
            return local.atZone(zoneWithoutOffset).toInstant();
        } catch (DateTimeException e) {
            throw new AuditDataException("'" + field + "' is not an ISO-8601 date-time: '"
                    + Excerpt.of(value.trim(), EXCERPT) + "'", e);
        }
    }

    /**
     * The shape nearly every vendor writes, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, read
     * without the formatter (about twenty times faster, which matters at millions of entries);
     * null for anything else, which the formatter then reads.
     */
    private static Instant fastPath(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // e.g. February 30th: the formatter reports it properly
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The first whole second at or after {@code t}: for vendor filters that take seconds, so an
     * exclusive end rounded this way never cuts off an entry of the range's last second.
     *
     * @param t an instant
     * @return {@code t} if it is a whole second, else the next whole second
     */
    public static Instant ceilToSecond(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.SECONDS);
        return floor.equals(t) ? t : floor.plusSeconds(1);
    }
}
