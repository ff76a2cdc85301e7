package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A body whose {@link BodyFormat} is known, positioned at its start (decompressed when it was
 * gzip or zip). Closing it closes the original stream.
 */
public final class SniffedBody implements AutoCloseable {
    private final BodyFormat format;
    private final InputStream body;
    private final ReadLimits limits;

    SniffedBody(BodyFormat format, InputStream body, ReadLimits limits) {
        this.format = Objects.requireNonNull(format, "format");
        this.body = Objects.requireNonNull(body, "body");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the detected format */
    public BodyFormat format() {
        return format;
    }

    /** @return the decompressed body, from its first byte */
    public InputStream body() {
        return body;
    }

    /**
     * Opens the matching reader: a JSON array's elements; a JSON object's {@code arrayField}
     * elements (or, without a field name, the object as the single line of JSON Lines); each line
     * of JSON Lines; each CSV row as a JSON object of strings; nothing for an empty body. The
     * reader applies the {@link ReadLimits} the body was sniffed with.
     *
     * @param arrayField the array field of an enveloping object, or null
     * @return the entries as JSON trees; closing it closes the body
     */
    public CloseableIterator<JsonNode> entries(String arrayField) {
        switch (format) {
            case JSON_ARRAY:
                return JsonArrayReader.nodes(body, limits);
            case JSON_OBJECT:
                return arrayField == null ? JsonLinesReader.nodes(body, limits) : JsonArrayReader.nodes(body, arrayField, limits);
            case JSON_LINES:
                return JsonLinesReader.nodes(body, limits);
            case CSV:
                return CsvReader.nodes(body, limits).map(JsonNode.class::cast);
            default:
                close();
                return CloseableIterator.empty();
        }
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
