package dev.auditsdk.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.paging.AbstractCloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads JSON Lines (one JSON value per line; Sonatype Lifecycle's audit log) from a stream, one
 * line at a time: the body is never held whole, only the current line.
 *
 * <p>Lines are separated by LF or CRLF; blank lines are skipped; a UTF-8 byte-order mark is
 * ignored. A line that is not exactly one JSON value (an HTML error page, a truncated line, two
 * values) raises {@link AuditDataException} naming its 1-based line number and a short
 * redacted excerpt; so does a line that cannot be mapped to the entry
 * type, invalid UTF-8, or a line longer than {@value #MAX_LINE_CHARS} characters. I/O failures
 * raise {@link AuditTransportException}. Closing the reader closes the stream.
 *
 * <pre>{@code
 * try (JsonLinesReader<LifecycleEntry> entries = JsonLinesReader.of(body, LifecycleEntry::fromJson)) {
 *     entries.forEachRemaining(...);
 * }
 * }</pre>
 *
 * @param <T> the entry type
 */
public final class JsonLinesReader<T> extends AbstractCloseableIterator<T> {
    /** The longest line accepted, in characters; longer lines are treated as malformed data. */
    public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final InputStream in;
    private final CharSource chars;
    private final EntryMapper<JsonNode, ? extends T> mapper;
    private final StringBuilder line = new StringBuilder(256);
    private long lineNumber;

    private JsonLinesReader(InputStream in, EntryMapper<JsonNode, ? extends T> mapper) {
        this.in = Objects.requireNonNull(in, "in");
        this.chars = new CharSource(in);
        this.mapper = mapper;
    }

    /**
     * @param in the body; closed with the reader
     * @return a reader of the lines as JSON trees
     */
    public static JsonLinesReader<JsonNode> nodes(InputStream in) {
        return new JsonLinesReader<>(in, node -> node);
    }

    /**
     * @param in the body; closed with the reader
     * @param type the entry type, mapped by the shared {@link Json#mapper()}
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> JsonLinesReader<T> of(InputStream in, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new JsonLinesReader<>(in, node -> Json.mapper().treeToValue(node, type));
    }

    /**
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a line's JSON (and may keep it as the entry's raw form)
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonLinesReader<T> of(InputStream in, Function<? super JsonNode, ? extends T> mapper) {
        return new JsonLinesReader<>(in, EntryMapper.of(Objects.requireNonNull(mapper, "mapper")));
    }

    /** @return the 1-based line number of the entry read last (0 before the first) */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    protected T computeNext() {
        try {
            while (readLine()) {
                lineNumber++;
                if (isBlank(line)) {
                    continue;
                }
                JsonNode node = parse();
                return mapper.apply(node, "at line " + lineNumber, lineNumber, -1);
            }
            return endOfData();
        } catch (CharacterCodingException e) {
            throw new AuditDataException("JSON Lines input is not valid UTF-8 at line " + (lineNumber + 1),
                    lineNumber + 1, -1, e);
        } catch (IOException e) {
            throw new AuditTransportException("reading the JSON Lines body failed after line " + lineNumber, e);
        }
    }

    private boolean readLine() throws IOException {
        line.setLength(0);
        int c = chars.read();
        if (c < 0) {
            return false;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() >= MAX_LINE_CHARS) {
                throw new AuditDataException("line " + (lineNumber + 1) + " is longer than " + MAX_LINE_CHARS
                        + " characters; it starts with: " + Excerpt.of(line), lineNumber + 1, -1, null);
            }
            line.append((char) c);
            c = chars.read();
        }
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        return true;
    }

    private JsonNode parse() {
        try {
            return STRICT.readTree(line.toString());
        } catch (JsonProcessingException e) {
            throw new AuditDataException("malformed JSON Lines input at line " + lineNumber + " ("
                    + Excerpt.of(e.getOriginalMessage(), 100) + "); the line starts with: " + Excerpt.of(line),
                    lineNumber, -1, e);
        }
    }

    private static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void onClose() {
        try {
            in.close();
        } catch (IOException e) {
            throw new AuditTransportException("closing the JSON Lines body failed", e);
        }
    }
}
