package dev.auditsdk.informatica.model;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Reads Informatica's date-times: ISO-8601 with a {@code Z}, an offset ({@code +00:00} or
 * {@code +0000}) or none, with or without fractions, or epoch milliseconds.
 */
final class InformaticaTimes {
    /** The zone of the v2 audit log's {@code entryTime}. */
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private InformaticaTimes() {
    }

    /**
     * @param node a textual date-time or a number of epoch milliseconds
     * @param zoneWithoutOffset the zone of a text without offset
     * @param zIsLocal true when a trailing {@code Z} is to be ignored (the text is wall-clock
     *     time in {@code zoneWithoutOffset} despite it)
     * @return the instant
     * @throws IllegalArgumentException if the value is neither
     */
    static Instant parse(JsonNode node, ZoneId zoneWithoutOffset, boolean zIsLocal) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        String text = node.asText().trim();
        try {
            TemporalAccessor parsed = LENIENT.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            boolean hasOffset = parsed.isSupported(ChronoField.OFFSET_SECONDS);
            boolean literalZ = text.toUpperCase(Locale.ROOT).endsWith("Z");
            if (hasOffset && !(zIsLocal && literalZ)) {
                return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
            }
            // ZonedDateTime.of picks the earlier offset in the repeated hour of a DST change.
            return local.atZone(zoneWithoutOffset).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date-time: '" + text + "'", e);
        }
    }
}
