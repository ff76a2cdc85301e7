package dev.auditsdk.benchmarks;

import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The benchmark's server in a JVM of its own, as a real IQ Server would be: a
 * {@link LifecycleSimulator} with generated events, whose heap, garbage collector and JIT are
 * then not the reader's. Prints its base URL on the first line of standard output and serves
 * until standard input is closed (the benchmark closes it when done, or dies).
 */
public final class LifecycleServerProcess {
    /** The benchmark's user. */
    static final String USER = "bench";
    /** The benchmark's password. */
    static final String PASSWORD = "bench-password";
    /** The first generated event's day. */
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private LifecycleServerProcess() {
    }

    /**
     * @param args {@code events days}
     * @throws IOException if standard input fails
     */
    public static void main(String[] args) throws IOException {
        long events = Long.parseLong(args[0]);
        int days = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (LifecycleSimulator simulator = simulator(events, days).start()) {
            out.println(simulator.baseUrl());
            InputStream in = System.in;
            while (in.read() >= 0) {
                // serve until the benchmark closes our standard input
            }
        }
    }

    /** The simulator both the in-process and the separate-process server run. */
    static LifecycleSimulator simulator(long events, int days) {
        Instant end = START.atOffset(ZoneOffset.UTC).plusDays(days).toInstant();
        return LifecycleSimulator.builder().seed(2024).user(USER, PASSWORD).exportEvents(false)
                .generatedEvents(events).range(START, end).build();
    }
}
