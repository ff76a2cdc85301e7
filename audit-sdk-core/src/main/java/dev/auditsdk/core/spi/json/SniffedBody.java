package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * A body whose {@link BodyFormat} is known, positioned at its start (decompressed when it was
 * gzip or zip). Closing it closes the original stream.
 */
public final class SniffedBody implements AutoCloseable {
    private final BodyFormat format;
    private final InputStream body;
    private final ReadLimits limits;
    private final ZipFiles zipFiles;

    SniffedBody(BodyFormat format, InputStream body, ReadLimits limits) {
        this.format = Objects.requireNonNull(format, "format");
        this.body = Objects.requireNonNull(body, "body");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.zipFiles = null;
    }

    /** A {@link BodyFormat#ZIP_FILES} body. */
    SniffedBody(ZipFiles zipFiles, ReadLimits limits) {
        this.format = BodyFormat.ZIP_FILES;
        this.zipFiles = Objects.requireNonNull(zipFiles, "zipFiles");
        this.body = zipFiles.new Handle();
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the detected format */
    public BodyFormat format() {
        return format;
    }

    /**
     * @return the decompressed body, from its first byte; for {@link BodyFormat#ZIP_FILES} a
     *     stand-in that cannot be read as bytes but that {@link BodyFormat#sniff} turns back into
     *     this body's files, so it can be handed on as a stream and read with {@link #entries(String)}
     */
    public InputStream body() {
        return body;
    }

    /**
     * Opens the matching reader: a JSON array's elements; a JSON object's {@code arrayField}
     * elements (or, without a field name, the object as the single line of JSON Lines); each line
     * of JSON Lines; each CSV row as a JSON object of strings; each file of a zip of several files
     * in name order, each read by its own format; nothing for an empty body. The
     * reader applies the {@link ReadLimits} the body was sniffed with.
     *
     * @param arrayField the array field of an enveloping object, or null
     * @return the entries as JSON trees; closing it closes the body
     */
    public CloseableIterator<JsonNode> entries(String arrayField) {
        return entries(arrayField, node -> node);
    }

    /**
     * As {@link #entries(String)}, each entry built by {@code mapper} inside the reader, so a
     * failure to build one names its position (element, line; and file, for a zip).
     *
     * @param arrayField the array field of an enveloping object, or null
     * @param mapper builds an entry from its JSON (a CSV row as an object of strings)
     * @param <T> the entry type
     * @return the entries; closing it closes the body
     */
    public <T> CloseableIterator<T> entries(String arrayField, Function<? super JsonNode, ? extends T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        switch (format) {
            case JSON_ARRAY:
                return JsonArrayReader.of(body, null, mapper, limits);
            case JSON_OBJECT:
                return arrayField == null ? JsonLinesReader.of(body, mapper, limits)
                        : JsonArrayReader.of(body, arrayField, mapper, limits);
            case JSON_LINES:
                return JsonLinesReader.of(body, mapper, limits);
            case CSV:
                return CsvReader.of(body, row -> mapper.apply(CsvReader.toNode(row)), limits);
            case ZIP_FILES:
                return zipFiles.entries(arrayField, mapper);
            default:
                close();
                return CloseableIterator.empty();
        }
    }

    /** The files of a {@link BodyFormat#ZIP_FILES} body, else null. */
    ZipFiles zipFiles() {
        return zipFiles;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new AuditTransportException("closing the body failed", e);
        }
    }

    @Override
    public String toString() {
        return "SniffedBody{" + format + "}";
    }
}
