package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.auditsdk.core.spi.util.Json;
import java.util.Optional;

/**
 * UiPath sends details as JSON documents encoded in a string ({@code auditLogDetails},
 * {@code eventDetails}). Not every service does so reliably: text that is not one complete
 * JSON document is simply not parsed, it is never an error.
 */
final class EmbeddedJson {
    private static final ObjectReader STRICT = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EmbeddedJson() {
    }

    static Optional<JsonNode> parse(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = STRICT.readTree(text.get());
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
