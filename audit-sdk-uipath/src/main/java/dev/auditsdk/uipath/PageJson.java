package dev.auditsdk.uipath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;

/**
 * The shape both APIs' pages share, checked on the JSON answer the transport read
 * ({@link UiPathConnection#readJson}): an object holding an array of entries.
 */
final class PageJson {
    private PageJson() {
    }

    /**
     * @param page the answer
     * @param what the request, for messages
     * @return {@code page}
     * @throws AuditDataException if it is not a JSON object
     */
    static JsonNode object(JsonNode page, String what) {
        if (page == null || page.isMissingNode()) {
            throw new AuditDataException(what + " is not a JSON object (empty body)");
        }
        if (!page.isObject()) {
            throw new AuditDataException(what + " is not a JSON object but " + page.getNodeType());
        }
        return page;
    }

    /**
     * @return the page's array {@code field}
     * @throws AuditDataException if it is missing or not an array
     */
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
