package dev.auditsdk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text stream (stderr) that passes each line through a {@link SecretRedactor}. Holds bytes
 * until a line end ({@code \n} or {@code \r}) or 64 KiB, so a secret is redacted even when it is
 * written in pieces; {@link #flush()} does not release a partial line (an auto-flushing
 * {@link java.io.PrintStream} flushes after every write), {@link #close()} does.
 */
public final class RedactingOutputStream extends OutputStream {
    private static final int MAX_PENDING = 64 * 1024;
    private final OutputStream target;
    private final SecretRedactor redactor;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

    /**
     * @param target where the redacted text goes
     * @param redactor the secrets to hide
     */
    public RedactingOutputStream(OutputStream target, SecretRedactor redactor) {
        this.target = Objects.requireNonNull(target, "target");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n' || b == '\r' || pending.size() >= MAX_PENDING) {
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        drain();
        target.close();
    }

    private void drain() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        if (redactor.isEmpty()) {
            pending.writeTo(target);
        } else {
            String text = new String(pending.toByteArray(), StandardCharsets.UTF_8);
            target.write(redactor.redact(text).getBytes(StandardCharsets.UTF_8));
        }
        pending.reset();
    }
}
