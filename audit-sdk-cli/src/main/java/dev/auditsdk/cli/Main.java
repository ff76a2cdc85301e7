package dev.auditsdk.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point of {@code auditlog.jar}. Configures SDK logging on stderr from the flags,
 * hides secrets from stderr, and turns SIGINT/SIGTERM into an orderly stop: the running command
 * stops at the next entry, flushes, saves its checkpoint, and the process exits with the
 * command's code ({@code 0} for {@code tail}).
 */
public final class Main {
    /** How long a stop request waits for the command before saving what was written and exiting. */
    private static final long STOP_GRACE_SECONDS = 10;

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        LogSetup.configure(args);
        SecretRedactor redactor = new SecretRedactor();
        PrintStream err = new PrintStream(new RedactingOutputStream(new FileOutputStream(FileDescriptor.err), redactor),
                true, StandardCharsets.UTF_8);
        // SDK logging (slf4j-simple) writes to System.err, so it is redacted too
        System.setErr(err);
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> onShutdown(stop, finished, exitCode), "auditlog-stop"));
        int code = Auditlog.run(CliEnvironment.system(err, redactor, stop), args);
        exitCode.set(code);
        finished.countDown();
        System.exit(code);
    }

    private static void onShutdown(StopSignal stop, CountDownLatch finished, AtomicInteger exitCode) {
        if (finished.getCount() == 0) {
            return; // normal exit
        }
        stop.request();
        try {
            if (finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                System.err.flush();
                Runtime.getRuntime().halt(exitCode.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // still blocked on the network: keep what was written, then leave
        stop.runEmergencyCommit();
        System.err.flush();
        Runtime.getRuntime().halt(stop.exitCodeOnStop());
    }
}
