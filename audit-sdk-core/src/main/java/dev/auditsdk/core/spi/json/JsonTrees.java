package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.Excerpt;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way to read a whole JSON answer (a page, a status, a token response) into a tree:
 * bounded by {@link ReadLimits#maxTreeBytes()} and {@link ReadLimits#maxNestingDepth()}, with
 * failures mapped to the SDK's exceptions; and the limit-aware parse errors the streaming readers
 * share.
 */
public final class JsonTrees {
    /** Mappers for nesting depths other than the default; sources use few distinct limits. */
    private static final Map<Integer, ObjectMapper> BY_DEPTH = new ConcurrentHashMap<>();

    private JsonTrees() {
    }

    /**
     * Reads one whole JSON document into a tree, within the limits: the document may span at
     * most {@link ReadLimits#maxTreeBytes()} bytes and nest at most
     * {@link ReadLimits#maxNestingDepth()} levels; only whitespace may follow it.
     *
     * @param in the body; read to its end and closed
     * @param limits the limits to apply
     * @param what the document, for messages, e.g. {@code "the AuditLog query page"}; free of secrets
     * @return the tree; a {@link MissingNode} for an empty or blank body
     * @throws AuditDataException if the JSON is malformed or crosses a limit
     * @throws AuditTransportException if reading fails, or the body ends inside the document
     */
    public static JsonNode readTree(InputStream in, ReadLimits limits, String what) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(what, "what");
        ObjectMapper mapper = mapper(limits);
        ValueWindow window = new ValueWindow(in, limits, start -> what);
        JsonParser parser = null;
        try {
            parser = mapper.createParser(window);
            JsonNode node = mapper.readTree(parser);
            if (node == null) {
                return MissingNode.getInstance();
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new AuditDataException("unexpected content after the JSON document in " + what + " at line "
                        + at.getLineNr() + ", column " + at.getColumnNr(), at.getLineNr(), at.getByteOffset(), null);
            }
            return node;
        } catch (JsonProcessingException e) {
            if (Json.endedEarly(e)) {
                // the body ended inside the document: cut short on the way, so the transport may read it again
                throw new AuditTransportException("reading " + what + " failed: the body ended inside the JSON document", e);
            }
            throw malformed(e, limits, "the JSON of " + what, parser);
        } catch (IOException e) {
            throw new AuditTransportException("reading " + what + " failed", e);
        } finally {
            closeQuietly(parser);
            closeQuietly(in);
        }
    }

    /** The mapper whose parsers apply {@code limits}' nesting depth. */
    static ObjectMapper mapper(ReadLimits limits) {
        int depth = Objects.requireNonNull(limits, "limits").maxNestingDepth();
        if (depth == ReadLimits.DEFAULT_MAX_NESTING_DEPTH) {
            return Json.mapper();
        }
        return BY_DEPTH.computeIfAbsent(depth, Json::create);
    }

    /**
     * The failure for a parser error: a crossed {@link ReadLimits#maxNestingDepth()} names the
     * limit; anything else is malformed JSON, with its position.
     *
     * @param subject what was being read, e.g. {@code "JSON array element #3"}
     * @param parser the parser that failed, for where it is when {@code e} does not say; may be null
     */
    static AuditDataException malformed(JsonProcessingException e, ReadLimits limits, String subject, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation()
                : parser != null && !parser.isClosed() ? parser.currentLocation() : JsonLocation.NA;
        if (isNestingDepth(e)) {
            return ReadLimits.exceeded("maxNestingDepth", limits.maxNestingDepth(),
                    "the nesting of " + subject + " at line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    at.getLineNr(), at.getByteOffset());
        }
        String problem = e instanceof JsonEOFException ? "the JSON ended unexpectedly (truncated body?)"
                : Excerpt.of(e.getOriginalMessage(), 160);
        return new AuditDataException("malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": " + problem, at.getLineNr(), at.getByteOffset(), e);
    }

    /** Whether Jackson refused the input for nesting deeper than its constraints allow. */
    static boolean isNestingDepth(JsonProcessingException e) {
        return e instanceof StreamConstraintsException && e.getOriginalMessage() != null
                && e.getOriginalMessage().toLowerCase(Locale.ROOT).contains("nesting depth");
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // the input is closed next, and its failure is what matters
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the document has been read (or failed for a reason already being reported)
        }
    }

}
