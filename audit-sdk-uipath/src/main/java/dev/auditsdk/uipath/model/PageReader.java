package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.json.Json;
import java.io.IOException;
import java.io.InputStream;

/** Reads one page body (bounded by the page size) into a tree, with clear errors for non-JSON answers. */
final class PageReader {
    private PageReader() {
    }

    static JsonNode readObject(InputStream body, String what) {
        JsonNode node;
        try (InputStream in = body) {
            node = Json.mapper().readTree(in);
        } catch (JsonEOFException e) {
            // the body ended inside the JSON value: cut short on the way, so the transport reads it again
            throw new AuditTransportException("reading " + what + " failed: the body ended early", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? -1 : at.getLineNr();
            long offset = at == null ? -1 : at.getCharOffset();
            throw new AuditDataException(what + " is not valid JSON (line " + line + ", column "
                    + (at == null ? -1 : at.getColumnNr()) + "): " + e.getOriginalMessage(), line, offset, e);
        } catch (IOException e) {
            throw new AuditTransportException("reading " + what + " failed: " + e.getMessage(), e);
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
