package dev.auditsdk.cli.vendor;

import dev.auditsdk.testkit.SimulatorServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor's part of {@code auditlog demo}: its started simulator(s) and the settings that point
 * the vendor's source at them. Closing it stops the simulators.
 */
public final class DemoSetup implements AutoCloseable {
    private final Map<String, String> settings;
    private final List<SimulatorServer> simulators;
    private final String retryablePath;

    /**
     * @param settings option name to value, as if given on the command line (base URL, credentials)
     * @param simulators the started simulators the source talks to; the first one serves the audit data
     * @param retryablePath path prefix of an idempotent data request on the first simulator, where
     *     the demo injects one transient failure to show a retry; null for none
     */
    public DemoSetup(Map<String, String> settings, List<? extends SimulatorServer> simulators, String retryablePath) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
        this.simulators = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(simulators, "simulators")));
        if (this.simulators.isEmpty()) {
            throw new IllegalArgumentException("simulators must not be empty");
        }
        this.retryablePath = retryablePath;
    }

    /** @return the settings that point the source at the simulators */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return the simulators, the one serving the audit data first */
    public List<SimulatorServer> simulators() {
        return simulators;
    }

    /** @return where a transient failure may be injected without breaking a non-idempotent call */
    public Optional<String> retryablePath() {
        return Optional.ofNullable(retryablePath);
    }

    /** @return the requests all simulators received so far */
    public int requestCount() {
        return simulators.stream().mapToInt(SimulatorServer::requestCount).sum();
    }

    /** Stops the simulators. */
    @Override
    public void close() {
        simulators.forEach(SimulatorServer::close);
    }
}
