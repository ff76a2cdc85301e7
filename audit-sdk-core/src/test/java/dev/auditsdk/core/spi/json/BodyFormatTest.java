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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    private static byte[] zipOf(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzipBytes(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** The zip bodies spilled to the temporary directory and not yet deleted. */
    private static List<Path> spilledZips() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("audit-sdk-body-")).collect(Collectors.toList());
        }
    }

    @Test
    void everyFileOfAZipIsReadInNameOrderEachWithItsOwnHeader() throws IOException {
        // written out of order, and each CSV file has its own header (with the columns in another order)
        byte[] zip = zipOf("part-2.csv", "apiname,time\ninvoices,2026-01-02T00:00:00Z\nrefunds,2026-01-02T01:00:00Z\n",
                "part-1.csv", "time,apiname\n2026-01-01T00:00:00Z,orders\n",
                "part-3.csv", "time,apiname\n");
        List<Path> before = spilledZips();
        SniffedBody body = BodyFormat.sniff(new ByteArrayInputStream(zip), ReadLimits.defaults(), "the export");
        assertThat(body.format()).isEqualTo(BodyFormat.ZIP_FILES);
        assertThat(entries(body, null)).extracting(n -> n.get("apiname").asText())
                .containsExactly("orders", "invoices", "refunds");
        assertThat(spilledZips()).isEqualTo(before); // the temporary copy is gone once read
    }

    @Test
    void filesOfDifferentFormatsAndCompressionAreEachReadByTheirOwn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.json.gz"));
            zip.write(gzipBytes("[{\"id\":1},{\"id\":2}]".getBytes(StandardCharsets.UTF_8)));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("b.jsonl"));
            zip.write("{\"id\":3}\n{\"id\":4}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        // and the whole archive gzip-wrapped, as Boomi's staged archives can be
        SniffedBody body = BodyFormat.sniff(new ByteArrayInputStream(gzipBytes(out.toByteArray())));
        assertThat(entries(body, null)).extracting(n -> n.get("id").asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aBodyOfSeveralFilesHandedOnAsAStreamIsItsFilesAgainWhenSniffed() throws IOException {
        SniffedBody first = BodyFormat.sniff(new ByteArrayInputStream(zipOf("1.jsonl", "{\"id\":1}\n{\"id\":2}\n",
                "2.jsonl", "{\"id\":3}\n{\"id\":4}\n")));
        InputStream handedOn = first.body();
        assertThatThrownBy(handedOn::read).isInstanceOf(IOException.class)
                .hasMessageContaining("zip archive of 2 files [1.jsonl, 2.jsonl]");
        SniffedBody again = BodyFormat.sniff(handedOn);
        assertThat(again.format()).isEqualTo(BodyFormat.ZIP_FILES);
        assertThat(entries(again, null)).extracting(n -> n.get("id").asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anEntryThatCannotBeBuiltNamesItsFileAndLine() throws IOException {
        SniffedBody body = BodyFormat.sniff(new ByteArrayInputStream(zipOf("1.jsonl", "{\"id\":1}\n",
                "2.jsonl", "{\"id\":2}\n{\"id\":\"x\"}\n")), ReadLimits.defaults(), "the export");
        List<Integer> read = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (CloseableIterator<Integer> it = body.entries(null, node -> {
                if (!node.get("id").isInt()) {
                    throw new IllegalArgumentException("id is not a number");
                }
                return node.get("id").asInt();
            })) {
                it.forEachRemaining(read::add);
            }
        }).isInstanceOf(AuditDataException.class).hasMessageContaining("file 2.jsonl").hasMessageContaining("line 2");
        assertThat(read).containsExactly(1, 2);
    }

    @Test
    void aZipLargerThanTheDecompressionLimitIsRefusedAndLeavesNoFile() throws IOException {
        StringBuilder big = new StringBuilder();
        java.util.Random random = new java.util.Random(7); // incompressible, so the archive itself is large
        while (big.length() < 300_000) {
            big.append(Long.toHexString(random.nextLong())).append('\n');
        }
        byte[] zip = zipOf("1.csv", "a,b\n" + big, "2.csv", "a,b\n1,2\n");
        ReadLimits small = ReadLimits.builder().maxDecompressedBytes(100_000).build();
        List<Path> before = spilledZips();
        assertThatThrownBy(() -> BodyFormat.sniff(new ByteArrayInputStream(zip), small, "the export"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the export is a zip archive of more than 100000 bytes");
        assertThat(spilledZips()).isEqualTo(before);
    }

    @Test
    void aOneLineTextAnswerIsNeitherJsonNorCsv() {
        assertThatThrownBy(() -> BodyFormat.sniff(utf8("Service temporarily unavailable\n")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("neither JSON nor CSV")
                .hasMessageContaining("Service temporarily unavailable");
    }

    @Test
    void aZipOfOneFileReadsAsThatFile() throws IOException {
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
