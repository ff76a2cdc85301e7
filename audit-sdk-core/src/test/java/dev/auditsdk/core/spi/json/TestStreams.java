package dev.auditsdk.core.spi.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small input streams for the reader tests. */
final class TestStreams {
    private TestStreams() {
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts bytes read and whether it was closed. */
    static final class Tracking extends InputStream {
        private final InputStream in;
        long bytesRead;
        boolean closed;

        Tracking(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            in.close();
        }
    }

    /** An endless-looking body: {@code count} copies of {@code line}, generated as read. */
    static InputStream repeated(String line, long count) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long pos;
            private final long total = bytes.length * count;

            @Override
            public int read() {
                return pos < total ? bytes[(int) (pos++ % bytes.length)] & 0xff : -1;
            }
        };
    }

    /** Yields {@code text}, then fails like a reset connection. */
    static InputStream failingAfter(String text) {
        InputStream head = utf8(text);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };
    }
}
