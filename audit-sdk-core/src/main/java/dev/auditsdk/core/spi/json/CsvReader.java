package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Excerpt;

/**
 * Reads RFC 4180 CSV with a header row from a stream, one record at a time (Jitterbit's log
 * export, UiPath's CSV downloads).
 *
 * <p>Supported: quoted fields with embedded commas, doubled quotes and CR/LF line breaks;
 * CRLF, LF or CR line ends; a UTF-8 byte-order mark; empty lines (skipped). Each record
 * becomes a {@code Map} from header name to value, in header order, or the caller's type.
 * An unterminated quote, text after a closing quote, a record with a different number of
 * fields than the header, a duplicate header name or invalid UTF-8 raise
 * {@link AuditDataException} naming the line on which the record starts; so does a record
 * longer than {@link ReadLimits#maxCsvRecordChars()} characters (separators included) or with
 * more than {@link ReadLimits#maxCsvFields()} fields, naming the limit
 * ({@link ReadLimits#defaults()} unless given). An empty body has no rows. Closing the reader
 * closes the stream.
 *
 * @param <T> the entry type
 */
public final class CsvReader<T> extends AbstractCloseableIterator<T> {
    /**
     * The default longest record, in characters.
     *
     * @deprecated records are bounded by {@link ReadLimits#maxCsvRecordChars()}; this is its default
     */
    @Deprecated
    public static final int MAX_RECORD_CHARS = ReadLimits.DEFAULT_MAX_CSV_RECORD_CHARS;

    private final InputStream in;
    private final CsvRecordParser records;
    private final EntryMapper<Map<String, String>, ? extends T> mapper;
    private List<String> header;

    private CsvReader(InputStream in, EntryMapper<Map<String, String>, ? extends T> mapper, ReadLimits limits) {
        this.in = Objects.requireNonNull(in, "in");
        this.records = new CsvRecordParser(new CharSource(in), Objects.requireNonNull(limits, "limits"));
        this.mapper = mapper;
    }

    /**
     * @param in the body; closed with the reader
     * @return a reader of rows as unmodifiable maps from header name to value, in header order
     */
    public static CsvReader<Map<String, String>> rows(InputStream in) {
        return rows(in, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param limits the limits to read within
     * @return a reader of rows as unmodifiable maps from header name to value, in header order
     */
    public static CsvReader<Map<String, String>> rows(InputStream in, ReadLimits limits) {
        return new CsvReader<>(in, row -> row, limits);
    }

    /**
     * @param in the body; closed with the reader
     * @return a reader of rows as JSON objects of string fields (a CSV entry's raw form)
     */
    public static CsvReader<ObjectNode> nodes(InputStream in) {
        return nodes(in, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param limits the limits to read within
     * @return a reader of rows as JSON objects of string fields (a CSV entry's raw form)
     */
    public static CsvReader<ObjectNode> nodes(InputStream in, ReadLimits limits) {
        return new CsvReader<>(in, CsvReader::toNode, limits);
    }

    /**
     * @param in the body; closed with the reader
     * @param type the entry type; rows are mapped by the shared {@link Json#mapper()}, header names as properties
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> CsvReader<T> of(InputStream in, Class<T> type) {
        return of(in, type, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param type the entry type; rows are mapped by the shared {@link Json#mapper()}, header names as properties
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of typed entries
     */
    public static <T> CsvReader<T> of(InputStream in, Class<T> type, ReadLimits limits) {
        Objects.requireNonNull(type, "type");
        return new CsvReader<>(in, row -> Json.mapper().convertValue(row, type), limits);
    }

    /**
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a row
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> CsvReader<T> of(InputStream in, Function<? super Map<String, String>, ? extends T> mapper) {
        return of(in, mapper, ReadLimits.defaults());
    }

    /**
     * @param in the body; closed with the reader
     * @param mapper builds an entry from a row
     * @param limits the limits to read within
     * @param <T> the entry type
     * @return a reader of mapped entries
     */
    public static <T> CsvReader<T> of(InputStream in, Function<? super Map<String, String>, ? extends T> mapper,
            ReadLimits limits) {
        return new CsvReader<>(in, EntryMapper.of(Objects.requireNonNull(mapper, "mapper")), limits);
    }

    /**
     * @return the header row's names (read from the stream if no row was read yet); empty for an empty body
     */
    public List<String> header() {
        try {
            return readHeader();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** @return the 1-based line on which the record read last starts */
    public long lineNumber() {
        return records.recordLine();
    }

    /**
     * @param row a CSV row
     * @return the row as a JSON object of string fields, in header order
     */
    public static ObjectNode toNode(Map<String, String> row) {
        ObjectNode node = Json.mapper().createObjectNode();
        row.forEach(node::put);
        return node;
    }

    @Override
    protected T computeNext() {
        try {
            if (readHeader().isEmpty()) {
                return endOfData();
            }
            List<String> fields = records.next();
            if (fields == null) {
                return endOfData();
            }
            long line = records.recordLine();
            if (fields.size() != header.size()) {
                throw new AuditDataException("CSV record at line " + line + " has " + fields.size()
                        + " fields but the header has " + header.size(), line, -1, null);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            return mapper.applyAtLine(Collections.unmodifiableMap(row), line);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private List<String> readHeader() throws IOException {
        if (header == null) {
            List<String> names = records.next();
            List<String> read = names == null ? List.of() : List.copyOf(names);
            Set<String> seen = new HashSet<>();
            for (String name : read) {
                if (!seen.add(name)) {
                    throw new AuditDataException("CSV header at line " + records.recordLine() + " repeats the column '"
                            + Excerpt.of(name, 60) + "'", records.recordLine(), -1, null);
                }
            }
            header = read;
        }
        return header;
    }

    private RuntimeException failure(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new AuditDataException("CSV input is not valid UTF-8 at line " + records.line(), records.line(), -1, e);
        }
        return new AuditTransportException("reading the CSV body failed after line " + records.recordLine(), e);
    }

    @Override
    protected void onClose() {
        try {
            in.close();
        } catch (IOException e) {
            throw new AuditTransportException("closing the CSV body failed", e);
        }
    }
}
