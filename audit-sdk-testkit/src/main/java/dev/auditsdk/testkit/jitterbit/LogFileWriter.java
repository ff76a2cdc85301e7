package dev.auditsdk.testkit.jitterbit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes a finished export as the file the vendor serves: CSV with a header row, or JSON. */
final class LogFileWriter {
    static final List<String> HEADER = List.of("time", "apiName", "envName", "authProfile", "requestId",
            "requestMethod", "requestUri", "responseTime", "sourceIp", "sourceApp", "statusCode", "message");
    private static final DateTimeFormatter ISO_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final JsonFactory JSON = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final JitterbitSimulator.TimeFormat timeFormat;
    private final JitterbitSimulator.JsonLayout jsonLayout;
    private final ZoneId zone;
    private final boolean withMessages;

    LogFileWriter(JitterbitSimulator.TimeFormat timeFormat, JitterbitSimulator.JsonLayout jsonLayout, ZoneId zone,
            boolean withMessages) {
        this.timeFormat = timeFormat;
        this.jsonLayout = jsonLayout;
        this.zone = zone;
        this.withMessages = withMessages;
    }

    void writeCsv(List<ApiLogRecord> records, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(String.join(",", HEADER));
        w.write("\r\n");
        for (ApiLogRecord r : records) {
            String[] cells = {time(r.time()), r.apiName(), r.envName(), r.authProfile(), r.requestId(),
                r.requestMethod(), r.requestUri(), Long.toString(r.responseTime()), r.sourceIp(), r.sourceApp(),
                Integer.toString(r.statusCode()), withMessages ? r.message() : ""};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(csvCell(cells[i]));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    void writeJson(List<ApiLogRecord> records, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            if (jsonLayout == JitterbitSimulator.JsonLayout.ARRAY) {
                g.writeStartArray();
            }
            for (ApiLogRecord r : records) {
                g.writeStartObject();
                if (timeFormat == JitterbitSimulator.TimeFormat.EPOCH_MILLIS) {
                    g.writeNumberField("time", r.time().toEpochMilli());
                } else {
                    g.writeStringField("time", time(r.time()));
                }
                g.writeStringField("apiName", r.apiName());
                g.writeStringField("envName", r.envName());
                g.writeStringField("authProfile", r.authProfile());
                g.writeStringField("requestId", r.requestId());
                g.writeStringField("requestMethod", r.requestMethod());
                g.writeStringField("requestUri", r.requestUri());
                g.writeNumberField("responseTime", r.responseTime());
                g.writeStringField("sourceIp", r.sourceIp());
                g.writeStringField("sourceApp", r.sourceApp());
                g.writeNumberField("statusCode", r.statusCode());
                if (withMessages) {
                    g.writeStringField("message", r.message());
                } else {
                    g.writeNullField("message");
                }
                g.writeEndObject();
                if (jsonLayout == JitterbitSimulator.JsonLayout.LINES) {
                    g.writeRaw('\n');
                }
            }
            if (jsonLayout == JitterbitSimulator.JsonLayout.ARRAY) {
                g.writeEndArray();
            }
        }
        out.flush();
    }

    private String time(Instant t) {
        switch (timeFormat) {
            case EPOCH_MILLIS:
                return Long.toString(t.toEpochMilli());
            case REQUEST_FORMAT:
                return QueryStringFilter.REQUEST_TIME.format(t.atZone(zone));
            default:
                return ISO_OFFSET.format(t.atZone(zone));
        }
    }

    private static String csvCell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
