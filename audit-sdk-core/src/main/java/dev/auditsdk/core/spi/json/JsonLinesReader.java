package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Excerpt;

/**
 * Reads JSON Lines (one JSON value per line; Sonatype Lifecycle's audit log) from a stream, one
 * line at a time: the body is never held whole, only the current line.
 *
 * <p>Lines are separated by LF or CRLF; blank lines are skipped; a UTF-8 byte-order mark is
 * ignored. A line that is not exactly one JSON value (an HTML error page, a truncated line, two
 * values) raises {@link AuditDataException} naming its 1-based line number and a short
 * redacted excerpt; so does a line that cannot be mapped to the entry
 * type, or invalid UTF-8. I/O failures raise {@link AuditTransportException}. Closing the
 * reader closes the stream.
 *
 * <p>Within {@link ReadLimits} ({@link ReadLimits#defaults()} unless given): a line, which is
 * held whole and read as one value, may be at most {@link ReadLimits#maxTreeBytes()} bytes
 * long, and nest at most {@link ReadLimits#maxNestingDepth()} levels; crossing either raises
 * {@link AuditDataException} naming the limit and the line.
 *
 * <p>Lines are split on bytes and parsed in place by Jackson's UTF-8 parser (which also
 * validates the encoding): no character decoding and no copy of a line that fits in the read
 * buffer. One parser reads all the complete lines of a buffer (creating a parser per line cost
 * as much as a third of parsing it); the reader checks where each value starts and ends, so a
 * value that does not fill its line exactly (two values, trailing text, a value cut short that
 * runs into the next line) is still reported as that line's error.
 *
 * <p>{@link #ofLines(InputStream, LineMapper)} hands the mapper the line's own bytes instead of
 * a tree, for entry types that read their few attributes with a streaming parser (a tree per
 * line costs more than the rest of reading) or whose identity is derived from the line exactly
 * as the vendor wrote it (see {@link dev.auditsdk.core.spi.json.StableIdentity#identify(byte[], int, int)}).
 * The reader then leaves parsing to the mapper, and reports what the mapper's parser rejects
 * exactly as its own malformed lines.
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
    /**
     * The default longest line, in bytes of UTF-8.
     *
     * @deprecated lines are bounded by {@link ReadLimits#maxTreeBytes()}; this is its default
     */
    @Deprecated
    public static final int MAX_LINE_CHARS = ReadLimits.DEFAULT_MAX_TREE_BYTES;
    /**
     * Bound to {@link JsonNode} so the tree deserializer is resolved once, not looked up per
     * line as {@code readTree} does; JSON {@code null} still reads as a {@code NullNode}. What
     * follows a value on its line is checked by the reader, not by this reader.
     */
    private static final ObjectReader TREE = Json.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int BUFFER = 16 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final ReadLimits limits;
    private final int maxLineBytes;
    /** The limits' mapper's factory: its parsers apply the nesting depth and can read values as trees and objects. */
    private final JsonFactory factory;
    /** Maps the line's tree; null when {@code lineMapper} reads the bytes itself. */
    private final EntryMapper<JsonNode, ? extends T> mapper;
    private final LineMapper<? extends T> lineMapper;
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
    /**
     * Reads the complete lines of the buffer from {@code blockStart} up to {@code blockEnd} (after
     * the buffer's last line break); null when there is none, e.g. after a refill.
     */
    private JsonParser block;
    private int blockStart;
    private int blockEnd;
    /** Whether the current line's value is a number (whose end the parser finds past it). */
    private boolean valueIsNumber;
    /** Reads a line assembled across refills; closed once the line is read. */
    private JsonParser lineParser;

    private JsonLinesReader(InputStream in, EntryMapper<JsonNode, ? extends T> mapper, ReadLimits limits) {
        this(in, mapper, null, limits);
    }

    private JsonLinesReader(InputStream in, LineMapper<? extends T> lineMapper, ReadLimits limits) {
        this(in, null, Objects.requireNonNull(lineMapper, "mapper"), limits);
    }

    private JsonLinesReader(InputStream in, EntryMapper<JsonNode, ? extends T> mapper, LineMapper<? extends T> lineMapper,
            ReadLimits limits) {
        this.in = Objects.requireNonNull(in, "in");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxLineBytes = limits.maxTreeBytes();
        this.factory = JsonTrees.mapper(limits).getFactory();
        this.mapper = mapper;
        this.lineMapper = lineMapper;
    }

    /**
     * @param in the body; closed with the reader
     * @return a reader of the lines as JSON trees
     */
    public static JsonLinesReader<JsonNode> nodes(InputStream in) {
        return nodes(in, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param limits the limits to read within
     * @return a reader of the lines as JSON trees
     */
    public static JsonLinesReader<JsonNode> nodes(InputStream in, ReadLimits limits) {
        return new JsonLinesReader<>(in, node -> node, limits);
    }

    /**
     * @param in the body; closed with the reader
     * @param type the entry type, mapped by the shared {@link Json#mapper()}
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> JsonLinesReader<T> of(InputStream in, Class<T> type) {
        return of(in, type, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param type the entry type, mapped by the shared {@link Json#mapper()}
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> JsonLinesReader<T> of(InputStream in, Class<T> type, ReadLimits limits) {
        Objects.requireNonNull(type, "type");
        return new JsonLinesReader<>(in, node -> Json.mapper().treeToValue(node, type), limits);
    }

    /**
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a line's JSON (and may keep it as the entry's raw form)
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonLinesReader<T> of(InputStream in, Function<? super JsonNode, ? extends T> mapper) {
        return of(in, mapper, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a line's JSON (and may keep it as the entry's raw form)
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonLinesReader<T> of(InputStream in, Function<? super JsonNode, ? extends T> mapper,
            ReadLimits limits) {
        return new JsonLinesReader<>(in, EntryMapper.of(Objects.requireNonNull(mapper, "mapper")), limits);
    }

    /**
     * A reader that hands its mapper a streaming parser on each line's value, with the line's
     * bytes, instead of a tree.
     *
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a line's value and bytes
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonLinesReader<T> ofLines(InputStream in, LineMapper<? extends T> mapper) {
        return ofLines(in, mapper, ReadLimits.defaults());
    }

    /**
     * As {@link #ofLines(InputStream, LineMapper)}, within the given limits.
     *
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a line's value and bytes
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> JsonLinesReader<T> ofLines(InputStream in, LineMapper<? extends T> mapper, ReadLimits limits) {
        return new JsonLinesReader<>(in, mapper, limits);
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
                    if (!isJsonWhitespaceOnly()) {
                        // blank to us but not to Jackson (e.g. a form feed): keep it out of the block parser
                        closeBlock();
                    }
                    continue;
                }
                if (lineMapper != null) {
                    return mapLine();
                }
                JsonNode node = parseTree();
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
            if ((long) spilled + n > maxLineBytes) {
                byte[] head = spilled > 0 ? spill : Arrays.copyOfRange(buffer, pos, Math.min(nl, pos + 4096));
                throw ReadLimits.exceeded("maxTreeBytes", maxLineBytes, "line " + (lineNumber + 1) + " of the JSON Lines body "
                        + "(starting with: " + Excerpt.of(text(head, 0, Math.min(head.length, 4096)), 100) + ")",
                        lineNumber + 1, -1);
            }
            if (nl < limit && spilled == 0) {
                setLine(buffer, pos, n); // the common case: the whole line is in the buffer, parse it there
                pos = nl + 1;
                return true;
            }
            if (spilled + n > spill.length) {
                spill = Arrays.copyOf(spill, Math.max(spilled + n, (int) Math.min(2L * spill.length, maxLineBytes)));
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
        closeBlock(); // its bytes are about to be overwritten
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

    /** The current line as a tree. */
    private JsonNode parseTree() {
        int start = valueStart();
        int end = valueEnd();
        try {
            JsonParser p = valueParser(start, end);
            JsonNode node = TREE.readValue(p);
            checkValueEnd(p, start, end);
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw malformedLine(e);
        } catch (RuntimeException e) {
            closeBlock();
            throw e;
        } finally {
            releaseLineParser();
        }
    }

    /** The current line through the caller's own mapper; what its parser rejects reads like the reader's own errors. */
    private T mapLine() {
        int start = valueStart();
        int end = valueEnd();
        T entry;
        try {
            JsonParser p = valueParser(start, end);
            entry = lineMapper.map(p, lineBytes, start, end - start);
            checkValueEnd(p, start, end);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException | RuntimeException e) {
            closeBlock();
            throw EntryMapper.failure(e, "at line " + lineNumber, lineNumber, -1);
        } finally {
            releaseLineParser();
        }
        if (entry == null) {
            throw new AuditDataException("the entry at line " + lineNumber + " mapped to nothing (null)", lineNumber, -1, null);
        }
        return entry;
    }

    /**
     * A parser on the first token of the current line's value, which spans {@code [start, end)}
     * of {@code lineBytes}: the buffer's block parser when the line is in the buffer, else (a
     * line assembled across refills) a parser of the line alone.
     */
    private JsonParser valueParser(int start, int end) throws IOException {
        JsonParser p;
        if (lineBytes != buffer) {
            closeBlock();
            p = factory.createParser(lineBytes, start, end - start);
            lineParser = p;
        } else {
            if (block == null || start < blockStart || start >= blockEnd) {
                closeBlock();
                blockStart = start;
                blockEnd = lastNewline(start, limit) + 1;
                block = factory.createParser(buffer, blockStart, blockEnd - blockStart);
            }
            p = block;
        }
        // the value starts where the line's text does: the previous value ended on its own line
        // (checkValueEnd), and only JSON whitespace lies between (other blank lines end the block)
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new JsonParseException(p, "no JSON value on the line");
        }
        valueIsNumber = first.isNumeric();
        return p;
    }

    /** Fails unless the value just read ended where its line does. */
    private void checkValueEnd(JsonParser p, int start, int end) throws JsonParseException {
        long base = p == block ? blockStart : start;
        long consumed = p.currentLocation().getByteOffset();
        long expected = end - base;
        if (consumed < expected) {
            throw new JsonParseException(p, "more than one JSON value, or text after the value, on the line");
        }
        // a number at the top level ends at the separator after it, which the parser consumes
        // (with the line break, for CR LF): it may end anywhere up to the start of the next line
        long lineEnd = p == block ? pos - base : expected;
        if (consumed > expected && !(valueIsNumber && consumed <= lineEnd)) {
            throw new JsonParseException(p, "the JSON value does not end on its line");
        }
    }

    /** Closes a parser made for one line; the block parser stays open for the next line. */
    private void releaseLineParser() {
        if (lineParser != null) {
            closeQuietly(lineParser);
            lineParser = null;
        }
    }

    private int lastNewline(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a line in the buffer without its line break");
    }

    private void closeBlock() {
        if (block != null) {
            closeQuietly(block);
            block = null;
        }
    }

    private static void closeQuietly(JsonParser p) {
        try {
            p.close();
        } catch (IOException e) {
            // a parser over a byte array holds no resource but pooled buffers
        }
    }

    private AuditDataException malformed(JsonProcessingException e) {
        closeBlock();
        if (JsonTrees.isNestingDepth(e)) {
            return ReadLimits.exceeded("maxNestingDepth", limits.maxNestingDepth(), "the nesting of line " + lineNumber
                    + " of the JSON Lines body", lineNumber, -1);
        }
        return new AuditDataException("malformed JSON Lines input at line " + lineNumber + " ("
                + Excerpt.of(e.getOriginalMessage(), 100) + "); the line starts with: "
                + Excerpt.of(text(lineBytes, lineStart, Math.min(lineLength, 4096))), lineNumber, -1, e);
    }

    private AuditDataException malformedLine(IOException e) {
        closeBlock();
        return new AuditDataException("malformed JSON Lines input at line " + lineNumber, lineNumber, -1, e);
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

    private boolean isJsonWhitespaceOnly() {
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            if (!isJsonWhitespace(lineBytes[i])) {
                return false;
            }
        }
        return true;
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
     * Builds an entry from a line: reads the line's JSON value from a streaming parser (for
     * entry types that read their few attributes directly; a tree per line costs more than the
     * rest of reading), with the line's own bytes at hand (for identities derived from the line
     * exactly as the vendor wrote it).
     *
     * @param <T> the entry type
     */
    @FunctionalInterface
    public interface LineMapper<T> {
        /**
         * @param value positioned on the first token of the line's value; read exactly that
         *     value and nothing after it (the parser may go on into the next lines; the reader
         *     checks that the value fills its line); do not close it
         * @param line holds the line's UTF-8 bytes exactly as read, without its line break and
         *     without the JSON whitespace (spaces, tabs) around the value; valid only during this
         *     call, and not to be modified
         * @param offset where the line starts in {@code line}
         * @param length the line's length in bytes
         * @return the entry; not null
         * @throws IOException if mapping fails: a {@link JsonProcessingException} is reported as
         *     malformed JSON at the line, with an excerpt of it; any other failure as an
         *     {@link AuditDataException} naming the line
         */
        T map(JsonParser value, byte[] line, int offset, int length) throws IOException;
    }

    @Override
    protected void onClose() {
        closeBlock();
        releaseLineParser();
        try {
            in.close();
        } catch (IOException e) {
            throw new AuditTransportException("closing the JSON Lines body failed", e);
        }
    }
}
