package dev.auditsdk.informatica.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reading the fields both Informatica logs share: ids, optional texts (blank counts as absent),
 * and date-times with Informatica's quirks on top of core's {@link Timestamps}: epoch
 * milliseconds as numbers, and the v2 audit log's {@code entryTime}, US Eastern wall-clock time
 * even when it ends in {@code Z}. A malformed entry is an {@link IllegalArgumentException}, the
 * contract of the entries' {@code of(JsonNode)}.
 */
final class InformaticaFields {
    /** The zone of the v2 audit log's {@code entryTime}. */
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private InformaticaFields() {
    }

    /**
     * @param raw the entry
     * @param what the kind of entry, for messages ("audit log entry")
     * @return its textual or numeric {@code id}
     * @throws IllegalArgumentException if the entry is not an object or has no id
     */
    static String id(JsonNode raw, String what) {
        if (!raw.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, was " + raw.getNodeType());
        }
        JsonNode id = raw.get("id");
        if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
            throw new IllegalArgumentException(what + " without an 'id'");
        }
        return id.asText();
    }

    /** @return the field as text; empty when missing, null or blank */
    static Optional<String> text(JsonNode raw, String field) {
        JsonNode v = raw.get(field);
        return present(v) ? Optional.of(v.asText()) : Optional.empty();
    }

    /** @return whether a field holds a value (not missing, null or blank) */
    static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !v.isMissingNode() && !(v.isTextual() && v.textValue().isBlank());
    }

    /**
     * @param what the entry, for messages ("audit log entry 42")
     * @param field the field's name
     * @param node a textual date-time or a number of epoch milliseconds
     * @param zoneWithoutOffset the zone of a text without offset
     * @param zIsLocal true when a zero offset ({@code Z}, {@code +00:00}, {@code +0000},
     *     {@code -00:00}) is to be ignored: the text is wall-clock time in
     *     {@code zoneWithoutOffset} despite it (a non-zero offset is honoured)
     * @return the instant
     * @throws IllegalArgumentException naming the entry, field and value if the value is neither
     */
    private static String withoutZeroOffset(String text) {
        if (text.endsWith("Z") || text.endsWith("z")) {
            return text.substring(0, text.length() - 1);
        }
        for (String zero : new String[] {"+00:00", "-00:00", "+0000", "-0000"}) {
            if (text.endsWith(zero) && text.length() > zero.length() + 10) {
                return text.substring(0, text.length() - zero.length());
            }
        }
        return text;
    }

    /**
     * @param instant an instant
     * @return it as US Eastern wall-clock time with its real offset, e.g. {@code 2026-03-01T07:00:00-05:00}
     */
    static String eastern(Instant instant) {
        return instant.atZone(EASTERN).toOffsetDateTime().toString();
    }

    static Instant instant(String what, String field, JsonNode node, ZoneId zoneWithoutOffset, boolean zIsLocal) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        String text = node.asText().trim();
        if (zIsLocal) {
            text = withoutZeroOffset(text);
        }
        try {
            return Timestamps.parse(field, text, zoneWithoutOffset);
        } catch (AuditDataException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
