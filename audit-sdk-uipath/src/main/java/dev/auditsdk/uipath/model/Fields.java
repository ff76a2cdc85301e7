package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import java.time.Instant;
import java.util.Optional;

/** Reading UiPath JSON fields leniently (null, missing and non-text scalars) and its date-times. */
final class Fields {
    private Fields() {
    }

    /** @return the field as text; empty when missing, null, or a container */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    /** @return the field as non-blank text */
    static Optional<String> nonBlank(JsonNode node, String field) {
        return text(node, field).filter(s -> !s.isBlank());
    }

    /**
     * @param field the field name, for the error message
     * @param value the text
     * @return the instant
     * @throws AuditDataException when the text is not a date-time
     */
    static Instant instant(String field, String value) {
        try {
            return UiPathTimestamps.parse(value);
        } catch (AuditDataException e) {
            throw new AuditDataException("UiPath entry has an unreadable '" + field + "': '" + shorten(value.trim()) + "'", e);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
