package dev.auditsdk.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (it prints to the current {@code System.err}; tests run
 * at TRACE) so a test can assert that no secret was logged.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private LogCapture() {
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** @return a capture of {@code System.err} from now until {@link #close()} */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return what was logged since {@link #start()} */
    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Restores the previous {@code System.err}. */
    @Override
    public void close() {
        System.setErr(original);
    }
}
