package dev.auditsdk.boomi;

import dev.auditsdk.core.error.AuditDataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Passes a body through until more than {@code maxBytes} have come, then fails with the
 * {@link AuditDataException} the caller words (naming the cap and how to raise it), so a body
 * that never ends cannot fill the disk.
 */
final class CappedInputStream extends FilterInputStream {
    private final long maxBytes;
    private final LongFunction<AuditDataException> exceeded;
    private long count;

    /**
     * @param in the body
     * @param maxBytes the most bytes allowed, positive
     * @param exceeded makes the exception from the cap
     */
    CappedInputStream(InputStream in, long maxBytes, LongFunction<AuditDataException> exceeded) {
        super(in);
        this.maxBytes = maxBytes;
        this.exceeded = exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // one byte beyond the cap is enough to know it is crossed
        long room = maxBytes - count + 1;
        int n = super.read(buffer, offset, (int) Math.min(length, room));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, maxBytes - count + 1));
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > maxBytes) {
            throw exceeded.apply(maxBytes);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
