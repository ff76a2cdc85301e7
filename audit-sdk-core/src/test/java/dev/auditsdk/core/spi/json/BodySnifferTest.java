package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodySnifferTest {

    private static BodyFormat format(String body) {
        return BodySniffer.sniff(utf8(body), ReadLimits.defaults(), "the body").format();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (name != null) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(data);
                zip.closeEntry();
            } else {
                zip.putNextEntry(new ZipEntry("only-a-folder/"));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aByteOrderMarkAndLeadingBlanksAreSkippedButNotConsumed() throws IOException {
        String text = "\uFEFF \r\n\t[{\"id\":1}]";
        try (SniffedBody body = BodySniffer.sniff(utf8(text), ReadLimits.defaults(), "the body")) {
            assertThat(body.format()).isEqualTo(BodyFormat.JSON_ARRAY);
            assertThat(new String(body.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void bracesInsideStringsDoNotEndTheFirstObject() {
        assertThat(format("{\"msg\":\"a } and a \\\" and {\"}\n{\"msg\":\"b\"}\n")).isEqualTo(BodyFormat.JSON_LINES);
        assertThat(format("{\"msg\":\"}\\\\\",\"n\":{\"x\":[1,{}]}}  \r\n  ")).isEqualTo(BodyFormat.JSON_OBJECT);
    }

    @Test
    void aPrettyPrintedObjectIsOneObjectNotJsonLines() {
        assertThat(format("{\n  \"items\": [\n    {\"id\": 1}\n  ]\n}\n")).isEqualTo(BodyFormat.JSON_OBJECT);
    }

    @Test
    void anObjectLongerThanTheSniffedHeadIsAnObject() {
        String big = "{\"items\":[" + "\"x\",".repeat(BodyFormat.SNIFF_LIMIT / 4) + "\"x\"]}";
        assertThat(format(big)).isEqualTo(BodyFormat.JSON_OBJECT);
    }

    @Test
    void aBlankBodyLongerThanTheSniffLimitIsRefusedNotTakenForEmpty() {
        String blanks = " ".repeat(BodyFormat.SNIFF_LIMIT + 10) + "[]";
        assertThatThrownBy(() -> format(blanks)).isInstanceOf(AuditDataException.class)
                .hasMessage("the first " + BodyFormat.SNIFF_LIMIT + " bytes of the body are blank");
        assertThat(format(" ".repeat(BodyFormat.SNIFF_LIMIT - 1))).isEqualTo(BodyFormat.EMPTY);
        assertThat(format("")).isEqualTo(BodyFormat.EMPTY);
    }

    @Test
    void aBinaryBodyIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        assertThatThrownBy(() -> BodySniffer.sniff(new ByteArrayInputStream(new byte[] {0, 1, 2, 3}),
                ReadLimits.defaults(), "the body")).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the body is binary, not JSON or CSV");
        // 0x89 is no control character: a PNG reads as text without a separator
        assertThatThrownBy(() -> BodySniffer.sniff(new ByteArrayInputStream(png), ReadLimits.defaults(), "the body"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("neither JSON nor CSV");
    }

    @Test
    void aCommaOnlyOnTheSecondLineDoesNotMakeCsv() {
        assertThatThrownBy(() -> format("Service Unavailable\r\nretry later, please"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("its first line has no ',' separator")
                .hasMessageContaining("Service Unavailable");
        assertThat(format("time,user\r\n2026-01-01T00:00:00Z,ann\r\n")).isEqualTo(BodyFormat.CSV);
    }

    @Test
    void xmlIsRefusedQuotingItsStart() {
        assertThatThrownBy(() -> format("<?xml version=\"1.0\"?><error><message>Forbidden</message></error>"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("looks like HTML or XML")
                .hasMessageContaining("<message>Forbidden</message>");
    }

    @Test
    void gzipInsideZipInsideGzipIsUnwrapped() throws IOException {
        byte[] body = gzip(zip("audit.json.gz", gzip("[{\"id\":7}]".getBytes(StandardCharsets.UTF_8))));
        try (SniffedBody sniffed = BodySniffer.sniff(new ByteArrayInputStream(body), ReadLimits.defaults(), "x")) {
            assertThat(sniffed.format()).isEqualTo(BodyFormat.JSON_ARRAY);
            assertThat(new String(sniffed.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[{\"id\":7}]");
        }
    }

    @Test
    void moreThanThreeLayersAreNotUnwrappedAndTheRestIsRefusedAsBinary() throws IOException {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) {
            body = gzip(body);
        }
        byte[] fourLayers = body;
        assertThatThrownBy(() -> BodySniffer.sniff(new ByteArrayInputStream(fourLayers), ReadLimits.defaults(), "x"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("binary");
    }

    @Test
    void aZipWithoutFilesIsAnEmptyBody() throws IOException {
        try (SniffedBody sniffed = BodySniffer.sniff(new ByteArrayInputStream(zip(null, null)), ReadLimits.defaults(), "x")) {
            assertThat(sniffed.format()).isEqualTo(BodyFormat.EMPTY);
        }
    }

    @Test
    void aFailingConnectionIsATransportErrorAndTheBodyIsClosed() {
        TestStreams.Tracking raw = new TestStreams.Tracking(TestStreams.failingAfter("[{\"id\""));
        assertThatThrownBy(() -> BodySniffer.sniff(raw, ReadLimits.defaults(), "x"))
                .isInstanceOf(AuditTransportException.class)
                .hasMessage("reading the start of the body failed")
                .hasRootCauseMessage("connection reset");
        assertThat(raw.closed).isTrue();
    }

    @Test
    void aCorruptArchiveClosesTheBody() throws IOException {
        byte[] good = gzip("[1,2,3]".repeat(1000).getBytes(StandardCharsets.UTF_8));
        byte[] corrupt = java.util.Arrays.copyOf(good, good.length);
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xff;
        }
        TestStreams.Tracking raw = new TestStreams.Tracking(new ByteArrayInputStream(corrupt));
        assertThatThrownBy(() -> BodySniffer.sniff(raw, ReadLimits.defaults(), "x"))
                .isInstanceOf(AuditDataException.class).hasMessage("the body is a corrupt gzip or zip archive");
        assertThat(raw.closed).isTrue();
    }

    @Test
    void aNullBodyIsRefused() {
        assertThatThrownBy(() -> BodySniffer.sniff(null, ReadLimits.defaults(), "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"just a string\"", "42", "true"})
    void aJsonScalarIsNotMistakenForAnArrayOrObject(String scalar) {
        assertThatThrownBy(() -> format(scalar)).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("neither JSON nor CSV");
    }

    @Test
    void theSniffReadsNoMoreThanTheLimitFromAHugeBody() {
        TestStreams.Tracking raw = new TestStreams.Tracking(TestStreams.repeated("{\"n\":1}\n", 10_000_000));
        SniffedBody sniffed = BodySniffer.sniff(raw, ReadLimits.defaults(), "x");
        assertThat(sniffed.format()).isEqualTo(BodyFormat.JSON_LINES);
        assertThat(raw.bytesRead).isLessThanOrEqualTo(BodyFormat.SNIFF_LIMIT + 8192L);
        sniffed.close();
        assertThat(raw.closed).isTrue();
    }
}
