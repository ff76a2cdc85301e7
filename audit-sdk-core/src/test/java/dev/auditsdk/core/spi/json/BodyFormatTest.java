package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class BodyFormatTest {

    private static InputStream gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static InputStream zip(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("logs/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static List<JsonNode> entries(SniffedBody body, String field) {
        List<JsonNode> out = new ArrayList<>();
        try (CloseableIterator<JsonNode> it = body.entries(field)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void unwrapsGzipAndFindsAJsonArray() throws IOException {
        SniffedBody body = BodyFormat.sniff(gzip("  [{\"id\":1},{\"id\":2}]"));
        assertThat(body.format()).isEqualTo(BodyFormat.JSON_ARRAY);
        assertThat(entries(body, null)).hasSize(2);
    }

    @Test
    void aZipOfTwoFilesFailsAfterTheFirstInsteadOfEndingAsIfComplete() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("part-1.csv"));
            zip.write("time,apiname\n2026-01-01T00:00:00Z,orders\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("part-2.csv"));
            zip.write("time,apiname\n2026-01-02T00:00:00Z,invoices\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        List<JsonNode> read = new ArrayList<>();
        // a small first file is read whole while sniffing, so the second is found before any entry is handed out
        assertThatThrownBy(() -> {
            SniffedBody body = BodyFormat.sniff(new ByteArrayInputStream(out.toByteArray()), ReadLimits.defaults(),
                    "the export");
            try (CloseableIterator<JsonNode> it = body.entries(null)) {
                it.forEachRemaining(read::add);
            }
        }).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the export is a zip archive of more than one file (part-1.csv, then part-2.csv)");
        assertThat(read).isEmpty();
    }

    @Test
    void aOneLineTextAnswerIsNeitherJsonNorCsv() {
        assertThatThrownBy(() -> BodyFormat.sniff(utf8("Service temporarily unavailable\n")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("neither JSON nor CSV")
                .hasMessageContaining("Service temporarily unavailable");
    }

    @Test
    void readsTheFirstFileOfAZip() throws IOException {
        SniffedBody body = BodyFormat.sniff(zip("logs/2026-01-01.json", "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n"));
        assertThat(body.format()).isEqualTo(BodyFormat.JSON_LINES);
        assertThat(entries(body, null)).extracting(n -> n.get("id").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void tellsJsonLinesFromASingleObject() {
        assertThat(BodyFormat.sniff(utf8("{\"a\":{\"b\":\"}\"}}\n{\"a\":2}")).format()).isEqualTo(BodyFormat.JSON_LINES);
        assertThat(BodyFormat.sniff(utf8("{\n  \"entries\": [\n {\"a\":1}\n ]\n}\n")).format()).isEqualTo(BodyFormat.JSON_OBJECT);
        SniffedBody single = BodyFormat.sniff(utf8("{\"entries\":[{\"a\":1},{\"a\":2}]}"));
        assertThat(single.format()).isEqualTo(BodyFormat.JSON_OBJECT);
        assertThat(entries(single, "entries")).hasSize(2);
    }

    @Test
    void anythingElseTextualIsCsvAndTheBodyIsNotConsumed() throws IOException {
        SniffedBody body = BodyFormat.sniff(gzip("\uFEFFtime,apiname\n2026-01-01T00:00:00Z,orders\n"));
        assertThat(body.format()).isEqualTo(BodyFormat.CSV);
        assertThat(entries(body, null)).extracting(n -> n.get("apiname").asText()).containsExactly("orders");
    }

    @Test
    void blankIsEmptyAndHtmlIsAnError() {
        SniffedBody empty = BodyFormat.sniff(utf8(" \r\n\t"));
        assertThat(empty.format()).isEqualTo(BodyFormat.EMPTY);
        assertThat(entries(empty, null)).isEmpty();
        assertThatThrownBy(() -> BodyFormat.sniff(utf8("\n<!DOCTYPE html><html><title>Login</title>")))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("HTML").hasMessageContaining("<!DOCTYPE html>");
    }

    @Test
    void aCorruptArchiveIsADataError() {
        byte[] notReallyGzip = {0x1f, (byte) 0x8b, 1, 2, 3};
        assertThatThrownBy(() -> BodyFormat.sniff(new ByteArrayInputStream(notReallyGzip)))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("corrupt");
    }

    @Test
    void theReadersOfASniffedBodyApplyItsLimits() throws IOException {
        String page = "[[" + "0,".repeat(100_000) + "0]]";
        ReadLimits small = ReadLimits.builder().maxTreeBytes(64 * 1024).build();

        SniffedBody body = BodyFormat.sniff(gzip(page), small, "the export");
        assertThatThrownBy(() -> entries(body, null)).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("exceeds ReadLimits.maxTreeBytes (65536)");
        assertThat(entries(BodyFormat.sniff(gzip(page)), null)).hasSize(1);
    }

    @Test
    void sniffingDecompressesWithinTheLimits() throws IOException {
        String lines = "{\"n\":1}\n".repeat(200_000);
        ReadLimits small = ReadLimits.builder().maxDecompressedBytes(1 << 20).build();

        SniffedBody body = BodyFormat.sniff(gzip(lines), small, "the export");
        assertThat(body.format()).isEqualTo(BodyFormat.JSON_LINES);
        assertThatThrownBy(() -> entries(body, null)).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the gzip-decompressed size of the export exceeds ReadLimits.maxDecompressedBytes (1048576)");
        assertThat(entries(BodyFormat.sniff(gzip(lines)), null)).hasSize(200_000);
    }
}
