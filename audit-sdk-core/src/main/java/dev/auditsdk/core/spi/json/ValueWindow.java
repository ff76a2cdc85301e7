package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.ReadLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The input of a JSON parser whose values are read whole: refuses to hand the parser a byte
 * more than {@link ReadLimits#maxTreeBytes()} past where the current value began, so a value
 * too large to hold as a tree fails before it is built, not after.
 *
 * <p>The parser only asks for more input once it has used what it has, so while a value is
 * read, reaching the window's end means the value itself is longer than the limit. (The
 * parser reads ahead up to 8 KB, so limits below that are only checked that coarsely.)
 */
final class ValueWindow extends FilterInputStream {
    /** Describes the value being read, for the failure message; called only on failure. */
    interface Subject {
        /**
         * @param start the byte offset where the value (or the whitespace before it) began
         * @return e.g. {@code "JSON array element #3"}
         */
        String describe(long start);
    }

    private final long max;
    private final Subject subject;
    private long position;
    private long start;
    private long end;

    ValueWindow(InputStream in, ReadLimits limits, Subject subject) {
        super(in);
        this.max = limits.maxTreeBytes();
        this.subject = subject;
        this.end = max;
    }

    /** Starts a value at {@code offset}, a byte offset of the stream (as the parser reports it). */
    void startAt(long offset) {
        start = offset;
        end = offset + max;
    }

    /**
     * Starts a window at the bytes the parser has not been given yet: for the token after a
     * value, and the whitespace before it (within the parser's buffer of the true start).
     */
    void startAtPosition() {
        startAt(position);
    }

    @Override
    public int read() throws IOException {
        if (position >= end) {
            throw exceeded();
        }
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            throw exceeded();
        }
        int n = in.read(b, off, (int) Math.min(len, end - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (position >= end) {
            throw exceeded();
        }
        long skipped = in.skip(Math.min(n, end - position));
        if (skipped > 0) {
            position += skipped;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private RuntimeException exceeded() {
        return ReadLimits.exceeded("maxTreeBytes", max, subject.describe(start) + " (from byte " + start + ")", -1, start);
    }
}
