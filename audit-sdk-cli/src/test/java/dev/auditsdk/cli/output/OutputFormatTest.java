package dev.auditsdk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import dev.auditsdk.registry.AuditEventJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void parsesNamesInAnyCaseAndListsTheValidOnes() {
        assertThat(OutputFormat.parse("NDJSON")).isEqualTo(OutputFormat.NDJSON);
        assertThat(OutputFormat.parse(" csv ")).isEqualTo(OutputFormat.CSV);
        assertThatThrownBy(() -> OutputFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'xml', expected one of ndjson, raw, ocsf, csv");
    }

    /** As received: spaces, key order, escapes and number spelling the tree would change. */
    private static final String LINE = "{ \"timestamp\" : \"2024-03-21T11:58:14.233-03:00\", \"username\":\"adm\\u0069n\","
            + "\"domain\":\"role\",\"type\":\"update\",\"data\":{\"roleName\":\"Owner\",\"n\":1.0E2},\"\u00e9\":\"\u00e9\" }";

    private static String write(OutputFormat format, AuditLogEntry... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EntryWriter w = format.writer(out);
        w.begin(false);
        for (AuditLogEntry e : entries) {
            w.write(e);
        }
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rawCopiesTheLineOfAnEntryThatKeptItExactlyAsReceived() throws Exception {
        LifecycleAuditEntry entry = LifecycleAuditEntry.parse(LINE, "id-1");
        assertThat(write(OutputFormat.RAW, entry, entry)).isEqualTo(LINE + "\n" + LINE + "\n");
    }

    @Test
    void rawCopiesLinesLongerThanTheGeneratorsBufferAndMultiByteTextByteForByte() throws Exception {
        // a line of ~12 KB with two- and four-byte characters: larger than the generator's 8 KB buffer,
        // so the bytes are written around it as well as into it
        String line = LINE.replace("\"\u00e9\":\"\u00e9\"", "\"\u00e9\":\"" + "\u00e9\ud83d\ude00 ".repeat(1_000) + "\"");
        LifecycleAuditEntry big = LifecycleAuditEntry.parse(line, "id-big");
        LifecycleAuditEntry small = LifecycleAuditEntry.parse(LINE, "id-1");
        StringBuilder expected = new StringBuilder();
        AuditLogEntry[] entries = new AuditLogEntry[40];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = i % 3 == 0 ? big : small;
            expected.append(i % 3 == 0 ? line : LINE).append('\n');
        }
        assertThat(write(OutputFormat.RAW, entries)).isEqualTo(expected.toString());
    }

    @Test
    void rawWritesTheTreeOfAnEntryThatKeptNoText() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"id\":\"1\",\"n\":1.0E2}");
        AuditLogEntry entry = new AuditLogEntry() {
            @Override
            public String id() {
                return "1";
            }

            @Override
            public Instant timestamp() {
                return Instant.EPOCH;
            }

            @Override
            public AuditEvent toAuditEvent() {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonNode raw() {
                return tree;
            }
        };
        assertThat(write(OutputFormat.RAW, entry)).isEqualTo(tree.toString() + "\n");
    }

    @Test
    void ndjsonAndOcsfWriteTheSameJsonAsTheirTrees() throws Exception {
        LifecycleAuditEntry entry = LifecycleAuditEntry.parse(LINE, "id-1");
        AuditEvent event = entry.toAuditEvent();
        assertThat(write(OutputFormat.NDJSON, entry)).isEqualTo(AuditEventJson.toJson(event).toString() + "\n");
        assertThat(write(OutputFormat.OCSF, entry)).isEqualTo(event.toOcsf().toString() + "\n");
    }

    @Test
    void aTaggedWriterPutsTheStreamFirstInEveryJsonFormatAndKeepsTheRest() throws Exception {
        LifecycleAuditEntry entry = LifecycleAuditEntry.parse(LINE, "id-1");
        for (OutputFormat format : new OutputFormat[] {OutputFormat.NDJSON, OutputFormat.RAW, OutputFormat.OCSF}) {
            String plain = write(format, entry);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EntryWriter w = format.writer(out, "iq-prod");
            w.begin(false);
            w.write(entry);
            w.write(entry);
            w.flush();
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).as(format.cliName()).hasSize(2);
            JsonNode tagged = Json.mapper().readTree(lines[1]);
            assertThat(tagged.fieldNames().next()).isEqualTo("stream");
            assertThat(tagged.get("stream").asText()).isEqualTo("iq-prod");
            ((com.fasterxml.jackson.databind.node.ObjectNode) tagged).remove("stream");
            assertThat(tagged).as(format.cliName()).isEqualTo(Json.mapper().readTree(plain));
        }
    }

    @Test
    void csvRecordsCannotNameTheirStream() {
        assertThatThrownBy(() -> OutputFormat.CSV.writer(new ByteArrayOutputStream(), "iq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own output file");
    }
}
