package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.AuditLogSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code auditlog tail <vendor>}: polls forever ({@link TailLoop}). On SIGINT/SIGTERM it stops at
 * the next entry, flushes, saves the checkpoint and exits 0. A poll that fails on the network or
 * a vendor outage is reported and retried at the next interval; other failures end the command.
 * With {@code --http-port}, {@code /health} and {@code /metrics} report the vendor's one stream meanwhile.
 */
@Command(sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true)
final class TailCommand extends VendorCommand {

    @Option(names = {"-c", "--checkpoint"}, paramLabel = "FILE", required = true,
            description = "Where the position is kept between polls and runs (saved atomically after the output is flushed).")
    Path checkpoint;

    @Option(names = {"-i", "--interval"}, paramLabel = "DURATION", defaultValue = "60s", converter = DurationArgument.class,
            description = "Time between polls: 30s, 5m, ... Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Where the first run starts when the checkpoint file is empty. Default: 24h (a day ago).")
    Instant from;

    @Mixin
    OutputOptions output;

    @Option(names = "--lag", paramLabel = "DURATION", converter = DurationArgument.OrZero.class,
            description = "Each poll reads up to now minus this settle lag, so entries a vendor makes visible late are"
                    + " picked up by a later poll instead of falling behind the checkpoint (default: the vendor's settle lag,"
                    + " listed in the README).")
    Duration lag;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Also save the checkpoint after every N entries. Default: at the end of each poll and once a"
                    + " second. A crash loses nothing either way; N only bounds what is read again after one.")
    Integer checkpointEvery;

    @Option(names = "--page-size", paramLabel = "N", description = "Entries per request, where the vendor lets the client choose.")
    Integer pageSize;

    /** The run's meters, when {@code --http-port} serves them. */
    private TailMetrics metrics;
    private AuditLogListener events = AuditLogListener.NONE;

    TailCommand(VendorPlugin plugin, CliEnvironment env) {
        super(plugin, env);
    }

    @Override
    AuditLogListener auditLogListener() {
        return events;
    }

    @Override
    public Integer call() throws Exception {
        resolveSettings();
        env.stop().exitCodeOnStop(ExitCodes.OK);
        TailGroup group = (TailGroup) spec.parent().userObject();
        metrics = group.metrics();
        if (metrics != null) {
            events = metrics.stream(plugin.name(), plugin.name());
        }
        long start = env.clock().millis();
        try (CheckpointStore store = CheckpointStore.open(checkpoint)) {
            Optional<CheckpointState> state = load(store);
            Instant first = from != null ? from : env.clock().instant().minus(Duration.ofDays(1));
            Progress progress = progress();
            Collector collector;
            try (OutputTarget target = openOutput(output, store, state);
                    AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(settings, context())) {
                collector = collector(output, target, store, state, first,
                        checkpointEvery == null ? Collector.EVERY_SECOND_ONLY : Math.max(1, checkpointEvery), progress);
                collector.begin();
                Duration settle = lag != null ? lag : source.settleLag();
                StreamHealth health = new StreamHealth(plugin.name(), plugin.name(), env.clock());
                health.starting(collector.position());
                try (HealthServer server = group.serve(List.of(health), metrics, this::info)) {
                    new TailLoop(source, collector, state.map(CheckpointState::checkpoint), first, interval, settle,
                            pageSize, env.stop(), env.clock()).run(new TailLoop.Observer() {
                                @Override
                                public void polled(Collector c, Instant readTo) {
                                    health.polled(readTo, c.position(), c.total());
                                    progress.status(String.format(Locale.ROOT, "%,d entries, next poll in %s",
                                            c.total(), human(interval)));
                                }

                                @Override
                                public Duration failed(RuntimeException e) {
                                    boolean outage = TailLoop.isOutage(e);
                                    String message = ErrorReporter.message(e, plugin, settings).replaceFirst("^auditlog: ", "");
                                    health.failed(outage, env.redactor().redact(message), collector.position(), collector.total());
                                    if (!outage) {
                                        throw e;
                                    }
                                    progress.clear();
                                    warn(message + "; retrying in " + human(interval));
                                    return interval;
                                }
                            });
                } finally {
                    progress.clear();
                    collector.seal();
                }
            }
            summary("tailed", collector.total(), env.clock().millis() - start, output, store);
            return ExitCodes.OK;
        }
    }

    /** @return a duration as the messages show it: {@code 500ms}, {@code 60s} */
    static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + "ms" : d.getSeconds() + "s";
    }
}
