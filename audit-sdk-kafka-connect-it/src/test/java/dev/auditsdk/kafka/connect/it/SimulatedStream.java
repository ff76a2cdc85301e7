package dev.auditsdk.kafka.connect.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.SettingNames;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettingException;
import dev.auditsdk.registry.VendorSettings;
import dev.auditsdk.testkit.SimulatorServer;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stream of a test: a started simulator of a vendor API, holding data over the day before
 * {@code end}, and the connector keys that point a stream at it.
 */
final class SimulatedStream implements AutoCloseable {
    /** Every vendor API the registry knows. */
    static final List<String> VENDORS = List.of("boomi", "informatica", "informatica-security", "jitterbit", "lifecycle",
            "uipath", "uipath-unified");

    final String id;
    final String vendor;
    final SimulatorServer simulator;
    final Map<String, String> settings;

    private SimulatedStream(String id, String vendor, SimulatorServer simulator, Map<String, String> settings) {
        this.id = id;
        this.vendor = vendor;
        this.simulator = simulator;
        this.settings = settings;
    }

    /**
     * @param id the stream's name
     * @param vendor a vendor API name
     * @param end the end of the simulator's data (an hour before now keeps entries off range edges)
     * @param seed the data's seed
     * @return the started simulator and its settings
     */
    static SimulatedStream start(String id, String vendor, Instant end, long seed) {
        Instant start = end.minus(Duration.ofDays(1));
        switch (vendor) {
            case "boomi": {
                BoomiSimulator sim = BoomiSimulator.builder().seed(seed).entries(260).startingAt(start)
                        .spacing(Duration.ofDays(1).dividedBy(261)).build();
                sim.start();
                return new SimulatedStream(id, vendor, sim, Map.of("base-url", sim.baseUrl().toString(), "account-id",
                        sim.accountId(), "username", BoomiSimulator.DEFAULT_USER, "password", BoomiSimulator.DEFAULT_PASSWORD));
            }
            case "informatica":
            case "informatica-security": {
                boolean security = vendor.equals("informatica-security");
                InformaticaSimulator sim = InformaticaSimulator.builder().seed(seed).auditEntries(security ? 20 : 300)
                        .securityEntries(security ? 220 : 20).endingAt(end).span(Duration.ofHours(23)).build().start();
                return new SimulatedStream(id, vendor, sim, Map.of("login-url", sim.loginUrl().toString(), "username",
                        sim.username(), "password", sim.password()));
            }
            case "jitterbit": {
                JitterbitSimulator sim = JitterbitSimulator.builder().seed(seed).entries(200).span(start, end).build();
                sim.start();
                return new SimulatedStream(id, vendor, sim, Map.of("base-url", sim.baseUrl().toString(), "email",
                        sim.email(), "password", sim.password(), "poll-interval", "20ms"));
            }
            case "lifecycle":
                return lifecycle(id, start, end, 300, seed);
            case "uipath":
            case "uipath-unified": {
                boolean unified = vendor.equals("uipath-unified");
                UiPathSimulator sim = UiPathSimulator.builder().seed(seed).classicEntries(unified ? 0 : 240)
                        .unifiedEvents(unified ? 240 : 0).dataBetween(start, end).build().start();
                return new SimulatedStream(id, vendor, sim, Map.of("base-url", sim.baseUrl().toString(), "organization",
                        sim.organization(), "tenant", sim.tenant(), "client-id", sim.clientId(), "client-secret",
                        sim.clientSecret()));
            }
            default:
                throw new IllegalArgumentException("no simulator for vendor " + vendor);
        }
    }

    /**
     * A Lifecycle stream over a longer range, read one day per request: a long read.
     *
     * @return the started simulator (no audit-log/export events: every read would add one)
     */
    static SimulatedStream lifecycle(String id, Instant from, Instant to, int events, long seed) {
        LifecycleSimulator sim = LifecycleSimulator.builder().seed(seed).storedEvents(events).range(from, to)
                .exportEvents(false).build().start();
        return new SimulatedStream(id, "lifecycle", sim, Map.of("base-url", sim.baseUrl().toString(), "username",
                LifecycleSimulator.DEFAULT_USERNAME, "password", LifecycleSimulator.DEFAULT_PASSWORD));
    }

    /** @return this stream's connector keys, {@code streams.<id>.*}, vendor options included */
    Map<String, String> connectorKeys(Instant from) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("streams." + id + ".vendor", vendor);
        settings.forEach((k, v) -> keys.put("streams." + id + "." + k, v));
        keys.put("streams." + id + ".from", from.toString());
        keys.put("streams." + id + ".poll.interval", "1s");
        // the simulators show every entry at once; the vendors' default settle lags would only slow the tests
        keys.put("streams." + id + ".lag", "0s");
        return keys;
    }

    /**
     * Reads the range directly with the SDK: what the connector must deliver.
     *
     * @return entry id to the entry's raw JSON, for {@code [from, now)}
     */
    Map<String, JsonNode> expected(Instant from) {
        VendorPlugin plugin = VendorRegistry.discover().find(vendor).orElseThrow();
        VendorSettings s = VendorSettings.resolved(plugin, settings, Map.of(), SettingNames.keys("streams." + id + "."));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(s, UNATTENDED);
                AuditLogStream<? extends AuditLogEntry> stream = source.fetch(AuditLogQuery.builder().from(from)
                        .to(Instant.now()).build())) {
            for (AuditLogEntry e : stream) {
                if (out.put(e.id(), e.raw()) != null) {
                    throw new IllegalStateException(vendor + ": the SDK delivered " + e.id() + " twice");
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        simulator.close();
    }

    private static final VendorContext UNATTENDED = new VendorContext() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] promptSecret(String prompt) {
            throw new VendorSettingException("no terminal in a test");
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public TransportListener transportListener() {
            return TransportListener.NONE;
        }
    };
}
