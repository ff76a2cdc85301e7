package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.cli.output.EntryWriter;
import dev.auditsdk.cli.output.OutputFormat;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.registry.StreamDefinition;
import dev.auditsdk.registry.VendorSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One stream of {@code tail --config}, run on its own thread: the same checkpoint file, output,
 * {@link Collector} and {@link TailLoop} as {@code tail <vendor>}, but isolated. Every failed
 * poll is reported (on stderr and in its {@link StreamHealth}) and retried after the poll
 * interval, doubled after each further failure up to {@link #MAX_BACKOFF} (or the interval, if
 * longer), so a stream whose sign-in is refused does not stop the others and recovers by itself
 * once its credentials are fixed. Only an output that cannot be written ends the stream.
 */
final class StreamTail implements AutoCloseable {
    /** The longest wait between two polls of a failing stream, unless its interval is longer. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final StreamsFile.Stream stream;
    private final StreamDefinition definition;
    private final VendorSettings settings;
    private final CliEnvironment env;
    private final Consumer<String> warn;
    private final StreamHealth health;
    private final RequestStats stats = new RequestStats();
    private CheckpointStore store;
    private OutputTarget target;
    private AuditLogSource<? extends AuditLogEntry> source;
    private Collector collector;
    private Optional<CheckpointState> state;
    private Instant first;
    private int failures;
    private volatile int exitCode = ExitCodes.OK;

    /**
     * @param stream the stream and its files
     * @param env the run's environment (clock, stop signal, stderr)
     * @param warn prints a warning
     */
    StreamTail(StreamsFile.Stream stream, CliEnvironment env, Consumer<String> warn) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.definition = stream.definition();
        this.settings = definition.settings();
        this.env = Objects.requireNonNull(env, "env");
        this.warn = Objects.requireNonNull(warn, "warn");
        this.health = new StreamHealth(definition.id(), definition.plugin().name(), env.clock());
    }

    /**
     * Locks the checkpoint, opens the output and builds the source; before any stream starts, so
     * that a mistake in the files is reported at once.
     *
     * @param format the record format
     * @param stdout the stdout shared by the streams that have no output file
     * @param notice tells the user what was done to an output file
     * @param events the stream's metrics, or {@link AuditLogListener#NONE}
     */
    void open(OutputFormat format, SharedStdout stdout, Consumer<String> notice, AuditLogListener events)
            throws IOException {
        store = CheckpointStore.open(stream.checkpoint());
        state = VendorCommand.load(store, definition.plugin().name());
        EntryWriter writer;
        if (stream.output().isPresent()) {
            target = VendorCommand.openFile(stream.output().get(), format, store, state, notice);
            writer = format.writer(target.stream());
        } else {
            target = OutputTarget.stdout(stdout.newWriter());
            writer = format.writer(target.stream(), definition.id());
        }
        first = definition.from().orElseGet(() -> env.clock().instant().minus(Duration.ofDays(1)));
        Checkpoint initial = state.map(CheckpointState::checkpoint).orElseGet(() -> Checkpoint.startingAt(first));
        collector = new Collector(definition.plugin().name(), format.cliName(), writer, target, store, initial,
                state.map(CheckpointState::entries).orElse(0L),
                new Progress(env.stderr(), false, definition.id(), env.clock(), stats), env.stop(), env.clock(),
                Collector.EVERY_SECOND_ONLY);
        source = definition.plugin().openSource(settings, new StreamContext(definition.id(), warn, stats, events));
        health.starting(initial);
    }

    /** Polls until a stop is requested, or the output fails. */
    void run() {
        try {
            collector.begin();
            Duration settle = definition.lag().orElse(source.settleLag());
            new TailLoop(source, collector, state.map(CheckpointState::checkpoint), first, definition.pollInterval(),
                    settle, null, env.stop(), env.clock()).run(new TailLoop.Observer() {
                        @Override
                        public void polled(Collector c, Instant readTo) {
                            failures = 0;
                            health.polled(readTo, c.position(), c.total());
                        }

                        @Override
                        public Duration failed(RuntimeException failure) {
                            failures++;
                            Duration wait = backoff(definition.pollInterval(), failures);
                            boolean outage = TailLoop.isOutage(failure);
                            String message = message(failure);
                            health.failed(outage, message, collector.position(), collector.total());
                            warn.accept(definition.id() + ": " + message + "; retrying in " + TailCommand.human(wait));
                            return wait;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            exitCode = ErrorReporter.exitCode(e);
            String message = message(e);
            health.failed(false, message, collector.position(), collector.total());
            warn.accept(definition.id() + ": " + message + "; this stream has stopped, the others go on");
        } finally {
            collector.seal();
        }
    }

    /**
     * @param interval the stream's poll interval
     * @param failures the failed polls in a row, at least 1
     * @return the wait before the next poll: the interval, doubled per further failure, capped
     */
    static Duration backoff(Duration interval, int failures) {
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        Duration wait = interval;
        for (int i = 1; i < failures && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** @return the failure in one line, as the user sees it, without the program's name */
    private String message(Throwable failure) {
        return env.redactor().redact(ErrorReporter.message(failure, definition.plugin(), settings)
                .replaceFirst("^auditlog: ", ""));
    }

    StreamHealth health() {
        return health;
    }

    StreamDefinition definition() {
        return definition;
    }

    /** @return the entries written by this run */
    long total() {
        return collector == null ? 0 : collector.total();
    }

    /** @return {@link ExitCodes#OK}, or the code of the failure that ended the stream */
    int exitCode() {
        return exitCode;
    }

    /** @return the checkpoint file */
    String checkpointName() {
        return stream.checkpoint().getFileName().toString();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {target, source, store}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    warn.accept(definition.id() + ": cannot close: " + e.getMessage());
                }
            }
        }
    }
}
