package dev.auditsdk.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditTransportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GuardedBodyStreamTest {
    private static final String WHAT = "GET https://api.example.com/logs";

    /** A stream that fails every read with the given message. */
    private static InputStream failing(String message) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void passesTheBodyThroughUnchanged() throws IOException {
        byte[] data = "[{\"id\":1},{\"id\":2}]".getBytes(StandardCharsets.UTF_8);
        try (GuardedBodyStream in = new GuardedBodyStream(new ByteArrayInputStream(data), WHAT, Duration.ofSeconds(5))) {
            assertThat(in.read()).isEqualTo('[');
            assertThat(in.skip(1)).isEqualTo(1);
            assertThat(in.readAllBytes()).isEqualTo("\"id\":1},{\"id\":2}]".getBytes(StandardCharsets.UTF_8));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void anIoFailureBecomesATransportErrorNamingTheRequestAndKeepingTheCause() {
        GuardedBodyStream in = new GuardedBodyStream(failing("Connection reset"), WHAT, Duration.ofSeconds(5));
        assertThatThrownBy(in::read)
                .isInstanceOf(AuditTransportException.class)
                .isInstanceOf(BodyReadException.class)
                .hasMessage("reading the response of " + WHAT + " failed: java.io.IOException: Connection reset")
                .hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> in.read(new byte[8], 0, 8)).isInstanceOf(BodyReadException.class)
                .hasMessageContaining(WHAT);
        assertThatThrownBy(() -> in.skip(4)).isInstanceOf(BodyReadException.class).hasMessageContaining(WHAT);
    }

    /** Gives its bytes, then blocks until closed, as a connection whose peer stopped sending. */
    private static final class StallingStream extends InputStream {
        private final byte[] head;
        private int pos;
        private final CountDownLatch closed = new CountDownLatch(1);

        StallingStream(String head) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos < head.length) {
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("Socket closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    @Timeout(10)
    void aReadThatStallsIsAbortedAtTheTimeoutNamingRequestAndTimeout() throws IOException {
        GuardedBodyStream in = new GuardedBodyStream(new StallingStream("partial"), WHAT, Duration.ofMillis(300));
        assertThat(in.readNBytes(7)).isEqualTo("partial".getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        assertThatThrownBy(() -> in.read(new byte[16], 0, 16))
                .isInstanceOf(BodyReadException.class)
                .hasMessage("reading the response of " + WHAT + " timed out: no data for 300 ms")
                .hasCauseInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250))
                .isLessThan(Duration.ofSeconds(5));
        // once timed out, every later read fails the same way without touching the connection
        assertThatThrownBy(in::read).isInstanceOf(BodyReadException.class).hasMessageContaining("timed out")
                .hasNoCause();
        assertThatThrownBy(() -> in.skip(1)).isInstanceOf(BodyReadException.class).hasMessageContaining("timed out");
    }

    @Test
    @Timeout(10)
    void aSlowButSteadyBodyIsNotAbortedBecauseTheTimeoutIsPerRead() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream slow = new PipedInputStream(writer);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 6; i++) {
                    Thread.sleep(150);
                    writer.write('a' + i);
                    writer.flush();
                }
                writer.close();
            } catch (IOException | InterruptedException e) {
                // the test fails on the reading side
            }
        });
        producer.start();
        try (GuardedBodyStream in = new GuardedBodyStream(slow, WHAT, Duration.ofMillis(600))) {
            // 6 x 150 ms = 900 ms in all: longer than the timeout, but no single wait is
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        }
        producer.join();
    }

    @Test
    @Timeout(10)
    void aStreamThatIsNotBeingReadIsNeverTimedOut() throws Exception {
        GuardedBodyStream in = new GuardedBodyStream(new ByteArrayInputStream(new byte[] {1, 2}), WHAT,
                Duration.ofMillis(100));
        Thread.sleep(600); // the caller is busy elsewhere: the body is idle, not stalled
        assertThat(in.read()).isEqualTo(1);
        assertThat(in.read()).isEqualTo(2);
        in.close();
    }

    @Test
    void closeClosesTheUnderlyingStreamOnce() throws IOException {
        AtomicInteger closes = new AtomicInteger();
        InputStream body = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        GuardedBodyStream in = new GuardedBodyStream(body, WHAT, Duration.ofSeconds(1));
        in.close();
        in.close();
        assertThat(closes).hasValue(1);
    }
}
