package dev.auditsdk.cli.chaos;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.SimulatorServer;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One API of one vendor, ready for a chaos run: its started simulator holding about two weeks of
 * data, how to read it through the SDK (a source tuned by {@link ChaosSettings}) and through the
 * command line, how many entries the simulator holds for the range, and the vendor's own throttle
 * answers. Closing it stops the simulator.
 */
final class ChaosTarget implements AutoCloseable {
    final SimulatorServer simulator;
    final Supplier<AuditLogSource<? extends AuditLogEntry>> sdkSource;
    final List<String> cliCommand;
    final Map<String, String> cliSettings;
    final IntSupplier entriesInRange;
    final List<Fault> throttles;

    /**
     * @param simulator the started simulator
     * @param sdkSource opens a source on the simulator, tuned for a fast chaos run
     * @param cliCommand the command line before the common options, e.g. {@code pull lifecycle}
     * @param cliSettings vendor option name to value, passed as {@code AUDITLOG_<PREFIX>_<NAME>}
     * @param entriesInRange how many entries the simulator holds in the range read
     * @param throttles the vendor's throttle answers for chaos; empty for the default 429
     */
    ChaosTarget(SimulatorServer simulator, Supplier<AuditLogSource<? extends AuditLogEntry>> sdkSource,
            List<String> cliCommand, Map<String, String> cliSettings, IntSupplier entriesInRange, List<Fault> throttles) {
        this.simulator = simulator;
        this.sdkSource = sdkSource;
        this.cliCommand = List.copyOf(cliCommand);
        this.cliSettings = Map.copyOf(cliSettings);
        this.entriesInRange = entriesInRange;
        this.throttles = List.copyOf(throttles);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
