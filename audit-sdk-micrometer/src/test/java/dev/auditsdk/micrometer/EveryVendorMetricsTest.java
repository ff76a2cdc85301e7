package dev.auditsdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.ImmutableAuditLogQuery;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.http.TransportListener;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vendor API reports the same meters without code of its own: each source is built by the
 * registry's plugin from settings, with the {@link VendorContext}'s listener, and read from its
 * simulator over loopback.
 */
class EveryVendorMetricsTest {
    /** The vendors that sign in before reading (the others send credentials with each request). */
    private static final Set<String> LOGGING_IN = Set.of("informatica", "informatica-security", "jitterbit", "uipath",
            "uipath-unified");

    private final Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant from = to.minus(Duration.ofDays(1));
    private final Clock now = Clock.fixed(to.plusSeconds(5), ZoneOffset.UTC);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SimulatorServer simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        registry.close();
    }

    /** Starts the vendor's simulator with data over {@code [from, to - 1h]}; returns the settings pointing at it. */
    private Map<String, String> start(String vendor) {
        Instant end = to.minus(Duration.ofHours(1));
        Instant start = from.plus(Duration.ofMinutes(10));
        switch (vendor) {
            case "boomi": {
                BoomiSimulator sim = BoomiSimulator.builder().seed(7).entries(120).startingAt(start)
                        .spacing(Duration.ofMinutes(10)).build();
                sim.start();
                simulator = sim;
                return Map.of("base-url", sim.baseUrl().toString(), "account-id", sim.accountId(),
                        "username", BoomiSimulator.DEFAULT_USER, "password", BoomiSimulator.DEFAULT_PASSWORD);
            }
            case "informatica":
            case "informatica-security": {
                boolean security = vendor.equals("informatica-security");
                InformaticaSimulator sim = InformaticaSimulator.builder().seed(7).auditEntries(security ? 10 : 150)
                        .securityEntries(security ? 150 : 10).endingAt(end).span(Duration.ofHours(20)).build().start();
                simulator = sim;
                return Map.of("login-url", sim.loginUrl().toString(), "username", sim.username(), "password", sim.password());
            }
            case "jitterbit": {
                JitterbitSimulator sim = JitterbitSimulator.builder().seed(7).entries(120).span(start, end).build();
                sim.start();
                simulator = sim;
                return Map.of("base-url", sim.baseUrl().toString(), "email", sim.email(), "password", sim.password(),
                        "poll-interval", "20ms");
            }
            case "lifecycle": {
                LifecycleSimulator sim = LifecycleSimulator.builder().seed(7).storedEvents(120).range(start, end)
                        .exportEvents(false).build().start();
                simulator = sim;
                return Map.of("base-url", sim.baseUrl().toString(), "username", LifecycleSimulator.DEFAULT_USERNAME,
                        "password", LifecycleSimulator.DEFAULT_PASSWORD);
            }
            case "uipath":
            case "uipath-unified": {
                boolean unified = vendor.equals("uipath-unified");
                UiPathSimulator sim = UiPathSimulator.builder().seed(7).classicEntries(unified ? 0 : 120)
                        .unifiedEvents(unified ? 120 : 0).dataBetween(start, end).build().start();
                simulator = sim;
                return Map.of("base-url", sim.baseUrl().toString(), "organization", sim.organization(), "tenant",
                        sim.tenant(), "client-id", sim.clientId(), "client-secret", sim.clientSecret());
            }
            default:
                throw new IllegalArgumentException("no simulator for vendor " + vendor);
        }
    }

    private long read(String vendor, Map<String, String> settings, AuditLogMetrics metrics) {
        AtomicLong count = new AtomicLong();
        read(vendor, settings, metrics, AuditLogQuery.builder().from(from).to(to).build(), count);
        return count.get();
    }

    /** Reads the query to its end (or limit); adds the entries read to {@code count}; returns the checkpoint. */
    private Checkpoint read(String vendor, Map<String, String> settings, AuditLogMetrics metrics, AuditLogQuery query,
            AtomicLong count) {
        VendorPlugin plugin = VendorRegistry.discover().find(vendor).orElseThrow();
        try (AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(VendorSettings.of(plugin, settings),
                context(metrics));
                AuditLogStream<? extends AuditLogEntry> stream = source.fetch(query)) {
            for (AuditLogEntry ignored : stream) {
                count.incrementAndGet();
            }
            return stream.checkpoint();
        }
    }

    private double counter(String vendor, String name, String... tags) {
        Counter c = registry.find(name).tags("vendor", vendor, "stream", vendor + "-1").tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"boomi", "informatica", "informatica-security", "jitterbit", "lifecycle", "uipath", "uipath-unified"})
    void aCompleteReadReportsItsEntriesPagesRequestsBytesLoginsAndCatchesUpToTheRangesEnd(String vendor) {
        Map<String, String> settings = start(vendor);
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, vendor, vendor + "-1", now);

        long read = read(vendor, settings, metrics);

        assertThat(read).isPositive();
        assertThat(counter(vendor, AuditLogMetrics.ENTRIES_DELIVERED)).isEqualTo(read);
        if (vendor.equals("jitterbit")) {
            // Harmony's export file is the answer to the job's status poll: no request asks for a page
            assertThat(counter(vendor, AuditLogMetrics.PAGES)).isZero();
        } else {
            assertThat(counter(vendor, AuditLogMetrics.PAGES)).isPositive();
        }
        assertThat(counter(vendor, AuditLogMetrics.REQUESTS, "status", "2xx"))
                .isGreaterThanOrEqualTo(counter(vendor, AuditLogMetrics.PAGES));
        assertThat(counter(vendor, AuditLogMetrics.RESPONSE_BYTES)).isGreaterThan(read * 20);
        assertThat(counter(vendor, AuditLogMetrics.LOGINS, "result", "success")).isEqualTo(LOGGING_IN.contains(vendor) ? 1 : 0);
        assertThat(registry.find(AuditLogMetrics.FAILURES).counters()).isEmpty();
        assertThat(metrics.watermark()).contains(to);
        assertThat(metrics.lag()).contains(Duration.ofSeconds(5));
        assertThat(registry.get(AuditLogMetrics.COLLECTION_LAG).tags("vendor", vendor).gauge().value()).isEqualTo(5.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"boomi", "informatica", "jitterbit", "lifecycle", "uipath"})
    void aWrongSecretIsAFailedReadAndAFailedLoginWhereTheVendorSignsIn(String vendor) {
        Map<String, String> settings = new HashMap<>(start(vendor));
        settings.put(vendor.equals("uipath") ? "client-secret" : "password", "wrong-secret");
        // one request at a time: windows read side by side would each meet the refusal
        settings.put("parallelism", "1");
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, vendor, vendor + "-1", now);

        assertThatThrownBy(() -> read(vendor, settings, metrics)).isInstanceOf(AuditAuthenticationException.class);

        assertThat(counter(vendor, AuditLogMetrics.FAILURES, "error", "AuditAuthenticationException")).isEqualTo(1);
        assertThat(counter(vendor, AuditLogMetrics.LOGINS, "result", "failure")).isEqualTo(LOGGING_IN.contains(vendor) ? 1 : 0);
        // Harmony refuses a login with HTTP 200 and "status": false; the others answer 401
        assertThat(counter(vendor, AuditLogMetrics.REQUESTS, "status", "4xx")).isEqualTo(vendor.equals("jitterbit") ? 0 : 1);
        assertThat(counter(vendor, AuditLogMetrics.ENTRIES_DELIVERED)).isZero();
        assertThat(metrics.watermark()).isEmpty();
    }

    @Test
    void aBackfillInSlicesShowsItsLagFallingUntilItCatchesUpAndThenOnlyTheTimeSinceItsLastCompleteRead() {
        Map<String, String> settings = start("lifecycle");
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "lifecycle", "lifecycle-1", now);
        AtomicLong delivered = new AtomicLong();
        List<Duration> lags = new ArrayList<>();

        Checkpoint checkpoint = null;
        for (int slice = 0; slice < 3; slice++) {
            ImmutableAuditLogQuery.Builder query = AuditLogQuery.builder().from(from).to(to).limit(30);
            if (checkpoint != null) {
                query.resumeFrom(checkpoint);
            }
            checkpoint = read("lifecycle", settings, metrics, query.build(), delivered);
            lags.add(metrics.lag().orElseThrow());
        }
        read("lifecycle", settings, metrics, AuditLogQuery.builder().from(from).to(to).resumeFrom(checkpoint).build(), delivered);
        lags.add(metrics.lag().orElseThrow());

        assertThat(delivered.get()).isEqualTo(120);
        assertThat(counter("lifecycle", AuditLogMetrics.ENTRIES_DELIVERED)).isEqualTo(120);
        // each slice ends at a newer entry; the complete read leaves only now minus the range's end
        assertThat(lags).isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(lags.get(0)).isGreaterThan(Duration.ofHours(1));
        assertThat(lags.get(3)).isEqualTo(Duration.ofSeconds(5));
    }

    private static VendorContext context(AuditLogListener listener) {
        return new VendorContext() {
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

            @Override
            public AuditLogListener auditLogListener() {
                return listener;
            }
        };
    }
}
