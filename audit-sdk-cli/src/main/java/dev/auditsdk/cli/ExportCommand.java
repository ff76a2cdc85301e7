package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code auditlog export <vendor>}: a one-shot bulk export of a range through the vendor's export
 * API (for ranges the vendor does not export, the plugin picks its query API).
 */
@Command(sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true)
final class ExportCommand extends VendorCommand {

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start of the range, inclusive: 2026-01-31T12:00:00Z, 2026-01-31 (UTC midnight), or an age such as"
                    + " 30d. Required unless --checkpoint holds a position.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "End of the range, exclusive. Default: now.")
    Instant to;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Continue after the checkpoint stored in FILE and store the new one there, as pull does: a long"
                    + " export killed part-way is started again and delivers nothing twice.")
    Path checkpoint;

    @Mixin
    OutputOptions output;

    ExportCommand(VendorPlugin plugin, CliEnvironment env) {
        super(plugin, env);
    }

    @Override
    public Integer call() throws Exception {
        Instant end = to == null ? env.clock().instant() : to;
        resolveSettings();
        long start = env.clock().millis();
        try (CheckpointStore store = checkpoint == null ? null : CheckpointStore.open(checkpoint)) {
            Optional<CheckpointState> state = store == null ? Optional.empty() : load(store);
            if (from == null && state.isEmpty()) {
                throw new VendorSettingException("--from is required"
                        + (checkpoint == null ? "" : " on the first run (no checkpoint in " + checkpoint + " yet)"));
            }
            AuditLogQuery query = query(from, end, state.map(CheckpointState::checkpoint), null, null);
            Progress progress = progress().range(query.start(), end);
            Collector collector;
            try (OutputTarget target = openOutput(output, store, state)) {
                collector = collector(output, target, store, state, query.start(), Collector.EVERY_SECOND_ONLY, progress);
                collector.begin();
                try (AuditLogSource<? extends AuditLogEntry> source = plugin.openExport(settings, context(), query.start(), end);
                        AuditLogStream<? extends AuditLogEntry> stream = source.fetch(query)) {
                    collector.drain(stream);
                } finally {
                    progress.clear();
                    collector.seal();
                }
            }
            summary("exported", collector.total(), env.clock().millis() - start, output, store);
            return env.stop().requested() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }
}
