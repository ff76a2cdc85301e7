package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.error.AuditTransportException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A response body that fails instead of hanging: a read that waits longer than the
 * body-read timeout for the next bytes is aborted by a watchdog (which closes the
 * connection), and every I/O failure surfaces as an {@link AuditTransportException} naming
 * the request. Every byte read (or skipped) is reported to a counter as it arrives.
 */
final class GuardedBodyStream extends FilterInputStream {
    private static final Set<GuardedBodyStream> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-sdk-body-watchdog");
        t.setDaemon(true);
        return t;
    });

    static {
        WATCHDOG.scheduleWithFixedDelay(GuardedBodyStream::checkAll, 200, 200, TimeUnit.MILLISECONDS);
    }

    private final String description;
    private final long timeoutNanos;
    private final LongConsumer bytesRead;
    private volatile long readingSince;
    private volatile boolean timedOut;
    private volatile boolean closed;

    GuardedBodyStream(InputStream in, String description, Duration readTimeout) {
        this(in, description, readTimeout, count -> { });
    }

    /**
     * @param bytesRead told how many bytes each read or skip consumed, when it consumed any
     */
    GuardedBodyStream(InputStream in, String description, Duration readTimeout, LongConsumer bytesRead) {
        super(in);
        this.description = description;
        this.timeoutNanos = readTimeout.toNanos();
        this.bytesRead = bytesRead;
        ACTIVE.add(this);
    }

    @Override
    public int read() throws IOException {
        begin();
        try {
            int b = super.read();
            if (b < 0) {
                finish();
            } else {
                bytesRead.accept(1);
            }
            return b;
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        begin();
        try {
            int n = super.read(buf, off, len);
            if (n < 0) {
                finish();
            } else if (n > 0) {
                bytesRead.accept(n);
            }
            return n;
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        begin();
        try {
            long skipped = super.skip(n);
            if (skipped > 0) {
                bytesRead.accept(skipped);
            }
            return skipped;
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            ACTIVE.remove(this);
            super.close();
        }
    }

    private void begin() {
        if (timedOut) {
            throw timeout(null);
        }
        readingSince = System.nanoTime();
    }

    private void finish() {
        ACTIVE.remove(this);
    }

    private BodyReadException failure(IOException e) {
        ACTIVE.remove(this);
        if (timedOut) {
            return timeout(e);
        }
        return new BodyReadException("reading the response of " + description + " failed: " + e, e);
    }

    private BodyReadException timeout(IOException cause) {
        return new BodyReadException("reading the response of " + description + " timed out: no data for "
                + Duration.ofNanos(timeoutNanos).toMillis() + " ms", cause);
    }

    private static void checkAll() {
        long now = System.nanoTime();
        for (GuardedBodyStream s : ACTIVE) {
            long since = s.readingSince;
            if (since != 0 && now - since > s.timeoutNanos) {
                s.timedOut = true;
                ACTIVE.remove(s);
                try {
                    s.in.close();
                } catch (IOException | RuntimeException ignored) {
                    // the read that was blocked fails instead; that is the point
                }
            }
        }
    }
}
