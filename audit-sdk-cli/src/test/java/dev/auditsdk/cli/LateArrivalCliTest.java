package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.testkit.SimulatorServer;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Late arrivals through {@code auditlog tail --lag}, for every vendor/API against its simulator
 * (set up as {@code auditlog demo} does, data in the day before {@code t0}).
 *
 * <p>One {@code tail} process (in-process, a clock the test moves) polls every 50 ms:
 * <ol>
 *   <li>with the clock at {@code t0} and a lag of one hour, its rounds read up to
 *       {@code h1 = t0 - 1h}; the vendor already shows entries in {@code [h1, t0)}, which are not
 *       delivered yet;
 *   <li>the vendor then makes an entry visible late: its timestamp is older than the newest entry
 *       the vendor showed in step 1, but newer than {@code h1} (within the lag);
 *   <li>the clock moves to {@code t0 + lag + 1m}: the next round must deliver the late entry and
 *       the rest of the range, each exactly once.
 * </ol>
 * An entry older than the newest <em>delivered</em> one is necessarily older than the last
 * round's {@code now - lag}, i.e. outside the lag. No simulated API lets a client tell such an
 * entry apart: the time-filtered ones (Boomi, Informatica security log, Jitterbit, UiPath unified)
 * are asked from the checkpoint on and never return it; the others (Lifecycle's whole UTC days,
 * Informatica v2 and UiPath classic read newest first) return it in time order among older
 * entries that were delivered before, indistinguishable from them with a checkpoint of constant
 * size. So there is no test of that case here (#13).
 */
class LateArrivalCliTest {
    private static final Duration LAG = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    static Stream<VendorPlugin> vendors() {
        return VendorRegistry.builtIn().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void anEntryMadeVisibleLateWithinTheLagIsDeliveredExactlyOnceByTheNextTailRound(VendorPlugin plugin) throws Exception {
        long seed = Long.getLong("lateArrivalCliTest.seed", System.nanoTime() % 100_000);
        long started = System.nanoTime();
        // in the past, so that even the last round's clock is not ahead of the real time
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        Instant from = base.minus(Duration.ofDays(2));
        String context = plugin.name() + " seed " + seed + " (rerun with -DlateArrivalCliTest.seed=" + seed + ")";
        try (DemoSetup setup = VendorDemos.start(plugin, base, seed).orElseThrow()) {
            Map<String, String> env = CliProcessVendorTest.env(plugin, setup.settings());
            SimulatorServer sim = setup.simulators().get(0);

            // what the vendor shows before the late entry, read in one go; t0 is just after its newest entry
            List<Event> before = pull(plugin, env, from, base.plus(Duration.ofHours(1)));
            assertThat(before).as(context).isNotEmpty();
            Instant newestShown = before.stream().map(e -> e.time).max(Instant::compareTo).orElseThrow();
            Instant t0 = newestShown.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            Instant h1 = t0.minus(LAG);
            Instant t2 = t0.plus(LAG).plus(Duration.ofMinutes(1));
            Instant h2 = t2.minus(LAG);
            List<Event> firstRound = before.stream().filter(e -> e.time.isBefore(h1)).collect(Collectors.toList());
            assertThat(before.size() - firstRound.size()).as("%s: the vendor shows entries within the lag", context)
                    .isPositive();
            assertThat(firstRound).as(context).isNotEmpty();
            context += ", t0 " + t0;

            Instant lateAt = h1.plus(Duration.between(h1, newestShown).dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
            assertThat(lateAt).as(context).isAfter(h1).isBefore(newestShown);

            MutableClock clock = new MutableClock(t0);
            StopSignal stop = new StopSignal();
            CliRunner cli = new CliRunner().clock(clock).stop(stop);
            env.forEach(cli::env);
            Path out = dir.resolve(plugin.name() + ".ndjson");
            Path cp = dir.resolve(plugin.name() + ".cp");
            CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", plugin.name(),
                    "--checkpoint", cp.toString(), "--from", from.toString(), "--lag", "1h", "--interval",
                    POLL.toMillis() + "ms", "-o", out.toString()));
            try {
                awaitLines(out, firstRound.size(), tail, context + ": first rounds");
                Thread.sleep(6 * POLL.toMillis()); // more rounds at t0: nothing more may be written
                assertThat(ids(out)).as("%s: rounds at t0 deliver exactly what is older than t0 - lag", context)
                        .containsExactlyInAnyOrderElementsOf(ids(firstRound));

                appendAt(plugin.name(), sim, lateAt);
                Thread.sleep(3 * POLL.toMillis()); // rounds still at t0: the late entry has not settled yet
                assertThat(ids(out)).as("%s: the late entry is not read before it settles", context)
                        .hasSameSizeAs(firstRound);

                clock.set(t2);
                awaitLines(out, before.size() + 1, tail, context + ": round after the late entry");
                Thread.sleep(6 * POLL.toMillis());
            } finally {
                stop.request();
            }
            CliRunner.Result r = tail.get(30, TimeUnit.SECONDS);
            assertThat(r.exitCode).as("%s: %s", context, r).isZero();

            // another range than the first pull's (Jitterbit answers an identical export request from its cache)
            List<Event> after = pull(plugin, env, from.minusSeconds(1), h2);
            List<String> late = new ArrayList<>(ids(after));
            late.removeAll(ids(before));
            assertThat(late).as("%s: the simulator shows exactly one new entry", context).hasSize(1);
            Event lateEvent = after.stream().filter(e -> e.id.equals(late.get(0))).findFirst().orElseThrow();
            assertThat(lateEvent.time).as(context).isBetween(lateAt, lateAt.plusSeconds(1));

            List<String> delivered = ids(out);
            assertThat(delivered).as("%s: nothing twice", context).doesNotHaveDuplicates();
            assertThat(delivered).as("%s: every entry of [from, t2 - lag) including the late one", context)
                    .containsExactlyInAnyOrderElementsOf(ids(after));
            assertThat(delivered.subList(firstRound.size(), delivered.size()))
                    .as("%s: the late entry comes in the round after it settled", context).contains(lateEvent.id);
            System.out.printf("LateArrivalCliTest %s: %d entries before, late entry %s delivered once, seed %d, %d ms%n",
                    plugin.name(), before.size(), lateEvent, seed, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Makes one entry visible at {@code at}, as the vendor would show an entry indexed late. */
    private static void appendAt(String vendor, SimulatorServer sim, Instant at) {
        switch (vendor) {
            case "boomi":
                ((BoomiSimulator) sim).appendAt(at);
                break;
            case "informatica":
                ((InformaticaSimulator) sim).addAuditEntryAt(at);
                break;
            case "informatica-security":
                ((InformaticaSimulator) sim).addSecurityEntries(at, 1);
                break;
            case "jitterbit":
                ((JitterbitSimulator) sim).appendAt(at);
                break;
            case "lifecycle":
                ((LifecycleSimulator) sim).appendGenerated(1, at, at.plusMillis(1));
                break;
            case "uipath":
                ((UiPathSimulator) sim).appendClassicAt(at);
                break;
            case "uipath-unified":
                // the demo reads the tenant's events
                ((UiPathSimulator) sim).appendUnifiedAt(at, true);
                break;
            default:
                throw new AssertionError("no late-arrival hook for vendor " + vendor + ": add one");
        }
    }

    /** {@code pull --from --to} in one go, no checkpoint: what the vendor shows for the range now. */
    private static List<Event> pull(VendorPlugin plugin, Map<String, String> env, Instant from, Instant to) throws IOException {
        CliRunner cli = new CliRunner().clock(Clock.fixed(to, ZoneOffset.UTC));
        env.forEach(cli::env);
        CliRunner.Result r = cli.run("pull", plugin.name(), "--from", from.toString(), "--to", to.toString());
        assertThat(r.exitCode).as("%s: reference pull: %s", plugin.name(), r).isZero();
        return events(r.stdout);
    }

    private static void awaitLines(Path out, int expected, CompletableFuture<CliRunner.Result> tail, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        BooleanSupplier done = () -> {
            try {
                return lines(out) >= expected;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        while (!done.getAsBoolean() && !tail.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (tail.isDone()) {
            throw new AssertionError(what + ": tail ended early: " + tail.get());
        }
        assertThat(lines(out)).as("%s: lines written in time", what).isGreaterThanOrEqualTo(expected);
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(file)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    private static List<String> ids(Path file) throws IOException {
        return Files.exists(file) ? PullCommandTest.ids(Files.readString(file)) : List.of();
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(e -> e.id).collect(Collectors.toList());
    }

    private static List<Event> events(String ndjson) throws IOException {
        List<Event> out = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = Json.mapper().readTree(line);
                out.add(new Event(n.get("id").asText(), Instant.parse(n.get("time").asText())));
            }
        }
        return out;
    }

    private static final class Event {
        final String id;
        final Instant time;

        Event(String id, Instant time) {
            this.id = id;
            this.time = time;
        }

        @Override
        public String toString() {
            return id + "@" + time;
        }
    }

    /** A clock the test moves while {@code tail} runs. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}
