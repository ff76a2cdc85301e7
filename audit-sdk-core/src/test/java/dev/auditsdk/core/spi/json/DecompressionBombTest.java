package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.Bombs.GiB;
import static dev.auditsdk.core.spi.json.Bombs.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.ByteArrayInputStream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compression bombs end in {@link AuditDataException} naming the limit, never in an
 * {@link OutOfMemoryError}: run with a 64 MB heap (the {@code bomb-tests} execution of the
 * module's surefire configuration).
 */
class DecompressionBombTest {

    /** 1 GiB of zeros as gzip: about 1 MB. */
    private static byte[] zeros;

    @BeforeAll
    static void smallHeap() {
        Bombs.requireSmallHeap();
        zeros = Bombs.gzipOf("", "\0", GiB);
    }

    @Test
    void aGigabyteOfGzippedZerosFailsOnTheRatioThroughTheTransportsGunzip() {
        assertThat(zeros.length).isLessThan((int) (2 * MiB));

        assertThatThrownBy(() -> Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(zeros),
                ReadLimits.defaults(), "GET /auditlog")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the decompression ratio of GET /auditlog")
                .hasMessageContaining("exceeds ReadLimits.maxDecompressionRatio (1000)")
                .hasMessageContaining("raise it with ReadLimits.builder().maxDecompressionRatio(...)");
    }

    @Test
    void aBodyInflatingPastMaxDecompressedBytesFailsNamingIt() {
        ReadLimits limits = ReadLimits.builder().maxDecompressionRatio(Integer.MAX_VALUE)
                .maxDecompressedBytes(64 * MiB).build();

        assertThatThrownBy(() -> Bombs.drain(DecompressionGuard.gunzip(new ByteArrayInputStream(zeros), limits, "GET /auditlog")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the gzip-decompressed size of GET /auditlog")
                .hasMessageContaining("exceeds ReadLimits.maxDecompressedBytes (67108864)");
    }

    @Test
    void threeNestedGzipLayersFailOnTheRatioOfTheWholeBodySoonAfterTheFirstMegabyte() {
        byte[] inner = Bombs.gzipOf("[", "0,", GiB);
        byte[] body = Bombs.gzip(Bombs.gzip(inner));
        assertThat(body.length).isLessThan(64 * 1024);

        SniffedBody sniffed = BodyFormat.sniff(new ByteArrayInputStream(body), ReadLimits.defaults(), "the export");
        assertThat(sniffed.format()).isEqualTo(BodyFormat.JSON_ARRAY);
        long[] read = new long[1];
        assertThatThrownBy(() -> {
            try (CloseableIterator<JsonNode> entries = sniffed.entries(null)) {
                entries.forEachRemaining(e -> read[0]++);
            }
        }).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the decompression ratio of the export")
                .hasMessageContaining("exceeds ReadLimits.maxDecompressionRatio (1000)");
        assertThat(read[0]).isPositive().isLessThan(4 * MiB);
    }

    @Test
    void aZipWithAHugeEntryFailsOnMaxDecompressedBytes() {
        byte[] zip = Bombs.zip("audit.csv", Bombs.text("id,n\n", "0,0\n", 32 * MiB, ""), Deflater.BEST_SPEED);
        ReadLimits limits = ReadLimits.builder().maxDecompressedBytes(16 * MiB).build();

        SniffedBody sniffed = BodyFormat.sniff(new ByteArrayInputStream(zip), limits, "audit.zip");
        assertThat(sniffed.format()).isEqualTo(BodyFormat.CSV);
        assertThatThrownBy(() -> Bombs.drain(sniffed.body()))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the zip-decompressed size of audit.zip (file audit.csv) exceeds ReadLimits.maxDecompressedBytes (16777216)");
    }

    @Test
    void theFilesOfAZipCountTogetherAgainstMaxDecompressedBytes() {
        // 40 files of ~1 MiB: each well under the limit on its own, 40 MiB together
        int files = 40;
        byte[] zip = Bombs.zipOfMany(files, "a,b\n", "0,0\n", MiB / 4 - 16);
        ReadLimits limits = ReadLimits.builder().maxDecompressedBytes(16 * MiB).build();

        SniffedBody sniffed = BodyFormat.sniff(new ByteArrayInputStream(zip), limits, "the export");
        assertThat(sniffed.format()).isEqualTo(BodyFormat.ZIP_FILES);
        long[] read = new long[1];
        assertThatThrownBy(() -> {
            try (CloseableIterator<JsonNode> entries = sniffed.entries(null)) {
                entries.forEachRemaining(e -> read[0]++);
            }
        }).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the zip-decompressed size of the export exceeds ReadLimits.maxDecompressedBytes (16777216)");
        // the files read before the limit was crossed: about 16 of the 40
        assertThat(read[0]).isPositive().isLessThan(17L * (MiB / 4));
    }

    @Test
    void aGzipBombInsideAZipInsideGzipFailsOnTheRatioWithTheDefaults() {
        byte[] body = Bombs.gzip(Bombs.zip("audit.json.gz", Bombs.gzipOf("[", "0,", GiB)));

        SniffedBody sniffed = BodyFormat.sniff(new ByteArrayInputStream(body), ReadLimits.defaults(), "the staged export");
        assertThatThrownBy(() -> Bombs.drain(sniffed.body()))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("exceeds ReadLimits.maxDecompressionRatio (1000)");
    }
}
