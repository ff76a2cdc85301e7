package dev.auditsdk.cli.output;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.Target;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The normalized fields as RFC 4180 CSV: a header row, CRLF line ends, and fields holding a
 * comma, a double quote, CR or LF enclosed in double quotes with inner quotes doubled.
 */
final class CsvWriter implements EntryWriter {
    /** The header row, in column order. */
    static final List<String> COLUMNS = List.of("time", "vendor", "id", "ocsf_class", "action", "category",
            "outcome", "actor_name", "actor_email", "actor_id", "target_type", "target_id", "target_name",
            "source_ip", "user_agent", "message");

    private final Writer out;

    CsvWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8),
                64 * 1024);
    }

    @Override
    public void begin(boolean continuing) throws IOException {
        if (!continuing) {
            writeRow(COLUMNS.toArray(new String[0]));
        }
    }

    @Override
    public void write(AuditLogEntry entry) throws IOException {
        AuditEvent e = entry.toAuditEvent();
        Optional<Target> t = e.target();
        writeRow(e.time().toString(), e.vendor(), e.id(), String.valueOf(e.ocsfClass().uid()), e.action(),
                e.category().orElse(""), e.outcome().name(),
                e.actor().name().orElse(""), e.actor().email().orElse(""), e.actor().id().orElse(""),
                t.flatMap(Target::type).orElse(""), t.flatMap(Target::id).orElse(""), t.flatMap(Target::name).orElse(""),
                e.sourceIp().orElse(""), e.userAgent().orElse(""), e.message().orElse(""));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void writeRow(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields[i]));
        }
        out.write("\r\n");
    }

    /**
     * @param field a field value
     * @return the value as an RFC 4180 field
     */
    static String quote(String field) {
        boolean needsQuotes = false;
        for (int i = 0; i < field.length() && !needsQuotes; i++) {
            char c = field.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
