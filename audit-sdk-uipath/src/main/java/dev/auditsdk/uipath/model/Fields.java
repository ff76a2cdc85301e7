package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import java.util.Objects;
import java.util.Optional;

/** Reading UiPath JSON fields leniently (null, missing and non-text scalars). */
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
     * The start of every UiPath entry: it must be an object with a non-blank {@code createdOn}.
     *
     * @param raw the element as received
     * @param what the kind of entry, for messages ("UiPath audit log entry")
     * @return its {@code createdOn}
     * @throws AuditDataException if it is not an object or has no {@code createdOn}
     */
    static String requireCreatedOn(JsonNode raw, String what) {
        Objects.requireNonNull(raw, "raw");
        if (!raw.isObject()) {
            throw new AuditDataException(what + " is not a JSON object but " + raw.getNodeType());
        }
        return nonBlank(raw, "createdOn").orElseThrow(() -> new AuditDataException(what + " has no 'createdOn'"));
    }
}
