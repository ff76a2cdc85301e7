package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import java.io.InputStream;
import dev.auditsdk.core.spi.json.JsonTrees;

/** Reads one page body (bounded by the page size) into a tree, with clear errors for non-JSON answers. */
final class PageReader {
    private PageReader() {
    }

    static JsonNode readObject(InputStream body, String what) {
        return readObject(body, ReadLimits.defaults(), what);
    }

    /**
     * Reads the page as one bounded tree ({@link ReadLimits#maxTreeBytes()}); a body cut inside
     * the JSON is a transport failure, which the transport's bounded read retries.
     */
    static JsonNode readObject(InputStream body, ReadLimits limits, String what) {
        JsonNode node;
        try {
            node = JsonTrees.readTree(body, limits, what);
        } catch (AuditDataException e) {
            throw new AuditDataException(what + " is not valid JSON: " + e.getMessage(), e.line(), e.offset(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new AuditDataException(what + " is not a JSON object (empty body)");
        }
        if (!node.isObject()) {
            throw new AuditDataException(what + " is not a JSON object but " + node.getNodeType());
        }
        return node;
    }

    static Iterable<JsonNode> array(JsonNode page, String field, String what) {
        JsonNode array = page.get(field);
        if (array == null || array.isNull()) {
            throw new AuditDataException(what + " has no '" + field + "' array");
        }
        if (!array.isArray()) {
            throw new AuditDataException(what + ": '" + field + "' is not an array but " + array.getNodeType());
        }
        return array;
    }
}
