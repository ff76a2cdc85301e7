package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
     * Reads a UiPath date-time: ISO-8601 with an offset or {@code Z} and up to 9 fractional
     * digits (the classic API sends 7 and an offset), or without an offset, which .NET writes
     * for UTC values of unspecified kind: taken as UTC.
     *
     * @param field the field name, for the error message
     * @param value the text
     * @return the instant
     * @throws AuditDataException when the text is not a date-time
     */
    static Instant instant(String field, String value) {
        String s = value.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new AuditDataException("UiPath entry has an unreadable '" + field + "': '" + shorten(s) + "'", e2);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
