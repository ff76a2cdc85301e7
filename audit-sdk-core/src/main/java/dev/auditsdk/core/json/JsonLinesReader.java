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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * type, invalid UTF-8, or a line longer than {@value #MAX_LINE_CHARS} bytes. I/O failures
 * raise {@link AuditTransportException}. Closing the reader closes the stream.
 *
 * <p>Lines are split on bytes and each is parsed in place by Jackson's UTF-8 parser (which
 * also validates the encoding): no character decoding and no copy of a line that fits in the
 * read buffer, so reading costs little more than parsing.
 *
 * <p>{@link #ofLines(InputStream, LineMapper)} also hands the mapper the line's own bytes, for
 * entries whose identity is derived from the line exactly as the vendor wrote it (see
 * {@link dev.auditsdk.core.paging.StableIdentity#identify(byte[], int, int)}).
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
    /** The longest line accepted, in bytes of UTF-8 (at least as many characters); longer lines are malformed data. */
    public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    /**
     * Bound to {@link JsonNode} so the tree deserializer is resolved once, not looked up per
     * line as {@code readTree} does; JSON {@code null} still reads as a {@code NullNode}.
     */
    private static final ObjectReader STRICT = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int BUFFER = 16 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final EntryMapper<JsonNode, ? extends T> mapper;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean started;
    /** A line that spans buffer refills is assembled here. */
    private byte[] spill = new byte[1024];
    /** The current line: {@code lineLength} bytes of {@code lineBytes} from {@code lineStart}, without its line break. */
    private byte[] lineBytes;
    private int lineStart;
    private int lineLength;
    private long lineNumber;

    private JsonLinesReader(InputStream in, EntryMapper<JsonNode, ? extends T> mapper) {
        this.in = Objects.requireNonNull(in, "in");
        this.mapper = mapper;
    }

    private JsonLinesReader(InputStream in, LineMapper<? extends T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        this.in = Objects.requireNonNull(in, "in");
        // one mapper for the whole read, reading the current line from the reader: nothing is allocated per line
        this.mapper = node -> {
            int start = valueStart();
            return mapper.map(node, lineBytes, start, valueEnd() - start);
        };
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

    /**
     * A reader whose mapper also receives the line's bytes.
     *
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a line's JSON and its bytes
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonLinesReader<T> ofLines(InputStream in, LineMapper<? extends T> mapper) {
        return new JsonLinesReader<>(in, mapper);
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
                if (isBlank()) {
                    continue;
                }
                JsonNode node = parse();
                return mapper.applyAtLine(node, lineNumber);
            }
            return endOfData();
        } catch (IOException e) {
            throw new AuditTransportException("reading the JSON Lines body failed after line " + lineNumber, e);
        }
    }

    /** Finds the next line; false at the end of the body. */
    private boolean readLine() throws IOException {
        int spilled = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                if (spilled == 0) {
                    return false;
                }
                setLine(spill, 0, spilled); // the last line has no line break
                return true;
            }
            int nl = indexOfNewline(buffer, pos, limit);
            int n = nl - pos;
            if (spilled + n > MAX_LINE_CHARS) {
                byte[] head = spilled > 0 ? spill : Arrays.copyOfRange(buffer, pos, nl);
                throw new AuditDataException("line " + (lineNumber + 1) + " is longer than " + MAX_LINE_CHARS
                        + " bytes; it starts with: " + Excerpt.of(text(head, 0, Math.min(head.length, 4096))),
                        lineNumber + 1, -1, null);
            }
            if (nl < limit && spilled == 0) {
                setLine(buffer, pos, n); // the common case: the whole line is in the buffer, parse it there
                pos = nl + 1;
                return true;
            }
            if (spilled + n > spill.length) {
                spill = Arrays.copyOf(spill, Math.max(spilled + n, Math.min(2 * spill.length, MAX_LINE_CHARS)));
            }
            System.arraycopy(buffer, pos, spill, spilled, n);
            spilled += n;
            pos = nl;
            if (nl < limit) {
                setLine(spill, 0, spilled);
                pos = nl + 1;
                return true;
            }
        }
    }

    /**
     * The index of the first LF in {@code [from, to)}, or {@code to}; tests eight bytes per step
     * (a byte loop over every ~300-byte line was a measurable share of reading).
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            // the lowest byte of the word that was LF has its high bit set here (the classic zero-byte test)
            long zero = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        while (i < to && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private void setLine(byte[] bytes, int start, int length) {
        lineBytes = bytes;
        lineStart = start;
        lineLength = length > 0 && bytes[start + length - 1] == '\r' ? length - 1 : length;
    }

    /** Refills the buffer; skips a byte-order mark at the very start. */
    private boolean fill() throws IOException {
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - limit);
            if (n > 0) {
                limit += n;
            }
        } while (n >= 0 && (limit == 0 || (!started && limit < 3)));
        if (!started) {
            started = true;
            if (limit >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb && (buffer[2] & 0xff) == 0xbf) {
                pos = 3;
            }
        }
        return pos < limit || (limit > 0 && fill());
    }

    private JsonNode parse() {
        try {
            return STRICT.readValue(lineBytes, lineStart, lineLength);
        } catch (JsonProcessingException e) {
            throw new AuditDataException("malformed JSON Lines input at line " + lineNumber + " ("
                    + Excerpt.of(e.getOriginalMessage(), 100) + "); the line starts with: "
                    + Excerpt.of(text(lineBytes, lineStart, Math.min(lineLength, 4096))), lineNumber, -1, e);
        } catch (IOException e) {
            throw new AuditDataException("malformed JSON Lines input at line " + lineNumber, lineNumber, -1, e);
        }
    }

    /** Where the current line's JSON text starts: after leading ASCII whitespace. */
    private int valueStart() {
        int i = lineStart;
        int end = lineStart + lineLength;
        while (i < end && isJsonWhitespace(lineBytes[i])) {
            i++;
        }
        return i;
    }

    /** Where the current line's JSON text ends: before trailing ASCII whitespace. */
    private int valueEnd() {
        int end = lineStart + lineLength;
        while (end > lineStart && isJsonWhitespace(lineBytes[end - 1])) {
            end--;
        }
        return end;
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private boolean isBlank() {
        boolean ascii = true;
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            byte b = lineBytes[i];
            if (b < 0) {
                ascii = false;
            } else if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        // non-ASCII bytes only: decode to check for Unicode spaces, as a character reader would
        return ascii || text(lineBytes, lineStart, lineLength).isBlank();
    }

    private static String text(byte[] bytes, int start, int length) {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }

    /**
     * Builds an entry from a line's JSON and the line's own bytes.
     *
     * @param <T> the entry type
     */
    @FunctionalInterface
    public interface LineMapper<T> {
        /**
         * @param node the line, parsed
         * @param line holds the line's UTF-8 bytes exactly as read, without its line break and
         *     without the JSON whitespace (spaces, tabs) around the value; valid only during this
         *     call, and not to be modified
         * @param offset where the line starts in {@code line}
         * @param length the line's length in bytes
         * @return the entry; not null
         * @throws IOException if mapping fails (reported as an {@link AuditDataException} naming the line)
         */
        T map(JsonNode node, byte[] line, int offset, int length) throws IOException;
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
