package dev.auditsdk.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.spi.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes one JSON object per line (JSON Lines), each written by a {@link Render} straight to
 * the run's one generator: no tree, string or buffer per entry on the way.
 */
final class JsonLinesWriter implements EntryWriter {
    private final JsonGenerator generator;
    private final Render render;

    /** Writes one entry as one JSON value. */
    @FunctionalInterface
    interface Render {
        /**
         * @param entry the entry
         * @param g the output, where a root value may be written
         * @throws IOException when the output fails
         */
        void write(AuditLogEntry entry, JsonGenerator g) throws IOException;
    }

    /** The name of the field {@link #tagged} adds. */
    static final String STREAM_FIELD = "stream";

    /**
     * @param render renders one entry as a JSON object
     * @param stream the stream's name
     * @return a render of the same object with a first field {@code "stream": stream}
     */
    static Render tagged(Render render, String stream) {
        Objects.requireNonNull(stream, "stream");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        return (entry, g) -> {
            buffer.reset();
            try (JsonGenerator one = Json.mapper().getFactory().createGenerator(buffer)) {
                render.write(entry, one);
            }
            JsonNode record = Json.mapper().readTree(buffer.toByteArray());
            if (!record.isObject()) {
                throw new IOException("a " + record.getNodeType() + " record cannot name its stream");
            }
            ObjectNode tagged = Json.mapper().createObjectNode().put(STREAM_FIELD, stream);
            ((ObjectNode) record).remove(STREAM_FIELD);
            tagged.setAll((ObjectNode) record);
            Json.mapper().writeTree(g, tagged);
        };
    }

    JsonLinesWriter(OutputStream out, Render render) {
        this.render = Objects.requireNonNull(render, "render");
        try {
            // one generator for the whole run: no per-entry allocation of writers or buffers
            this.generator = Json.mapper().getFactory().createGenerator(new NonClosingOutputStream(out));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON generator", e);
        }
        generator.setPrettyPrinter(null);
        // records are terminated by '\n' below; Jackson's default root separator would add a space
        generator.setRootValueSeparator(null);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(boolean continuing) {
        // JSON Lines has no header
    }

    @Override
    public void write(AuditLogEntry entry) throws IOException {
        render.write(entry, generator);
        generator.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }
}
