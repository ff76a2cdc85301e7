package dev.auditsdk.lifecycle.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the typed attributes of one audit log line with Jackson's streaming parser, in one pass
 * over the line's bytes: a JSON tree per line cost more than everything else the reader does,
 * and most consumers never look at the attributes a tree would add. The pass still tokenizes
 * the whole line, so a line that is not exactly one well-formed JSON value is rejected here,
 * and {@link LifecycleAuditEntry#raw()} can later build the tree without failing.
 */
final class LifecycleLineParser {
    /** The shared mapper's factory: its parsers can read a value as a tree, for odd attribute values. */
    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private LifecycleLineParser() {
    }

    /**
     * Reads a whole line: exactly one JSON object and nothing after it.
     *
     * @param line the line's text when the caller has it, else null (decoded from the bytes)
     */
    static LifecycleAuditEntry parse(byte[] bytes, int offset, int length, String line, String id)
            throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            p.nextToken();
            LifecycleAuditEntry entry = read(p, bytes, offset, length, line, id);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after the JSON object");
            }
            return entry;
        } catch (JsonProcessingException | RuntimeException e) {
            throw e;
        } catch (IOException e) {
            // a parser over a byte array does no I/O
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the line's object from a parser on its first token, up to its closing brace.
     *
     * @param line the line's text when the caller has it, else null (decoded from the bytes)
     */
    static LifecycleAuditEntry read(JsonParser p, byte[] bytes, int offset, int length, String line, String id)
            throws IOException {
        ImmutableLifecycleAuditEntry.Builder b = ImmutableLifecycleAuditEntry.builder();
        String timestamp = null;
        String username = null;
        String domain = null;
        String type = null;
        JsonToken first = p.currentToken();
        if (first != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("an audit log line must be a JSON object, was " + describe(first));
        }
        long objectStart = p.currentTokenLocation().getByteOffset();
        long dataStart = -1;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "timestamp":
                    timestamp = requiredText(p, value, name);
                    break;
                case "username":
                    username = requiredText(p, value, name);
                    break;
                case "domain":
                    domain = requiredText(p, value, name);
                    break;
                case "type":
                    type = requiredText(p, value, name);
                    break;
                case "requestMethod":
                    b.requestMethod(optionalText(p, value));
                    break;
                case "requestUri":
                    b.requestUri(optionalText(p, value));
                    break;
                case "remoteIpAddress":
                    b.remoteIpAddress(optionalText(p, value));
                    break;
                case "userAgent":
                    b.userAgent(optionalText(p, value));
                    break;
                case "forwarded":
                    b.forwarded(optionalText(p, value));
                    break;
                case "error":
                    b.error(optionalText(p, value));
                    break;
                case "data":
                    // the last one counts, as in a tree
                    dataStart = p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    break;
                default:
                    // data and attributes this model does not know: validated, kept in the line
                    p.skipChildren();
                    break;
            }
        }
        String text = line != null ? line : new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.length() == length && objectStart >= 0) {
            // one byte per character: a byte distance is a character distance
            b.dataOffset(dataStart < 0 ? LifecycleAuditEntry.NO_DATA : text.indexOf('{') + (int) (dataStart - objectStart));
        }
        return b.line(text)
                .id(id)
                .timestampText(required(timestamp, "timestamp"))
                .username(required(username, "username"))
                .domain(required(domain, "domain"))
                .type(required(type, "type"))
                .build();
    }

    private static String requiredText(JsonParser p, JsonToken value, String name) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("the attribute '" + name + "' must be text, was " + describe(value));
        }
        return p.getText();
    }

    /** Text as is, other scalars as their JSON text (as the tree's {@code asText} would), objects and arrays as JSON. */
    private static String optionalText(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return p.getText();
        }
        return p.readValueAsTree().toString();
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing text attribute '" + name + "'");
        }
        return value;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "empty";
        }
        switch (token) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            case START_OBJECT:
                return "an object";
            default:
                return token.toString();
        }
    }
}
