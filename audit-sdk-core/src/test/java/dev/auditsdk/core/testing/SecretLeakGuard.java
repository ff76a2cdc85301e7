package dev.auditsdk.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit 5 extension, auto-registered for every test of every module that has core's
 * test-jar on its test classpath, that captures everything written to {@code System.out} and
 * {@code System.err} during a test (slf4j-simple logs there, at TRACE in this build) and fails
 * the test if any known test secret appears in it or in the message of an exception the test threw.
 *
 * <p>Tests use secrets that contain {@link #MARKER}, or register others with {@link #secret(String)}.
 */
public final class SecretLeakGuard implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    /** Every secret used in tests should contain this marker, so it is caught without registration. */
    public static final String MARKER = "S3CR3T";

    private static volatile boolean watching;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SecretLeakGuard.class);

    /**
     * Registers a secret that must never be printed.
     *
     * @param value the secret
     * @return the same value, for inline use
     */
    public static String secret(String value) {
        SECRETS.add(value);
        return value;
    }

    /**
     * @param text any text
     * @return the known secrets (or the marker) found in it
     */
    public static List<String> leaksIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        if (text.contains(MARKER)) {
            found.add("<text containing " + MARKER + ">");
        }
        for (String s : SECRETS) {
            if (text.contains(s)) {
                found.add(s.length() <= 4 ? s : s.substring(0, 2) + "..");
            }
        }
        return found;
    }

    /** @return whether the guard is watching the current test (proves auto-registration works) */
    public static boolean isWatching() {
        return watching;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        watching = true;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        context.getStore(NS).put("captured", captured);
        context.getStore(NS).put("out", out);
        context.getStore(NS).put("err", err);
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        watching = false;
        ExtensionContext.Store store = context.getStore(NS);
        System.setOut(store.get("out", PrintStream.class));
        System.setErr(store.get("err", PrintStream.class));
        ByteArrayOutputStream captured = store.get("captured", ByteArrayOutputStream.class);
        List<String> leaks = leaksIn(captured.toString(StandardCharsets.UTF_8));
        if (!leaks.isEmpty()) {
            throw new AssertionError("a test secret appeared in the output of " + context.getDisplayName() + ": " + leaks);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (!(t instanceof AssertionError) && !leaksIn(t.getMessage()).isEmpty()) {
                AssertionError leak = new AssertionError("a test secret appeared in an exception message: " + t.getClass().getName());
                leak.addSuppressed(throwable);
                throw leak;
            }
        }
        throw throwable;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) {
            synchronized (b) {
                b.write(c);
            }
            try {
                a.write(c);
            } catch (java.io.IOException ignored) {
                // the console went away; the capture is what the check needs
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            synchronized (b) {
                b.write(buf, off, len);
            }
            try {
                a.write(buf, off, len);
            } catch (java.io.IOException ignored) {
                // see above
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
        }
    }
}
