package dev.auditsdk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * One stdout written by several streams at once ({@code tail --config}): each stream writes to
 * its own {@link #newWriter() writer}, which hands only whole lines to stdout, one writer at a
 * time, so records of two streams never interleave within a line.
 */
final class SharedStdout {
    private final OutputStream stdout;

    SharedStdout(OutputStream stdout) {
        this.stdout = Objects.requireNonNull(stdout, "stdout");
    }

    /** @return a stream for one writer; its complete lines reach stdout when it is flushed */
    OutputStream newWriter() {
        return new LineWriter();
    }

    private void writeLines(byte[] bytes, int length) throws IOException {
        synchronized (stdout) {
            stdout.write(bytes, 0, length);
            stdout.flush();
        }
    }

    /** Collects a writer's bytes; on flush passes everything up to the last line end to stdout. */
    private final class LineWriter extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(8 * 1024);

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            byte[] bytes = pending.toByteArray();
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                return;
            }
            writeLines(bytes, end);
            pending.reset();
            pending.write(bytes, end, bytes.length - end);
        }

        @Override
        public synchronized void close() throws IOException {
            flush();
            if (pending.size() > 0) {
                // an unfinished last record: still this writer's, written whole
                writeLines(pending.toByteArray(), pending.size());
                pending.reset();
            }
        }
    }
}
