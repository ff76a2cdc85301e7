package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.Bombs.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class DecompressionGuardTest {

    private static byte[] logLines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("{\"id\":").append(i).append(",\"user\":\"u").append(i % 97).append("\",\"action\":\"login\"}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gunzipsANormalBodyByteForByte() throws IOException {
        byte[] original = logLines(100_000);

        try (InputStream in = DecompressionGuard.gunzip(new ByteArrayInputStream(Bombs.gzip(original)),
                ReadLimits.defaults(), "GET /auditlog")) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
    }

    @Test
    void readsEveryMemberOfAMultiMemberGzipBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(Bombs.gzip("{\"n\":1}\n".getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(Bombs.gzip("{\"n\":2}\n".getBytes(StandardCharsets.UTF_8)));

        try (InputStream in = DecompressionGuard.gunzip(new ByteArrayInputStream(body.toByteArray()),
                ReadLimits.defaults(), "GET /auditlog")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
        }
    }

    @Test
    void theRatioIsJudgedOnlyAfterTheFirstMegabyte() throws IOException {
        ReadLimits ratio100 = ReadLimits.builder().maxDecompressionRatio(100).build();
        byte[] oneMegabyte = Bombs.gzip(new byte[(int) ReadLimits.RATIO_MEASURED_AFTER_BYTES]);
        byte[] twoMegabytes = Bombs.gzip(new byte[(int) (2 * ReadLimits.RATIO_MEASURED_AFTER_BYTES)]);
        assertThat(ReadLimits.RATIO_MEASURED_AFTER_BYTES / oneMegabyte.length).isGreaterThan(500);

        assertThat(Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(oneMegabyte), ratio100, "x")))
                .isEqualTo(ReadLimits.RATIO_MEASURED_AFTER_BYTES);
        assertThatThrownBy(() -> Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(twoMegabytes), ratio100, "x")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the decompression ratio of x (")
                .hasMessageContaining("exceeds ReadLimits.maxDecompressionRatio (100)");
    }

    @Test
    void aRaisedRatioLetsAHighlyCompressibleBodyThrough() throws IOException {
        byte[] zeros = Bombs.gzipOf("", "\0", 64 * MiB);
        ReadLimits defaults = ReadLimits.defaults();
        ReadLimits raised = defaults.toBuilder().maxDecompressionRatio(2000).build();

        assertThatThrownBy(() -> Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(zeros), defaults, "x")))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("ReadLimits.maxDecompressionRatio (1000)");
        assertThat(Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(zeros), raised, "x")))
                .isEqualTo(64 * MiB);
    }

    @Test
    void maxDecompressedBytesIsExactAndSkippingCounts() throws IOException {
        byte[] body = Bombs.gzip(logLines(1000));
        int size = logLines(1000).length;
        ReadLimits exact = ReadLimits.builder().maxDecompressedBytes(size).build();
        ReadLimits oneLess = ReadLimits.builder().maxDecompressedBytes(size - 1).build();

        assertThat(Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(body), exact, "x"))).isEqualTo(size);
        assertThatThrownBy(() -> Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(body), oneLess, "x")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the gzip-decompressed size of x exceeds ReadLimits.maxDecompressedBytes (" + (size - 1) + ")");
        assertThatThrownBy(() -> {
            try (InputStream in = DecompressionGuard.gunzip(new ByteArrayInputStream(body), oneLess, "x")) {
                in.skip(size);
            }
        }).isInstanceOf(AuditDataException.class).hasMessageContaining("ReadLimits.maxDecompressedBytes");
    }

    @Test
    void aBodyThatIsNotGzipFailsAtOnceAndClosingClosesTheSource() throws IOException {
        assertThatThrownBy(() -> DecompressionGuard.gunzip(TestStreams.utf8("{\"plain\":true}"), ReadLimits.defaults(), "x"))
                .isInstanceOf(ZipException.class);

        TestStreams.Tracking source = new TestStreams.Tracking(new ByteArrayInputStream(Bombs.gzip(logLines(10))));
        DecompressionGuard.gunzip(source, ReadLimits.defaults(), "x").close();
        assertThat(source.closed).isTrue();
    }
}
