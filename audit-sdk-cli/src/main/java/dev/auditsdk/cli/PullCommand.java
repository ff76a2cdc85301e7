package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code auditlog pull <vendor>}: reads a range once and writes it, continuing after a checkpoint. */
@Command(sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true)
final class PullCommand extends VendorCommand {

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start of the range, inclusive: 2026-01-31T12:00:00Z, 2026-01-31 (UTC midnight), or an age"
                    + " such as 24h or 7d. Required unless --checkpoint holds a checkpoint.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "End of the range, exclusive; same forms as --from. Default: now.")
    Instant to;

    @Mixin
    OutputOptions output;

    @Option(names = {"-c", "--checkpoint"}, paramLabel = "FILE",
            description = "Continue after the checkpoint stored in FILE, and store the new one there (atomically,"
                    + " after the output is flushed). A run killed at any point and started again delivers nothing"
                    + " twice and loses nothing.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Also save the checkpoint after every N entries. Default: once a second (and at the end), which"
                    + " costs nothing per entry. A crash loses nothing either way; N only bounds what is read again after one.")
    Integer checkpointEvery;

    @Option(names = "--lag", paramLabel = "DURATION", converter = DurationArgument.OrZero.class,
            description = "Without --to, read up to now minus this settle lag, so entries a vendor makes visible late"
                    + " are still ahead of the checkpoint on the next run (default: the vendor's settle lag, listed in the README).")
    Duration lag;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N entries.")
    Long limit;

    @Option(names = "--page-size", paramLabel = "N", description = "Entries per request, where the vendor lets the client choose.")
    Integer pageSize;

    PullCommand(VendorPlugin plugin, CliEnvironment env) {
        super(plugin, env);
    }

    @Override
    public Integer call() throws Exception {
        if (checkpointEvery != null && checkpointEvery <= 0) {
            throw new VendorSettingException("--checkpoint-every must be positive");
        }
        resolveSettings();
        long start = env.clock().millis();
        try (AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(settings, context());
                CheckpointStore store = checkpoint == null ? null : CheckpointStore.open(checkpoint)) {
            if (limit != null && checkpoint != null && !source.resumesExactlyAfterAnyStop()) {
                throw new VendorSettingException("--limit with --checkpoint would deliver entries twice with these "
                        + plugin.name() + " settings: they read in an order the checkpoint cannot follow part-way, so"
                        + " only a range read to its end is checkpointed exactly; drop --limit (or use --to for slices)");
            }
            Duration settle = lag != null ? lag : source.settleLag();
            Instant end = to == null ? env.clock().instant().minus(settle) : to;
            if (to == null && from != null && !from.isBefore(end)) {
                throw new VendorSettingException("nothing to read: --from " + from + " is not before the end of the range "
                        + end + " (now minus the settle lag " + settle + (lag != null ? "" : ", the vendor's default; see --lag")
                        + ")");
            }
            Optional<CheckpointState> state = store == null ? Optional.empty() : load(store);
            if (from == null && state.isEmpty()) {
                throw new VendorSettingException("--from is required"
                        + (checkpoint == null ? "" : " on the first run (no checkpoint in " + checkpoint + " yet)"));
            }
            AuditLogQuery query = query(from, end, state.map(CheckpointState::checkpoint), limit, pageSize);
            Progress progress = progress().range(query.start(), end);
            Collector collector;
            try (OutputTarget target = openOutput(output, store, state)) {
                collector = collector(output, target, store, state, query.start(),
                        checkpointEvery == null ? Collector.EVERY_SECOND_ONLY : checkpointEvery, progress);
                collector.begin();
                try (AuditLogStream<? extends AuditLogEntry> stream = source.fetch(query)) {
                    collector.drain(stream);
                } finally {
                    progress.clear();
                    collector.seal();
                }
            }
            summary("wrote", collector.total(), env.clock().millis() - start, output, store);
            if (env.stop().requested()) {
                info("stopped before the end of the range; run the same command again to continue"
                        + (store == null ? " (use --checkpoint to continue where it stopped)" : ""));
                return ExitCodes.INTERRUPTED;
            }
            return ExitCodes.OK;
        }
    }
}
