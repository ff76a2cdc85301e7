package dev.auditsdk.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.paging.AbstractCloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the elements of a JSON array from a stream one by one with Jackson's streaming
 * parser: a top-level array ({@code [...]}, Informatica's audit log) or the array in a named
 * field of a top-level object ({@code {"entries":[...]}}). Only the current element is held.
 *
 * <p>In the object form, the object's other fields are collected into {@link #envelope()}
 * (e.g. a {@code totalCount} or a next-page cursor), complete once the reader is used up. A
 * {@code null} array is read as empty; a missing one, a body of another shape, malformed or
 * truncated JSON, or trailing content raise {@link AuditDataException} with the line, column
 * and byte offset. I/O failures raise {@link AuditTransportException}. Closing the reader
 * closes the stream.
 *
 * @param <T> the entry type
 */
public final class JsonArrayReader<T> extends AbstractCloseableIterator<T> {
    private final InputStream in;
    private final String arrayField;
    private final EntryMapper<JsonNode, ? extends T> mapper;
    private final ObjectNode envelope = Json.mapper().createObjectNode();
    private JsonParser parser;
    private long index;

    private JsonArrayReader(InputStream in, String arrayField, EntryMapper<JsonNode, ? extends T> mapper) {
        this.in = Objects.requireNonNull(in, "in");
        this.arrayField = arrayField;
        this.mapper = mapper;
    }

    /**
     * @param in a body holding a top-level JSON array; closed with the reader
     * @return a reader of the elements as JSON trees
     */
    public static JsonArrayReader<JsonNode> nodes(InputStream in) {
        return new JsonArrayReader<>(in, null, node -> node);
    }

    /**
     * @param in a body holding a JSON object with an array field; closed with the reader
     * @param arrayField the name of the array field, e.g. {@code "entries"}
     * @return a reader of the elements as JSON trees
     */
    public static JsonArrayReader<JsonNode> nodes(InputStream in, String arrayField) {
        return new JsonArrayReader<>(in, Objects.requireNonNull(arrayField, "arrayField"), node -> node);
    }

    /**
     * @param in the body; closed with the reader
     * @param arrayField the name of the array field in a top-level object, or null for a top-level array
     * @param type the entry type, mapped by the shared {@link Json#mapper()}
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> JsonArrayReader<T> of(InputStream in, String arrayField, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new JsonArrayReader<>(in, arrayField, node -> Json.mapper().treeToValue(node, type));
    }

    /**
     * @param in the body; closed with the reader
     * @param arrayField the name of the array field in a top-level object, or null for a top-level array
     * @param mapper builds an entry from an element's JSON
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonArrayReader<T> of(InputStream in, String arrayField,
            Function<? super JsonNode, ? extends T> mapper) {
        return new JsonArrayReader<>(in, arrayField, EntryMapper.of(Objects.requireNonNull(mapper, "mapper")));
    }

    /**
     * @return the top-level object's fields other than the array (empty for a top-level array);
     *     complete once the reader is used up
     */
    public ObjectNode envelope() {
        return envelope;
    }

    @Override
    protected T computeNext() {
        try {
            if (parser == null) {
                parser = Json.mapper().createParser(in);
                if (!openArray()) {
                    finishDocument();
                    return endOfData();
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finishDocument();
                return endOfData();
            }
            if (token == null) {
                throw error("the JSON ended inside the array (truncated body?)", parser.currentLocation());
            }
            JsonLocation at = parser.currentTokenLocation();
            JsonNode node = Json.mapper().readTree(parser);
            index++;
            return mapper.apply(node, "#" + index + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")",
                    at.getLineNr(), at.getByteOffset());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
            String problem = e instanceof JsonEOFException ? "the JSON ended unexpectedly (truncated body?)"
                    : Excerpt.of(e.getOriginalMessage(), 160);
            throw new AuditDataException("malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": " + problem, at.getLineNr(), at.getByteOffset(), e);
        } catch (IOException e) {
            throw new AuditTransportException("reading the JSON body failed after element " + index, e);
        }
    }

    /** Positions the parser inside the array; false when the array field is null. */
    private boolean openArray() throws IOException {
        JsonToken token = parser.nextToken();
        if (arrayField == null) {
            if (token != JsonToken.START_ARRAY) {
                throw error("expected a JSON array but the body starts with " + describe(token), parser.currentTokenLocation());
            }
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw error("expected a JSON object with an array '" + arrayField + "' but the body starts with "
                    + describe(token), parser.currentTokenLocation());
        }
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            token = parser.nextToken();
            if (!arrayField.equals(name)) {
                envelope.set(name, Json.mapper().readTree(parser));
            } else if (token == JsonToken.START_ARRAY) {
                return true;
            } else if (token == JsonToken.VALUE_NULL) {
                return false;
            } else {
                throw error("field '" + arrayField + "' is " + describe(token) + ", not an array", parser.currentTokenLocation());
            }
        }
        throw error("the JSON object has no array '" + arrayField + "'", parser.currentLocation());
    }

    /** Reads what follows the array: the rest of the envelope object, then nothing. */
    private void finishDocument() throws IOException {
        if (arrayField != null) {
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                envelope.set(name, Json.mapper().readTree(parser));
            }
            if (token != JsonToken.END_OBJECT) {
                throw error("the JSON object ended unexpectedly after the array (truncated body?)", parser.currentLocation());
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw error("unexpected content after the JSON document: " + describe(trailing), parser.currentTokenLocation());
        }
    }

    private static AuditDataException error(String message, JsonLocation at) {
        return new AuditDataException(message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")",
                at.getLineNr(), at.getByteOffset(), null);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing (empty body)";
        }
        return token.asString() != null ? "'" + token.asString() + "'" : token.name();
    }

    @Override
    protected void onClose() {
        try {
            if (parser != null) {
                parser.close();
            }
            in.close();
        } catch (IOException e) {
            throw new AuditTransportException("closing the JSON body failed", e);
        }
    }
}
