package dev.auditsdk.core;

import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.error.AuditDataException;

/**
 * The hard limits on what the SDK reads from a vendor, in one place: how far a body may
 * decompress, how large a JSON value read whole (as a tree) and how deeply nested it may be,
 * how large a CSV record may be, and how many pages in a row may deliver nothing new.
 *
 * <p>They exist so that a hostile or broken server (a gzip bomb, {@code [[0,0,0,…]]}, a CSV
 * line of millions of commas, a pager that never advances) fails the read with an
 * {@link AuditDataException} naming the limit, never with an {@link OutOfMemoryError} or a
 * silent stop. The defaults fit real audit logs with a wide margin; raise a limit only for a
 * vendor that really sends more, e.g.
 * {@code ReadLimits.defaults().toBuilder().maxTreeBytes(32 << 20).build()}, and pass it to the
 * source builder's {@code limits(...)}.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class ReadLimits {
    /** Default of {@link #maxDecompressedBytes()}: 8 GiB. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 8L << 30;
    /** Default of {@link #maxDecompressionRatio()}: 1000 (to 1). */
    public static final int DEFAULT_MAX_DECOMPRESSION_RATIO = 1000;
    /**
     * How many bytes a body must have inflated to before {@link #maxDecompressionRatio()} is
     * checked (1 MiB): a small body's ratio says nothing (a few hundred bytes of repeated JSON
     * can legitimately compress 50:1 or better), and a bomb is caught long before it matters.
     */
    public static final long RATIO_MEASURED_AFTER_BYTES = 1L << 20;
    /** Default of {@link #maxTreeBytes()}: 4 MiB. */
    public static final int DEFAULT_MAX_TREE_BYTES = 4 << 20;
    /** Default of {@link #maxNestingDepth()}: 256. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = Json.DEFAULT_MAX_NESTING_DEPTH;
    /** Default of {@link #maxCsvFields()}: 10,000. */
    public static final int DEFAULT_MAX_CSV_FIELDS = 10_000;
    /** Default of {@link #maxCsvRecordChars()}: 4 Mi characters. */
    public static final int DEFAULT_MAX_CSV_RECORD_CHARS = 4 << 20;
    /** Default of {@link #maxPagesWithoutProgress()}: 100. */
    public static final int DEFAULT_MAX_PAGES_WITHOUT_PROGRESS = 100;

    private static final ReadLimits DEFAULTS = new Builder().build();

    private final long maxDecompressedBytes;
    private final int maxDecompressionRatio;
    private final int maxTreeBytes;
    private final int maxNestingDepth;
    private final int maxCsvFields;
    private final int maxCsvRecordChars;
    private final int maxPagesWithoutProgress;

    private ReadLimits(Builder b) {
        this.maxDecompressedBytes = b.maxDecompressedBytes;
        this.maxDecompressionRatio = b.maxDecompressionRatio;
        this.maxTreeBytes = b.maxTreeBytes;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxCsvFields = b.maxCsvFields;
        this.maxCsvRecordChars = b.maxCsvRecordChars;
        this.maxPagesWithoutProgress = b.maxPagesWithoutProgress;
    }

    /** @return the default limits, as documented on each accessor */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these limits */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The most bytes one body may inflate to, counted separately at each gzip or zip layer
     * (the HTTP {@code Content-Encoding} and up to three layers inside an export file).
     * Default {@value #DEFAULT_MAX_DECOMPRESSED_BYTES} (8 GiB): log exports of a busy tenant
     * reach gigabytes, and bodies are streamed, so this bounds time and disk, not heap.
     *
     * @return the limit in bytes
     */
    public long maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /**
     * The most a body may expand: bytes inflated by the innermost layer so far per compressed
     * byte of the outermost layer read so far, checked once {@value #RATIO_MEASURED_AFTER_BYTES}
     * bytes have been inflated. Default {@value #DEFAULT_MAX_DECOMPRESSION_RATIO} (to 1): gzip'd
     * JSON and CSV logs compress 5:1 to 50:1, rarely past 200:1, while a single deflate layer
     * peaks near 1032:1 (all zeros) and nested layers multiply, so only bombs come near it.
     *
     * @return the ratio, as inflated bytes per compressed byte
     */
    public int maxDecompressionRatio() {
        return maxDecompressionRatio;
    }

    /**
     * The most bytes of input one JSON value read whole may span: a page read as a tree, one
     * element of a streamed array, one envelope field, one JSON Lines line (which the reader also
     * holds as bytes), one token (with the whitespace before it) between them. Default
     * {@value #DEFAULT_MAX_TREE_BYTES} (4 MiB): an audit entry is a few KB and a page of a
     * thousand of them fits. A tree costs more heap than its bytes: measured on Jackson 2.21,
     * about 3x for {@code [0,0,…]}, 7x for typical entries and up to 29x for {@code [{},{},…]},
     * so a hostile value at the default holds at most ~120 MB for a moment; on heaps under
     * 256 MB facing untrusted servers, 1 MiB (~30 MB) keeps even a 64 MB heap safe.
     *
     * @return the limit in bytes
     */
    public int maxTreeBytes() {
        return maxTreeBytes;
    }

    /**
     * The deepest nesting of JSON arrays and objects accepted. Default
     * {@value #DEFAULT_MAX_NESTING_DEPTH}: audit entries nest a handful of levels, and code
     * that walks trees recursively (mapping, canonical JSON, {@code toString}) stays far from a
     * stack overflow.
     *
     * @return the limit in levels
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The most fields one CSV record (the header included) may have. Default
     * {@value #DEFAULT_MAX_CSV_FIELDS}: exports have tens of columns, and each field costs a
     * string object even when empty, so a line of commas must stop early.
     *
     * @return the limit in fields
     */
    public int maxCsvFields() {
        return maxCsvFields;
    }

    /**
     * The most characters one CSV record may span, separators, quotes and quoted line breaks
     * included. Default {@value #DEFAULT_MAX_CSV_RECORD_CHARS} (4 Mi): generous for long
     * messages, and it stops an unterminated quote from swallowing a whole body (a record is
     * held as strings of up to twice its length in bytes).
     *
     * @return the limit in characters
     */
    public int maxCsvRecordChars() {
        return maxCsvRecordChars;
    }

    /**
     * How many pages in a row may deliver no new entry before a stream fails instead of
     * requesting more. Default {@value #DEFAULT_MAX_PAGES_WITHOUT_PROGRESS}: a vendor may send
     * a few empty or fully repeated pages (overlap, eventual consistency), but a pager that
     * never advances would otherwise loop forever.
     *
     * @return the limit in pages
     */
    public int maxPagesWithoutProgress() {
        return maxPagesWithoutProgress;
    }

    /**
     * The failure for input that crosses a limit, with the standard message: what crossed
     * which limit, its value, and how to raise it.
     *
     * @param limit the accessor's name, e.g. {@code "maxTreeBytes"}
     * @param value the limit's value
     * @param subject what crossed it, e.g. {@code "JSON array element #3 (from byte 17)"}
     * @param line the 1-based line where it starts, or -1 when unknown
     * @param offset the 0-based byte or character offset where it starts, or -1 when unknown
     * @return the exception to throw
     */
    public static AuditDataException exceeded(String limit, long value, String subject, long line, long offset) {
        return new AuditDataException(subject + " exceeds ReadLimits." + limit + " (" + value + "); raise it with "
                + "ReadLimits.builder()." + limit + "(...) passed to the source builder's limits(...)", line, offset, null);
    }

    /**
     * As {@link #exceeded(String, long, String, long, long)} without a position.
     *
     * @param limit the accessor's name, e.g. {@code "maxPagesWithoutProgress"}
     * @param value the limit's value
     * @param subject what crossed it
     * @return the exception to throw
     */
    public static AuditDataException exceeded(String limit, long value, String subject) {
        return exceeded(limit, value, subject, -1, -1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ReadLimits)) {
            return false;
        }
        ReadLimits other = (ReadLimits) o;
        return maxDecompressedBytes == other.maxDecompressedBytes
                && maxDecompressionRatio == other.maxDecompressionRatio
                && maxTreeBytes == other.maxTreeBytes
                && maxNestingDepth == other.maxNestingDepth
                && maxCsvFields == other.maxCsvFields
                && maxCsvRecordChars == other.maxCsvRecordChars
                && maxPagesWithoutProgress == other.maxPagesWithoutProgress;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(maxDecompressedBytes);
        h = 31 * h + maxDecompressionRatio;
        h = 31 * h + maxTreeBytes;
        h = 31 * h + maxNestingDepth;
        h = 31 * h + maxCsvFields;
        h = 31 * h + maxCsvRecordChars;
        return 31 * h + maxPagesWithoutProgress;
    }

    @Override
    public String toString() {
        return "ReadLimits{maxDecompressedBytes=" + maxDecompressedBytes
                + ", maxDecompressionRatio=" + maxDecompressionRatio
                + ", maxTreeBytes=" + maxTreeBytes
                + ", maxNestingDepth=" + maxNestingDepth
                + ", maxCsvFields=" + maxCsvFields
                + ", maxCsvRecordChars=" + maxCsvRecordChars
                + ", maxPagesWithoutProgress=" + maxPagesWithoutProgress + "}";
    }

    /** Builds {@link ReadLimits}; every limit starts at its default and must be positive. */
    public static final class Builder {
        private long maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES;
        private int maxDecompressionRatio = DEFAULT_MAX_DECOMPRESSION_RATIO;
        private int maxTreeBytes = DEFAULT_MAX_TREE_BYTES;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxCsvFields = DEFAULT_MAX_CSV_FIELDS;
        private int maxCsvRecordChars = DEFAULT_MAX_CSV_RECORD_CHARS;
        private int maxPagesWithoutProgress = DEFAULT_MAX_PAGES_WITHOUT_PROGRESS;

        private Builder() {
        }

        private Builder(ReadLimits from) {
            this.maxDecompressedBytes = from.maxDecompressedBytes;
            this.maxDecompressionRatio = from.maxDecompressionRatio;
            this.maxTreeBytes = from.maxTreeBytes;
            this.maxNestingDepth = from.maxNestingDepth;
            this.maxCsvFields = from.maxCsvFields;
            this.maxCsvRecordChars = from.maxCsvRecordChars;
            this.maxPagesWithoutProgress = from.maxPagesWithoutProgress;
        }

        /**
         * @param bytes see {@link ReadLimits#maxDecompressedBytes()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxDecompressedBytes(long bytes) {
            this.maxDecompressedBytes = positive("maxDecompressedBytes", bytes);
            return this;
        }

        /**
         * @param ratio see {@link ReadLimits#maxDecompressionRatio()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxDecompressionRatio(int ratio) {
            this.maxDecompressionRatio = (int) positive("maxDecompressionRatio", ratio);
            return this;
        }

        /**
         * @param bytes see {@link ReadLimits#maxTreeBytes()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxTreeBytes(int bytes) {
            this.maxTreeBytes = (int) positive("maxTreeBytes", bytes);
            return this;
        }

        /**
         * @param depth see {@link ReadLimits#maxNestingDepth()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = (int) positive("maxNestingDepth", depth);
            return this;
        }

        /**
         * @param fields see {@link ReadLimits#maxCsvFields()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxCsvFields(int fields) {
            this.maxCsvFields = (int) positive("maxCsvFields", fields);
            return this;
        }

        /**
         * @param chars see {@link ReadLimits#maxCsvRecordChars()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxCsvRecordChars(int chars) {
            this.maxCsvRecordChars = (int) positive("maxCsvRecordChars", chars);
            return this;
        }

        /**
         * @param pages see {@link ReadLimits#maxPagesWithoutProgress()}; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxPagesWithoutProgress(int pages) {
            this.maxPagesWithoutProgress = (int) positive("maxPagesWithoutProgress", pages);
            return this;
        }

        /** @return the limits */
        public ReadLimits build() {
            return new ReadLimits(this);
        }

        private static long positive(String limit, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("ReadLimits." + limit + " must be positive, was " + value);
            }
            return value;
        }
    }
}
