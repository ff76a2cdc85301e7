package dev.auditsdk.cli.vendor;

import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulators behind {@code auditlog demo}: for each built-in vendor, its testkit simulator
 * with deterministic data covering the day before {@code now}, and the settings that point the
 * vendor's source at it. Kept in the command line so that the vendor registry, which the Kafka
 * connector also uses, does not carry the testkit.
 */
public final class VendorDemos {

    private VendorDemos() {
    }

    /**
     * Starts the demo simulator(s) of a vendor.
     *
     * @param plugin the vendor: a built-in one, or one implementing {@link DemoVendor}
     * @param now the demo's notion of now
     * @param seed the seed of the generated data
     * @return the running setup, or empty when the vendor has no simulator
     */
    public static Optional<DemoSetup> start(VendorPlugin plugin, Instant now, long seed) {
        if (plugin instanceof DemoVendor) {
            return ((DemoVendor) plugin).startDemo(now, seed);
        }
        switch (plugin.name()) {
            case "boomi":
                return Optional.of(boomi(now, seed));
            case "informatica":
                return Optional.of(informatica(false, now, seed));
            case "informatica-security":
                return Optional.of(informatica(true, now, seed));
            case "jitterbit":
                return Optional.of(jitterbit(now, seed));
            case "lifecycle":
                return Optional.of(lifecycle(now, seed));
            case "uipath":
                return Optional.of(uipath(false, now, seed));
            case "uipath-unified":
                return Optional.of(uipath(true, now, seed));
            default:
                return Optional.empty();
        }
    }

    private static DemoSetup boomi(Instant now, long seed) {
        int entries = 260;
        Instant start = now.minus(Duration.ofDays(1));
        BoomiSimulator sim = BoomiSimulator.builder().seed(seed).entries(entries).startingAt(start)
                .spacing(Duration.ofDays(1).dividedBy(entries + 1)).build();
        sim.start();
        Map<String, String> settings = Map.of("base-url", sim.baseUrl().toString(), "account-id", sim.accountId(),
                "username", BoomiSimulator.DEFAULT_USER, "password", BoomiSimulator.DEFAULT_PASSWORD);
        return new DemoSetup(settings, List.of(sim), "/api/rest/v1/" + sim.accountId() + "/AuditLog/query");
    }

    private static DemoSetup informatica(boolean security, Instant now, long seed) {
        InformaticaSimulator sim = InformaticaSimulator.builder().seed(seed).auditEntries(security ? 20 : 300)
                .securityEntries(security ? 220 : 20).endingAt(now.minusSeconds(1)).span(Duration.ofHours(23)).build()
                .start();
        Map<String, String> settings = Map.of("login-url", sim.loginUrl().toString(), "username", sim.username(),
                "password", sim.password());
        String dataPath = sim.serverUrl().getPath()
                + (security ? InformaticaSimulator.SECURITY_LOG_PATH : InformaticaSimulator.AUDIT_LOG_PATH);
        return new DemoSetup(settings, List.of(sim), dataPath);
    }

    private static DemoSetup jitterbit(Instant now, long seed) {
        JitterbitSimulator sim = JitterbitSimulator.builder().seed(seed).entries(200)
                .span(now.minus(Duration.ofDays(1)), now).build();
        sim.start();
        Map<String, String> settings = Map.of("base-url", sim.baseUrl().toString(), "email", sim.email(),
                "password", sim.password(), "poll-interval", "20ms");
        return new DemoSetup(settings, List.of(sim), JitterbitSimulator.STATUS_PATH);
    }

    private static DemoSetup lifecycle(Instant now, long seed) {
        LifecycleSimulator sim = LifecycleSimulator.builder().seed(seed).storedEvents(300)
                .range(now.minus(Duration.ofDays(1)), now).build().start();
        Map<String, String> settings = Map.of("base-url", sim.baseUrl().toString(),
                "username", LifecycleSimulator.DEFAULT_USERNAME, "password", LifecycleSimulator.DEFAULT_PASSWORD);
        return new DemoSetup(settings, List.of(sim), LifecycleSimulator.AUDIT_LOGS_PATH);
    }

    private static DemoSetup uipath(boolean unified, Instant now, long seed) {
        UiPathSimulator sim = UiPathSimulator.builder().seed(seed).classicEntries(unified ? 0 : 240)
                .unifiedEvents(unified ? 240 : 0).dataBetween(now.minus(Duration.ofDays(1)), now).build().start();
        Map<String, String> settings = Map.of("base-url", sim.baseUrl().toString(), "organization", sim.organization(),
                "tenant", sim.tenant(), "client-id", sim.clientId(), "client-secret", sim.clientSecret());
        String dataPath = unified
                ? "/" + sim.organization() + "/" + sim.tenant() + "/tenantaudit_/"
                : "/" + sim.organization() + "/" + sim.tenant() + "/audit_/";
        return new DemoSetup(settings, List.of(sim), dataPath);
    }
}
