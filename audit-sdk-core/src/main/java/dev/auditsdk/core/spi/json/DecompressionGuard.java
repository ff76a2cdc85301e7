package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.ReadLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses a body under {@link ReadLimits#maxDecompressedBytes()} and
 * {@link ReadLimits#maxDecompressionRatio()}: the one way the SDK inflates gzip and zip, for
 * the HTTP {@code Content-Encoding} and for every layer {@link BodyFormat#sniff} unwraps.
 *
 * <p>One guard covers one body, however many layers it has: the ratio compares what the
 * latest layer has inflated with what the first layer has read of the compressed body, so
 * nested layers (whose ratios multiply) are measured as a whole. Crossing a limit fails the
 * read with {@link dev.auditsdk.core.error.AuditDataException}, thrown from {@code read}.
 */
public final class DecompressionGuard {
    private static final int GZIP_BUFFER = 8 * 1024;

    private final ReadLimits limits;
    private final String what;
    /** What the first layer read of the compressed body; null before the first layer. */
    private Counting compressed;
    /** What the files of an archive ({@link #forArchive}) have inflated to, together. */
    private long archiveProduced;

    DecompressionGuard(ReadLimits limits, String what) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.what = Objects.requireNonNull(what, "what");
    }

    /**
     * Gunzips a body (an HTTP {@code Content-Encoding: gzip} response, a {@code .gz} file)
     * within the limits. The gzip header is read now.
     *
     * @param compressed the gzip stream; closed when the result is closed
     * @param limits the limits to apply
     * @param what the body, for messages, e.g. {@code "GET /api/v1/auditlog"}; free of secrets
     * @return the inflated body; its {@code read} throws
     *     {@link dev.auditsdk.core.error.AuditDataException} once a limit is crossed
     * @throws java.util.zip.ZipException if the header is not gzip
     * @throws IOException if reading the header fails
     */
    public static InputStream gunzip(InputStream compressed, ReadLimits limits, String what) throws IOException {
        return new DecompressionGuard(limits, what).gunzipLayer(compressed);
    }

    /**
     * Guards an entry of a zip file that is already being inflated (a {@link java.util.zip.ZipFile}
     * entry read from disk): its output is counted against {@link ReadLimits#maxDecompressedBytes()}
     * and, when the entry's compressed size is known, {@link ReadLimits#maxDecompressionRatio()}.
     *
     * @param inflating the entry's inflated stream; closed when the result is closed
     * @param compressedSize the entry's compressed size from the archive's directory, or -1 if unknown
     * @param limits the limits to apply
     * @param what the entry, for messages; free of secrets
     * @return the entry; its {@code read} throws {@link dev.auditsdk.core.error.AuditDataException}
     *     once a limit is crossed
     */
    public static InputStream zipEntry(InputStream inflating, long compressedSize, ReadLimits limits, String what) {
        DecompressionGuard guard = new DecompressionGuard(limits, what);
        guard.compressed = new Counting(InputStream.nullInputStream());
        // unknown compressed size: only the size limit applies
        guard.compressed.count = compressedSize > 0 ? compressedSize : Long.MAX_VALUE;
        return guard.new Inflated(Objects.requireNonNull(inflating, "inflating"), "zip", false);
    }

    /**
     * Guards the files of one zip archive on disk together: what they inflate to counts as one
     * body against {@link ReadLimits#maxDecompressedBytes()}, and against the archive's size for
     * {@link ReadLimits#maxDecompressionRatio()}, so many small files cannot add up to a bomb.
     *
     * @param archiveBytes the archive's size on disk
     */
    static DecompressionGuard forArchive(long archiveBytes, ReadLimits limits, String what) {
        DecompressionGuard guard = new DecompressionGuard(limits, what);
        guard.compressed = new Counting(InputStream.nullInputStream());
        guard.compressed.count = Math.max(1, archiveBytes);
        return guard;
    }

    /** A file of a {@link #forArchive} archive: its output counts toward the archive's total. */
    InputStream archiveFile(InputStream file) {
        return new Inflated(Objects.requireNonNull(file, "file"), "zip", true);
    }

    /** Adds a gzip layer reading {@code in}. */
    InputStream gunzipLayer(InputStream in) throws IOException {
        return new Inflated(new GZIPInputStream(layerInput(in), GZIP_BUFFER), "gzip", false);
    }

    private InputStream layerInput(InputStream in) {
        Objects.requireNonNull(in, "compressed");
        if (compressed == null) {
            compressed = new Counting(in);
            return compressed;
        }
        return in;
    }

    /** A layer's (or an archive file's) inflated output, counted against the limits. */
    private final class Inflated extends FilterInputStream {
        private final String kind;
        /** Counts into the guard's archive total rather than its own. */
        private final boolean archive;
        private long produced;

        Inflated(InputStream in, String kind, boolean archive) {
            super(in);
            this.kind = kind;
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) {
            long out = archive ? (archiveProduced += n) : (produced += n);
            if (out > limits.maxDecompressedBytes()) {
                throw ReadLimits.exceeded("maxDecompressedBytes", limits.maxDecompressedBytes(),
                        "the " + kind + "-decompressed size of " + what);
            }
            if (out > ReadLimits.RATIO_MEASURED_AFTER_BYTES
                    && out / Math.max(1, compressed.count) > limits.maxDecompressionRatio()) {
                throw ReadLimits.exceeded("maxDecompressionRatio", limits.maxDecompressionRatio(),
                        "the decompression ratio of " + what + " (" + out / Math.max(1, compressed.count)
                                + ":1 after " + out + " bytes of " + kind + " output from " + compressed.count
                                + " compressed bytes)");
            }
        }
    }

    /** Counts the compressed bytes the first layer reads. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            if (skipped > 0) {
                count += skipped;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
