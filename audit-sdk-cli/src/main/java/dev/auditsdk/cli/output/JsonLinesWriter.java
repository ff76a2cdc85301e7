package dev.auditsdk.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Function;

/** Writes one JSON object per line (JSON Lines), rendered from each entry by a function. */
final class JsonLinesWriter implements EntryWriter {
    private final JsonGenerator generator;
    private final Function<AuditLogEntry, JsonNode> render;

    JsonLinesWriter(OutputStream out, Function<AuditLogEntry, JsonNode> render) {
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
        Json.mapper().writeTree(generator, render.apply(entry));
        generator.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }
}
