package dev.auditsdk.cli;

import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
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

    @Option(names = "--from", paramLabel = "TIME", required = true,
            description = "Start of the range, inclusive: 2026-01-31T12:00:00Z, 2026-01-31 (UTC midnight), or an age such as 30d.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "End of the range, exclusive. Default: now.")
    Instant to;

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
        Progress progress = progress();
        Collector collector;
        try (OutputTarget target = openOutput(output, null, Optional.empty())) {
            collector = collector(output, target, null, Optional.empty(), from, 1000, progress);
            collector.begin();
            try (AuditLogSource<? extends AuditLogEntry> source = plugin.openExport(settings, context(), from, end);
                    AuditLogStream<? extends AuditLogEntry> stream = source.fetch(query(from, end, Optional.empty(), null, null))) {
                collector.drain(stream);
            } finally {
                progress.clear();
                collector.seal();
            }
        }
        summary("exported", collector.total(), env.clock().millis() - start, output, null);
        return env.stop().requested() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
