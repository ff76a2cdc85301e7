package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
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
}
