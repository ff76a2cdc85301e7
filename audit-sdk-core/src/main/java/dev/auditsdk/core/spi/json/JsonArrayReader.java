package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Excerpt;

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
 * <p>Within {@link ReadLimits} ({@link ReadLimits#defaults()} unless given): each element and
 * each envelope field, read as a tree, may span at most {@link ReadLimits#maxTreeBytes()}
 * bytes (checked as it is read, before the tree is built) and the document may nest at most
 * {@link ReadLimits#maxNestingDepth()} levels; crossing either raises
 * {@link AuditDataException} naming the limit. The array itself may be of any length.
 *
 * @param <T> the entry type
 */
public final class JsonArrayReader<T> extends AbstractCloseableIterator<T> {
    private final InputStream in;
    private final String arrayField;
    private final EntryMapper<JsonNode, ? extends T> mapper;
    private final ReadLimits limits;
    private final ObjectMapper json;
    private final ValueWindow window;
    private final ObjectNode envelope = Json.mapper().createObjectNode();
    private JsonParser parser;
    private long index;
    /** The envelope field being read, or null. */
    private String field;
    /** Whether the parser is inside the array (between its brackets). */
    private boolean inArray;

    private JsonArrayReader(InputStream in, String arrayField, EntryMapper<JsonNode, ? extends T> mapper,
            ReadLimits limits) {
        this.in = Objects.requireNonNull(in, "in");
        this.arrayField = arrayField;
        this.mapper = mapper;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = JsonTrees.mapper(limits);
        this.window = new ValueWindow(in, limits, start -> subject());
    }

    /**
     * @param in a body holding a top-level JSON array; closed with the reader
     * @return a reader of the elements as JSON trees
     */
    public static JsonArrayReader<JsonNode> nodes(InputStream in) {
        return nodes(in, ReadLimits.defaults());
    }

    /**
     * @param in a body holding a top-level JSON array; closed with the reader
     * @param limits the limits to read within
     * @return a reader of the elements as JSON trees
     */
    public static JsonArrayReader<JsonNode> nodes(InputStream in, ReadLimits limits) {
        return new JsonArrayReader<>(in, null, node -> node, limits);
    }

    /**
     * @param in a body holding a JSON object with an array field; closed with the reader
     * @param arrayField the name of the array field, e.g. {@code "entries"}
     * @return a reader of the elements as JSON trees
     */
    public static JsonArrayReader<JsonNode> nodes(InputStream in, String arrayField) {
        return nodes(in, arrayField, ReadLimits.defaults());
    }

    /**
     * @param in a body holding a JSON object with an array field; closed with the reader
     * @param arrayField the name of the array field, e.g. {@code "entries"}
     * @param limits the limits to read within
     * @return a reader of the elements as JSON trees
     */
    public static JsonArrayReader<JsonNode> nodes(InputStream in, String arrayField, ReadLimits limits) {
        return new JsonArrayReader<>(in, Objects.requireNonNull(arrayField, "arrayField"), node -> node, limits);
    }

    /**
     * @param in the body; closed with the reader
     * @param arrayField the name of the array field in a top-level object, or null for a top-level array
     * @param type the entry type, mapped by the shared {@link Json#mapper()}
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> JsonArrayReader<T> of(InputStream in, String arrayField, Class<T> type) {
        return of(in, arrayField, type, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param arrayField the name of the array field in a top-level object, or null for a top-level array
     * @param type the entry type, mapped by the shared {@link Json#mapper()}
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> JsonArrayReader<T> of(InputStream in, String arrayField, Class<T> type, ReadLimits limits) {
        Objects.requireNonNull(type, "type");
        return new JsonArrayReader<>(in, arrayField, node -> Json.mapper().treeToValue(node, type), limits);
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
        return of(in, arrayField, mapper, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param arrayField the name of the array field in a top-level object, or null for a top-level array
     * @param mapper builds an entry from an element's JSON
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonArrayReader<T> of(InputStream in, String arrayField,
            Function<? super JsonNode, ? extends T> mapper, ReadLimits limits) {
        return new JsonArrayReader<>(in, arrayField, EntryMapper.of(Objects.requireNonNull(mapper, "mapper")), limits);
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
                parser = json.createParser(window);
                if (!openArray()) {
                    finishDocument();
                    return endOfData();
                }
            }
            window.startAtPosition();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                inArray = false;
                finishDocument();
                return endOfData();
            }
            if (token == null) {
                throw error("the JSON ended inside the array (truncated body?)", parser.currentLocation());
            }
            JsonLocation at = parser.currentTokenLocation();
            window.startAt(at.getByteOffset());
            JsonNode node = json.readTree(parser);
            index++;
            return mapper.apply(node, "#" + index + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")",
                    at.getLineNr(), at.getByteOffset());
        } catch (JsonProcessingException e) {
            throw JsonTrees.malformed(e, limits, subject(), parser);
        } catch (IOException e) {
            throw new AuditTransportException("reading the JSON body failed after element " + index, e);
        }
    }

    /** What is being read, for a limit's message. */
    private String subject() {
        if (field != null) {
            return "the envelope field '" + Excerpt.of(field, 60) + "'";
        }
        return inArray ? "JSON array element #" + (index + 1) : "a token of the JSON around the array";
    }

    /** Reads the envelope field {@code name}, whose value's first token is current, as a tree. */
    private void readEnvelopeField(String name) throws IOException {
        field = name;
        window.startAt(parser.currentTokenLocation().getByteOffset());
        envelope.set(name, json.readTree(parser));
        field = null;
    }

    /** Positions the parser inside the array; false when the array field is null. */
    private boolean openArray() throws IOException {
        JsonToken token = parser.nextToken();
        if (arrayField == null) {
            if (token != JsonToken.START_ARRAY) {
                throw error("expected a JSON array but the body starts with " + describe(token), parser.currentTokenLocation());
            }
            inArray = true;
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw error("expected a JSON object with an array '" + arrayField + "' but the body starts with "
                    + describe(token), parser.currentTokenLocation());
        }
        while (nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            token = nextToken();
            if (!arrayField.equals(name)) {
                readEnvelopeField(name);
            } else if (token == JsonToken.START_ARRAY) {
                inArray = true;
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
            while ((token = nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                nextToken();
                readEnvelopeField(name);
            }
            if (token != JsonToken.END_OBJECT) {
                throw error("the JSON object ended unexpectedly after the array (truncated body?)", parser.currentLocation());
            }
        }
        JsonToken trailing = nextToken();
        if (trailing != null) {
            throw error("unexpected content after the JSON document: " + describe(trailing), parser.currentTokenLocation());
        }
    }

    /** The next token of the document's frame (the envelope, the array), bounded like a value. */
    private JsonToken nextToken() throws IOException {
        window.startAtPosition();
        return parser.nextToken();
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
