package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.testkit.SimulatorServer;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI as a separate process against a vendor simulator: SIGKILL at random points, then a clean
 * finish; the output file holds every entry of the range exactly once. Every built-in vendor/API.
 */
class CliProcessVendorTest {
    @TempDir
    Path dir;

    static Stream<VendorPlugin> vendors() {
        return VendorRegistry.builtIn().stream();
    }

    /**
     * Every vendor/API: a range of several hundred to 1,200 entries spread over days (so that day
     * windows, pages and exports make many requests), simulator latency so the run takes a second
     * or two, then three runs killed with SIGKILL at random points (one before anything is
     * written may happen) and a last run to the end. The file must hold exactly the entries a
     * single uninterrupted pull of the range gives, which must be every entry the simulator holds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void pullKilledAtRandomPointsAndRestartedDeliversEveryEntryExactlyOnce(VendorPlugin plugin) throws Exception {
        long seed = Long.getLong("cliProcessVendorTest.seed", System.nanoTime());
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(11));
        long started = System.nanoTime();
        try (Setup setup = setup(plugin.name(), now, seed)) {
            Map<String, String> env = env(plugin, setup.settings);
            // what one uninterrupted run gives (in-process, no checkpoint): the exact set to compare with
            CliRunner reference = new CliRunner().clock(Clock.fixed(now, ZoneOffset.UTC));
            env.forEach(reference::env);
            List<String> rangeArgs = new ArrayList<>(List.of("pull", plugin.name(), "--from", from.toString(), "--to",
                    now.toString()));
            rangeArgs.addAll(setup.extraArgs);
            CliRunner.Result whole = reference.run(rangeArgs.toArray(String[]::new));
            assertThat(whole.exitCode).as("%s seed %d: reference pull: %s", plugin.name(), seed, whole).isZero();
            List<String> expected = PullCommandTest.ids(whole.stdout);
            assertThat(expected).as("%s seed %d: reference pull", plugin.name(), seed).doesNotHaveDuplicates()
                    .hasSize(setup.entries);

            setup.sim.setLatency(setup.latency);
            Path out = dir.resolve(plugin.name() + ".ndjson");
            List<String> args = new ArrayList<>(rangeArgs);
            args.addAll(List.of("--checkpoint", dir.resolve(plugin.name() + ".cp").toString(), "--checkpoint-every", "37",
                    "-o", out.toString()));
            String[] argv = args.toArray(String[]::new);
            long lastSize = 0;
            int killedMidway = 0;
            List<String> kills = new ArrayList<>();
            for (int kill = 0; kill < 3; kill++) {
                CliProcess p = CliProcess.start(dir, env, argv);
                long deadline = System.nanoTime() + 30_000_000_000L;
                // the first kill may land before anything is written; the others after the file grew
                boolean early = kill == 0 && random.nextInt(4) == 0;
                while (!early && size(out) <= lastSize && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                // early: within the JVM's start and the login, so it never outlasts the whole run
                int pause = random.nextInt(early ? 400 : setup.maxPauseMillis);
                Thread.sleep(pause);
                boolean alive = p.isAlive();
                killedMidway += alive ? 1 : 0;
                p.kill();
                lastSize = size(out);
                kills.add((early ? "early " : "") + pause + "ms" + (alive ? "" : " (already done)") + " -> "
                        + lines(out) + " lines");
            }
            CliProcess.Result last = CliProcess.run(dir, env, argv);

            String context = String.format("%s seed %d (rerun with -DcliProcessVendorTest.seed=%d), kills %s",
                    plugin.name(), seed, seed, kills);
            assertThat(last.exitCode).as("%s: %s", context, last).isZero();
            assertThat(killedMidway).as("%s: runs killed while still running", context).isPositive();
            List<String> ids = PullCommandTest.ids(Files.readString(out));
            assertThat(ids).as("%s: duplicates", context).doesNotHaveDuplicates();
            assertThat(ids).as("%s: the exact set", context).containsExactlyInAnyOrderElementsOf(expected);
            System.out.printf("CliProcessVendorTest %s: %d entries, seed %d, kills %s, %d ms%n", plugin.name(),
                    ids.size(), seed, kills, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** A simulator with data in the 10 days before {@code now}, the vendor settings for it and how to read it. */
    private static Setup setup(String vendor, Instant now, long seed) {
        Instant start = now.minus(Duration.ofDays(10));
        Instant end = now.minusSeconds(1);
        Map<String, String> settings = new LinkedHashMap<>();
        switch (vendor) {
            case "boomi": {
                int n = 1200;
                BoomiSimulator sim = BoomiSimulator.builder().seed(seed).entries(n).startingAt(start)
                        .spacing(Duration.between(start, end).dividedBy(n + 1)).build();
                sim.start();
                settings.put("base-url", sim.baseUrl().toString());
                settings.put("account-id", sim.accountId());
                settings.put("username", BoomiSimulator.DEFAULT_USER);
                settings.put("password", BoomiSimulator.DEFAULT_PASSWORD);
                return new Setup(sim, settings, n, Duration.ofMillis(40), 300, List.of());
            }
            case "informatica":
            case "informatica-security": {
                boolean security = vendor.equals("informatica-security");
                int n = 1000;
                InformaticaSimulator sim = InformaticaSimulator.builder().seed(seed).auditEntries(security ? 20 : n)
                        .securityEntries(security ? n : 20).endingAt(end).span(Duration.ofDays(9)).build().start();
                settings.put("login-url", sim.loginUrl().toString());
                settings.put("username", sim.username());
                settings.put("password", sim.password());
                // the v2 audit log lets the client choose the batch size: small batches make many requests,
                // read 8 at once; the security log's windows make few requests, read 4 at once: a latency
                // that keeps either run going long enough to be killed part-way
                return new Setup(sim, settings, n, Duration.ofMillis(120), 300,
                        security ? List.of() : List.of("--page-size", "50"));
            }
            case "jitterbit": {
                int n = 800;
                JitterbitSimulator sim = JitterbitSimulator.builder().seed(seed).entries(n).span(start, end).build();
                sim.start();
                settings.put("base-url", sim.baseUrl().toString());
                settings.put("email", sim.email());
                settings.put("password", sim.password());
                settings.put("poll-interval", "20ms");
                // one export (submit, poll, download) per day window, 8 windows at once by default: a
                // latency that keeps the run going long enough to be killed part-way (20 ms let it
                // finish before the first kill)
                return new Setup(sim, settings, n, Duration.ofMillis(120), 300, List.of());
            }
            case "lifecycle": {
                int n = 1000;
                LifecycleSimulator sim = LifecycleSimulator.builder().seed(seed).storedEvents(n).range(start, end).build()
                        .start();
                settings.put("base-url", sim.baseUrl().toString());
                settings.put("username", LifecycleSimulator.DEFAULT_USERNAME);
                settings.put("password", LifecycleSimulator.DEFAULT_PASSWORD);
                // one request per UTC day, 4 days at once by default
                return new Setup(sim, settings, n, Duration.ofMillis(150), 300, List.of());
            }
            case "uipath":
            case "uipath-unified": {
                boolean unified = vendor.equals("uipath-unified");
                int n = unified ? 2000 : 1000;
                UiPathSimulator sim = UiPathSimulator.builder().seed(seed).classicEntries(unified ? 0 : n)
                        .unifiedEvents(unified ? n : 0).dataBetween(start, end).build().start();
                settings.put("base-url", sim.baseUrl().toString());
                settings.put("organization", sim.organization());
                settings.put("tenant", sim.tenant());
                settings.put("client-id", sim.clientId());
                settings.put("client-secret", sim.clientSecret());
                // the settings name a tenant: the unified API then serves only that tenant's events
                int visible = unified
                        ? (int) sim.unifiedEvents().stream().filter(e -> sim.tenantId().equals(e.tenantId())).count()
                        : n;
                // pages are fetched 4 at once: a latency that keeps the run going long enough to be killed part-way
                return new Setup(sim, settings, visible, Duration.ofMillis(60), 300, List.of("--page-size", "50"));
            }
            default:
                throw new AssertionError("no kill test set up for vendor " + vendor + ": add one");
        }
    }

    /** The settings as a user would set them: {@code AUDITLOG_<PREFIX>_<NAME>}. */
    static Map<String, String> env(VendorPlugin plugin, Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>();
        for (VendorOption o : plugin.options()) {
            String value = settings.get(o.name());
            if (value != null) {
                env.put(o.envVar(plugin.settingsPrefix()), value);
            }
        }
        assertThat(env).as("every setting is an option of %s", plugin.name()).hasSameSizeAs(settings);
        return env;
    }

    private static long size(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }

    private static final class Setup implements AutoCloseable {
        final SimulatorServer sim;
        final Map<String, String> settings;
        final int entries;
        final Duration latency;
        final int maxPauseMillis;
        final List<String> extraArgs;

        Setup(SimulatorServer sim, Map<String, String> settings, int entries, Duration latency, int maxPauseMillis,
                List<String> extraArgs) {
            this.sim = sim;
            this.settings = settings;
            this.entries = entries;
            this.latency = latency;
            this.maxPauseMillis = maxPauseMillis;
            this.extraArgs = extraArgs;
        }

        @Override
        public void close() {
            sim.close();
        }
    }
}
