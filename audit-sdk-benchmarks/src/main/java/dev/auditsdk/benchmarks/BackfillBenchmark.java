package dev.auditsdk.benchmarks;

import dev.auditsdk.boomi.BoomiAuditLogSource;
import dev.auditsdk.boomi.BoomiSourceBuilder;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.informatica.InformaticaAuditLogSource;
import dev.auditsdk.informatica.InformaticaAuditLogSourceBuilder;
import dev.auditsdk.jitterbit.JitterbitApiLogSource;
import dev.auditsdk.jitterbit.JitterbitSourceBuilder;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import dev.auditsdk.lifecycle.LifecycleSourceBuilder;
import dev.auditsdk.testkit.SimulatorServer;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import dev.auditsdk.uipath.UiPathAuditLogSource;
import dev.auditsdk.uipath.UiPathSourceBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A 60-day backfill per vendor against its testkit simulator with a round trip of 100 ms per
 * request, read once one request at a time ({@code parallelism(1)}) and once with the vendor's
 * default parallelism (or {@code -Dbackfill.parallelism=N}), in the same run: seconds, requests, entries/s, speed-up, the most requests
 * the simulator answered at once, and the peak heap of each read. The two reads of a vendor must
 * deliver the same entries in the same order, or the benchmark fails. For Boomi it also reports
 * the requests per second against the account's budget of 10 and the simulator's throttling
 * answers (503), which must stay at zero. For UiPath classic and Informatica v2, whose default
 * page grew to the largest the API serves, a third read shows the sequential read at the
 * previous default page (100 and 200 entries). Run it under {@code -Xmx64m}.
 *
 * <p>Arguments (all optional): {@code [entries] [days] [latencyMillis] [vendor,...]}; defaults
 * 20,000, 60, 100 and {@code lifecycle,uipath,informatica,jitterbit,boomi}.
 */
public final class BackfillBenchmark {
    private static final Instant END = Instant.parse("2026-03-01T00:00:00Z");

    private BackfillBenchmark() {
    }

