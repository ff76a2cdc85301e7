package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointFileException;
import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.cli.output.EntryWriter;
import dev.auditsdk.cli.output.OutputFormat;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import dev.auditsdk.registry.VendorSettings;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.http.TransportListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code pull}, {@code tail} and {@code export} share: the vendor and its settings, the
 * output and the checkpoint file, and the user-facing messages.
 */
abstract class VendorCommand implements Callable<Integer> {
    final VendorPlugin plugin;
    final CliEnvironment env;
    @Spec
    CommandSpec spec;
    /** Set once resolved, for the vendor's error hints. */
    VendorSettings settings;
    final RequestStats stats = new RequestStats();

    VendorCommand(VendorPlugin plugin, CliEnvironment env) {
        this.plugin = plugin;
        this.env = env;
    }

    GlobalOptions global() {
        return ((Auditlog) spec.root().userObject()).global;
    }

    VendorSettings resolveSettings() {
        settings = SettingsResolver.resolve(plugin, env.registry().all(), spec, env.env(), global().config(), this::warn);
        settings.secretValues().forEach(env.redactor()::add);
        return settings;
    }

    VendorContext context() {
        return new VendorContext() {
            @Override
            public boolean interactive() {
                return env.prompter().isPresent();
            }

            @Override
            public char[] promptSecret(String prompt) {
                char[] answer = env.prompter()
                        .orElseThrow(() -> new VendorSettingException(plugin.name() + ": cannot ask '" + prompt.trim()
                                + "' without a terminal; set it in the environment instead"))
                        .apply(prompt);
                env.redactor().add(new String(answer));
                return answer;
            }

            @Override
            public void warn(String message) {
                VendorCommand.this.warn(message);
            }

            @Override
            public TransportListener transportListener() {
                return VendorCommand.this.transportListener();
            }

            @Override
            public AuditLogListener auditLogListener() {
                return VendorCommand.this.auditLogListener();
            }
        };
    }

    /** @return the listener for the source's stream-level events: none, unless a command serves metrics */
    AuditLogListener auditLogListener() {
        return AuditLogListener.NONE;
    }

    /** @return the listener handed to the vendor's source: the request counts, unless a command observes more */
    TransportListener transportListener() {
        return stats;
    }

    void warn(String message) {
        if (!global().quiet()) {
            env.stderr().println("auditlog: warning: " + message);
        }
    }

    void info(String message) {
        if (!global().quiet()) {
            env.stderr().println("auditlog: " + message);
        }
    }

    Progress progress() {
        return new Progress(env.stderr(), env.terminal() && !global().quiet(), plugin.name(), env.clock(), stats);
    }

    /** @return the checkpoint file's state, checked to belong to this vendor */
    Optional<CheckpointState> load(CheckpointStore store) {
        return load(store, plugin.name());
    }

    /**
     * @param vendor the vendor the run reads
     * @return the checkpoint file's state, checked to belong to this vendor
     */
    static Optional<CheckpointState> load(CheckpointStore store, String vendor) {
        Optional<CheckpointState> state = store.load();
        state.flatMap(CheckpointState::vendor).filter(v -> !v.equals(vendor)).ifPresent(v -> {
            throw new CheckpointFileException("checkpoint " + store.file() + " belongs to vendor '" + v + "', not '"
                    + vendor + "'; use another checkpoint file", null);
        });
        return state;
    }

    /** Opens the output: stdout, or a file cut back to the length the checkpoint committed. */
    OutputTarget openOutput(OutputOptions options, CheckpointStore store, Optional<CheckpointState> state) throws IOException {
        if (options.output == null) {
            return OutputTarget.stdout(env.stdout());
        }
        return openFile(options.output, options.format, store, state, this::info);
    }

    /**
     * Opens an output file, cut back to the length the checkpoint committed when the checkpoint
     * was saved for this file.
     *
     * @param store the run's checkpoint, or null
     * @param notice tells the user what was done to the file
     */
    static OutputTarget openFile(Path output, OutputFormat format, CheckpointStore store,
            Optional<CheckpointState> state, Consumer<String> notice) throws IOException {
        Path abs = output.toAbsolutePath().normalize();
        Optional<CheckpointState> sameFile = state.filter(s -> s.outputPath().map(p -> p.equals(abs.toString())).orElse(false));
        sameFile.flatMap(CheckpointState::format).filter(f -> !f.equals(format.cliName())).ifPresent(f -> {
            // appending records of another format would leave one file no reader can parse
            throw new CheckpointFileException(output + " was written as " + f + " by the runs of checkpoint "
                    + store.file() + "; --format " + format.cliName() + " would mix two formats in one file."
                    + " Use --format " + f + ", or another -o file", null);
        });
        OptionalLong committed = sameFile.map(CheckpointState::outputBytes).orElse(OptionalLong.empty());
        return OutputTarget.file(abs, store != null, committed, notice);
    }

    /**
     * @param start where the run starts when the checkpoint file is still empty: saved before the
     *     first entry is written, so that even a run killed before its first checkpoint leaves the
     *     output length to cut back to
     */
    Collector collector(OutputOptions options, OutputTarget target, CheckpointStore store,
            Optional<CheckpointState> state, Instant start, int commitEvery, Progress progress) {
        EntryWriter writer = options.format.writer(target.stream());
        Checkpoint initial = state.map(CheckpointState::checkpoint).orElseGet(() -> Checkpoint.startingAt(start));
        return new Collector(plugin.name(), options.format.cliName(), writer, target, store, initial,
                state.map(CheckpointState::entries).orElse(0L), progress, env.stop(), env.clock(), commitEvery);
    }

    /** The query for a range, continuing after a checkpoint when there is one. */
    static AuditLogQuery query(Instant from, Instant to, Optional<Checkpoint> resume, Long limit, Integer pageSize) {
        var b = AuditLogQuery.builder().to(to);
        if (from != null) {
            b.from(from);
        }
        resume.ifPresent(b::resumeFrom);
        if (limit != null) {
            b.limit(limit);
        }
        if (pageSize != null) {
            b.pageSize(pageSize);
        }
        return b.build();
    }

    void summary(String verb, long entries, long millis, OutputOptions options, CheckpointStore store) {
        String where = options.output == null ? "" : " to " + options.output;
        String cp = store == null ? "" : "; checkpoint saved to " + store.file().getFileName();
        info(String.format(java.util.Locale.ROOT, "%s: %s %,d entries in %.1f s (%s)%s%s", plugin.name(), verb, entries,
                millis / 1000.0, Progress.rate(entries, millis), where, cp));
    }
}
