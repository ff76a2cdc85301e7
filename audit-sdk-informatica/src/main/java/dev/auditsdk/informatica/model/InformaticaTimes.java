package dev.auditsdk.informatica.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.json.Timestamps;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Informatica's date-time quirks on top of core's {@link Timestamps}: epoch milliseconds as
 * numbers, and the v2 audit log's {@code entryTime}, US Eastern wall-clock time even when it ends
 * in {@code Z}.
 */
final class InformaticaTimes {
    /** The zone of the v2 audit log's {@code entryTime}. */
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private InformaticaTimes() {
    }

    /**
     * @param field the field's name, for the error message
     * @param node a textual date-time or a number of epoch milliseconds
     * @param zoneWithoutOffset the zone of a text without offset
     * @param zIsLocal true when a trailing {@code Z} is to be ignored (the text is wall-clock
     *     time in {@code zoneWithoutOffset} despite it)
     * @return the instant
     * @throws dev.auditsdk.core.error.AuditDataException naming the field if the value is neither
     */
    static Instant parse(String field, JsonNode node, ZoneId zoneWithoutOffset, boolean zIsLocal) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        String text = node.asText().trim();
        if (zIsLocal && (text.endsWith("Z") || text.endsWith("z"))) {
            text = text.substring(0, text.length() - 1);
        }
        return Timestamps.parse(field, text, zoneWithoutOffset);
    }
}