    /**
     * @param args {@code [entries] [days] [latencyMillis] [vendor,...]}; speed-up is the parallel read's
     *     against the sequential read at the same page size
     * @throws Exception when a read fails or the parallel read differs from the sequential one
     */
    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 100);
        List<String> vendors = Arrays.asList((args.length > 3 ? args[3] : "lifecycle,uipath,informatica,jitterbit,boomi")
                .split(","));
        Instant start = END.minus(Duration.ofDays(days));
        System.out.printf(Locale.ROOT, "backfill of %d days, %d entries per vendor, %d ms per request, max heap %d MB, JDK %s%n",
                days, entries, latency.toMillis(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        System.out.println("| vendor | parallelism | requests | seconds | entries/s | speed-up | max in flight"
                + " | req/s | 503s | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String vendor : vendors) {
            Vendor v = vendor(vendor.trim(), entries, start);
            // a fresh simulator (same seed, same log) per read: no export, token or cache of one read helps the next
            Read previousPage = v.previousPage == null ? null : read(v, latency, 1, start, v.previousPage);
            Read sequential = read(v, latency, 1, start, b -> { });
            Read parallel = read(v, latency, Integer.getInteger("backfill.parallelism", -1), start, b -> { });
            if (!parallel.ids.equals(sequential.ids)) {
                throw new IllegalStateException(vendor + ": the parallel read differs from the sequential one ("
                        + parallel.ids.size() + " vs " + sequential.ids.size() + " entries)");
            }
            if (previousPage != null) {
                if (!previousPage.ids.equals(sequential.ids)) {
                    throw new IllegalStateException(vendor + ": the read with the previous page size differs");
                }
                previousPage.print(vendor + " (previous default page)", Double.NaN);
            }
            sequential.print(vendor, 1.0);
            parallel.print(vendor, sequential.seconds / parallel.seconds);
        }
    }

    private static Read read(Vendor v, Duration latency, int parallelism, Instant start,
            Consumer<AbstractSourceBuilder<?>> tweak) {
        try (SimulatorServer sim = v.simulator.get()) {
            sim.start();
            sim.setLatency(latency);
            System.gc();
            resetPeakHeap();
            AbstractSourceBuilder<?> builder = v.builder.apply(sim);
            if (parallelism > 0) {
                builder.parallelism(parallelism);
            }
            tweak.accept(builder);
            int used = builder.configuredParallelism();
            long t0 = System.nanoTime();
            List<String> ids = new ArrayList<>();
            try (AuditLogSource<? extends AuditLogEntry> source = v.build.apply(builder);
                 AuditLogStream<? extends AuditLogEntry> stream = source.fetch(AuditLogQuery.builder().from(start).to(END).build())) {
                for (AuditLogEntry e : stream) {
                    ids.add(e.id());
                }
            } catch (Exception e) {
                throw new IllegalStateException(v.name + " read failed", e);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Read(used, ids, sim.requestCount(), seconds, sim.maxInFlight(), v.throttled(sim), peakHeapBytes());
        }
    }

    /** One vendor's simulator, and how a source reading it is configured and built. */
    private static final class Vendor {
        final String name;
        final Supplier<SimulatorServer> simulator;
        final Function<SimulatorServer, AbstractSourceBuilder<?>> builder;
        final Function<AbstractSourceBuilder<?>, AuditLogSource<? extends AuditLogEntry>> build;
        /** Sets the page size the vendor's source used before it defaulted to the largest; null if unchanged. */
        Consumer<AbstractSourceBuilder<?>> previousPage;

        Vendor(String name, Supplier<SimulatorServer> simulator, Function<SimulatorServer, AbstractSourceBuilder<?>> builder,
                Function<AbstractSourceBuilder<?>, AuditLogSource<? extends AuditLogEntry>> build) {
            this.name = name;
            this.simulator = simulator;
            this.builder = builder;
            this.build = build;
        }

        Vendor previousPage(Consumer<AbstractSourceBuilder<?>> setter) {
            this.previousPage = setter;
            return this;
        }

        int throttled(SimulatorServer sim) {
            return sim instanceof BoomiSimulator ? ((BoomiSimulator) sim).throttledCount() : 0;
        }
    }

    private static Vendor vendor(String name, int entries, Instant start) {
        Duration span = Duration.between(start, END);
        switch (name) {
            case "lifecycle":
                return new Vendor(name, () -> LifecycleSimulator.builder().seed(1).exportEvents(false).storedEvents(entries)
                        .range(start, END).build(),
                        sim -> LifecycleAuditLogSource.builder().baseUrl(sim.baseUrl())
                                .credentials(LifecycleSimulator.DEFAULT_USERNAME, LifecycleSimulator.DEFAULT_PASSWORD),
                        b -> ((LifecycleSourceBuilder) b).build());
            case "uipath":
                return new Vendor(name, () -> UiPathSimulator.builder().seed(2).client("bench", "bench-secret")
                        .classicEntries(entries).dataBetween(start, END).build(),
                        sim -> UiPathAuditLogSource.builder().baseUrl(sim.baseUrl())
                                .organization(((UiPathSimulator) sim).organization()).tenant(((UiPathSimulator) sim).tenant())
                                .clientCredentials("bench", "bench-secret"),
                        b -> ((UiPathSourceBuilder) b).build())
                        .previousPage(b -> ((UiPathSourceBuilder) b).pageSize(100));
            case "informatica":
                return new Vendor(name, () -> InformaticaSimulator.builder().seed(3).auditEntries(entries).endingAt(END).span(span)
                        .credentials("bench@example.com", "bench-password").build(),
                        sim -> InformaticaAuditLogSource.builder().baseUrl(((InformaticaSimulator) sim).loginUrl())
                                .credentials("bench@example.com", "bench-password"),
                        b -> ((InformaticaAuditLogSourceBuilder) b).build())
                        .previousPage(b -> ((InformaticaAuditLogSourceBuilder) b).batchSize(200));
            case "jitterbit":
                return new Vendor(name, () -> JitterbitSimulator.builder().seed(4).entries(entries).span(start, END).build(),
                        sim -> JitterbitApiLogSource.builder().baseUrl(sim.baseUrl())
                                .credentials(JitterbitSimulator.DEFAULT_EMAIL, JitterbitSimulator.DEFAULT_PASSWORD),
                        b -> ((JitterbitSourceBuilder) b).build());
            case "boomi":
                return new Vendor(name, () -> BoomiSimulator.builder().seed(5).entries(entries).startingAt(start)
                        .spacing(span.dividedBy(entries)).build(),
                        sim -> BoomiAuditLogSource.builder().baseUrl(sim.baseUrl())
                                .accountId(((BoomiSimulator) sim).accountId())
                                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                                // each read its own limiter: the sequential read's permits do not delay the parallel one
                                .rateLimits(new RateLimitRegistry()),
                        b -> ((BoomiSourceBuilder) b).build());
            default:
                throw new IllegalArgumentException("unknown vendor " + name
                        + "; expected lifecycle, uipath, informatica, jitterbit or boomi");
        }
    }

    /** The outcome of one read. */
    private static final class Read {
        final int parallelism;
        final List<String> ids;
        final int requests;
        final double seconds;
        final int maxInFlight;
        final int throttled;
        final long peakHeap;

        Read(int parallelism, List<String> ids, int requests, double seconds, int maxInFlight, int throttled, long peakHeap) {
            this.parallelism = parallelism;
            this.ids = Objects.requireNonNull(ids);
            this.requests = requests;
            this.seconds = seconds;
            this.maxInFlight = maxInFlight;
            this.throttled = throttled;
            this.peakHeap = peakHeap;
        }

        void print(String vendor, double speedUp) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %,.0f | %s | %d | %.1f | %d | %d |%n", vendor,
                    parallelism, requests, seconds, ids.size() / seconds,
                    Double.isNaN(speedUp) ? "—" : String.format(Locale.ROOT, "%.1f×", speedUp), maxInFlight,
                    requests / seconds, throttled, peakHeap / (1024 * 1024));
        }
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
