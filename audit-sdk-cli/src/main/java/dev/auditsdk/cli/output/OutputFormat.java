package dev.auditsdk.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.RawJsonEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.RawUtf8;
import dev.auditsdk.registry.AuditEventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The record formats {@code --format} accepts. */
public enum OutputFormat {
    /** The normalized {@code AuditEvent} as one JSON object per line (the default). */
    NDJSON,
    /** The vendor's own JSON of each entry, one per line, exactly as received. */
    RAW,
    /** The OCSF rendering of each entry, one JSON object per line. */
    OCSF,
    /** The normalized fields as RFC 4180 CSV with a header row. */
    CSV;

    /**
     * @param out where the records go; not closed by the writer
     * @return a writer of this format
     */
    public EntryWriter writer(OutputStream out) {
        return this == CSV ? new CsvWriter(out) : new JsonLinesWriter(out, render());
    }

    /**
     * A writer whose every record also names the stream it came from, for several streams
     * sharing one output ({@code tail --config} on stdout): a first field {@code "stream"}.
     *
     * @param out where the records go; not closed by the writer
     * @param stream the stream's name
     * @return a writer of this format
     * @throws IllegalArgumentException for {@link #CSV}, whose columns are fixed by its header
     */
    public EntryWriter writer(OutputStream out, String stream) {
        if (this == CSV) {
            throw new IllegalArgumentException(cliName() + " records cannot name their stream: give each stream"
                    + " its own output file, or use ndjson, raw or ocsf");
        }
        return new JsonLinesWriter(out, JsonLinesWriter.tagged(render(), stream));
    }

    /** @return how a JSON format writes one entry as one JSON value */
    private JsonLinesWriter.Render render() {
        switch (this) {
            case RAW:
                return OutputFormat::writeRaw;
            case OCSF:
                return (entry, g) -> entry.toAuditEvent().writeOcsf(g);
            case NDJSON:
                return (entry, g) -> AuditEventJson.write(entry.toAuditEvent(), g);
            default:
                throw new IllegalStateException(cliName() + " is not a JSON format");
        }
    }

    /** The vendor's JSON: copied as it arrived when the entry kept it, else its tree serialized. */
    private static void writeRaw(AuditLogEntry entry, JsonGenerator g) throws IOException {
        if (entry instanceof RawJsonEntry) {
            g.writeRawValue(RawUtf8.of(((RawJsonEntry) entry).rawJson()));
        } else {
            Json.mapper().writeTree(g, entry.raw());
        }
    }

    /** @return the name on the command line, e.g. {@code ndjson} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a name given on the command line, any case
     * @return the format
     * @throws IllegalArgumentException listing the valid names when the text is none of them
     */
    public static OutputFormat parse(String text) {
        for (OutputFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "', expected one of "
                + Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", ")));
    }
}
