package dev.auditsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end read throughput of {@link LifecycleAuditLogSource} against a baseline of plain
 * {@link HttpClient} + Jackson streaming, on the same generated log served by an in-process
 * {@link LifecycleSimulator} over loopback (about 310 bytes per event, generated on the fly so
 * the server holds nothing in memory either).
 *
 * <p>The baseline does the least a reader must do: one GET for the whole range (the JDK's
 * {@code BodyHandlers.ofInputStream()}), and each line parsed into a Jackson tree whose
 * {@code timestamp} text is touched. The SDK does what it promises: the same single request
 * (a windowSize covering the range), each line parsed into a typed entry, its timestamp turned
 * into an {@code Instant}, a stable identity derived (SHA-256 of the line's bytes plus its
 * occurrence) and read by the loop, range filtering, an order check and exactly-once tracking
 * with a checkpoint.
 *
 * <p>Run with bounded memory, after {@code mvn -pl audit-sdk-benchmarks -am package}:
 * <pre>
 * mvn -q -pl audit-sdk-benchmarks -Pbench exec:exec               # 1,000,000 events, -Xmx64m
 * java -Xmx64m -cp "$(cat audit-sdk-benchmarks/target/classpath.txt)" dev.auditsdk.benchmarks.LifecycleReadBenchmark [events] [rounds] [days]
 * </pre>
 * Prints one line per run and a summary with events/s, the SDK/baseline ratio (best of the
 * rounds) and the peak heap used.
 */
public final class LifecycleReadBenchmark {
    private static final String USER = LifecycleServerProcess.USER;
    private static final String PASSWORD = LifecycleServerProcess.PASSWORD;
    private static final Instant START = LifecycleServerProcess.START;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The whole process's CPU: reader and HTTP client threads (and the simulator, when it runs inline). */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final PrintStream out;
    private final long events;
    private final int days;
    private final URI baseUrl;
    private final String server;

    private LifecycleReadBenchmark(PrintStream out, long events, int days, URI baseUrl, String server) {
        this.out = out;
        this.events = events;
        this.days = days;
        this.baseUrl = baseUrl;
        this.server = server;
    }

    /**
     * @param args {@code [events (1000000)] [rounds (3)] [days (10)] [server: process (default) | inline]}
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String server = args.length > 3 ? args[3] : "process";
        PrintStream out = System.out;
        if ("inline".equals(server)) {
            try (LifecycleSimulator sim = LifecycleServerProcess.simulator(events, days).start()) {
                new LifecycleReadBenchmark(out, events, days, sim.baseUrl(), "in this JVM").run(rounds);
            }
            return;
        }
        if (!"process".equals(server)) {
            throw new IllegalArgumentException("server must be 'process' or 'inline', was '" + server + "'");
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                LifecycleServerProcess.class.getName(), Long.toString(events), Integer.toString(days))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String url = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            if (url == null) {
                throw new IllegalStateException("the server process exited before it printed its URL");
            }
            new LifecycleReadBenchmark(out, events, days, URI.create(url.trim()), "in its own JVM (pid "
                    + process.pid() + ")").run(rounds);
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void run(int rounds) throws Exception {
        out.printf(Locale.ROOT, "lifecycle read benchmark: %,d events over %d days, max heap %d MB, %s %s, %d cores; server %s%n",
                events, days, Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), server);
        // warm-up: the JIT should see every path before anything is measured
        measure("warm-up raw", () -> baseline(false));
        measure("warm-up typed", () -> baseline(true));
        measure("warm-up sdk", this::sdk);
        Result raw = new Result();
        Result typed = new Result();
        Result sdk = new Result();
        for (int i = 1; i <= rounds; i++) {
            raw.add(measure("baseline-raw #" + i, () -> baseline(false)));
            typed.add(measure("baseline-typed #" + i, () -> baseline(true)));
            sdk.add(measure("sdk #" + i, this::sdk));
        }
        out.printf(Locale.ROOT, "best events/s: baseline-raw %,.0f, baseline-typed %,.0f, sdk %,.0f%n",
                raw.bestRate, typed.bestRate, sdk.bestRate);
        out.printf(Locale.ROOT, "reader-thread CPU per event (median): baseline-raw %.2f us, baseline-typed %.2f us, sdk %.2f us%n",
                raw.medianCpu(), typed.medianCpu(), sdk.medianCpu());
        out.printf(Locale.ROOT, "sdk/baseline-raw %.2f (best of each), %.2f (median of the rounds' ratios, range %.2f-%.2f);"
                + " sdk/baseline-typed %.2f; peak heap used %d MB%n",
                sdk.bestRate / raw.bestRate, sdk.medianRatio(raw), sdk.minRatio(raw), sdk.maxRatio(raw),
                sdk.bestRate / typed.bestRate, peakHeapBytes() / (1024 * 1024));
    }

    /** One timed read; it must see every event. */
    private double[] measure(String name, Reader reader) throws Exception {
        System.gc();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = PROCESS.getProcessCpuTime();
        long t0 = System.nanoTime();
        long n = reader.read();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e3 / Math.max(n, 1);
        double processMicros = (PROCESS.getProcessCpuTime() - process0) / 1e3 / Math.max(n, 1);
        if (n != events) {
            throw new IllegalStateException(name + " read " + n + " events, expected " + events);
        }
        double rate = n / seconds;
        out.printf(Locale.ROOT, "%-20s %,d events in %6.2f s = %,10.0f events/s, %.2f us CPU/event (process: %.2f us)%n",
                name, n, seconds, rate, cpuMicros, processMicros);
        return new double[] {rate, cpuMicros};
    }

    /**
     * Plain JDK HttpClient + Jackson streaming: one request, each line parsed into a tree.
     * {@code typed} also does what any correct client of this day-granular API must: turn the
     * offset timestamp into an {@link Instant} (plain {@link OffsetDateTime#parse}) and drop
     * entries outside {@code [from, to)}.
     */
    private long baseline(boolean typed) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(baseUrl + LifecycleSimulator.AUDIT_LOGS_PATH + "?startUtcDate="
                + START.atOffset(ZoneOffset.UTC).toLocalDate() + "&endUtcDate="
                + START.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(days - 1L));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("baseline got HTTP " + response.statusCode());
        }
        Instant end = START.atOffset(ZoneOffset.UTC).plusDays(days).toInstant();
        ObjectReader reader = new ObjectMapper().readerFor(JsonNode.class);
        long n = 0;
        long sink = 0;
        try (InputStream body = response.body(); MappingIterator<JsonNode> lines = reader.readValues(body)) {
            while (lines.hasNext()) {
                String timestamp = lines.next().get("timestamp").textValue();
                if (typed) {
                    Instant t = OffsetDateTime.parse(timestamp).toInstant();
                    if (t.isBefore(START) || !t.isBefore(end)) {
                        continue;
                    }
                    sink += t.getNano();
                }
                sink += timestamp.length();
                n++;
            }
        }
        return sink > 0 ? n : -1;
    }

    /** The SDK: the same single request, typed entries, identities, tracking. */
    private long sdk() {
        AuditLogQuery query = AuditLogQuery.builder().from(START)
                .to(START.atOffset(ZoneOffset.UTC).plusDays(days).toInstant()).build();
        long n = 0;
        long sink = 0;
        try (LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl(baseUrl)
                .credentials(USER, PASSWORD).windowSize(Duration.ofDays(days)).build();
                AuditLogStream<LifecycleAuditEntry> entries = source.fetch(query)) {
            for (LifecycleAuditEntry e : entries) {
                sink += e.timestamp().getNano() + e.id().length();
                n++;
            }
        }
        return sink > 0 ? n : -1;
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

    /** The rounds of one reader. */
    private static final class Result {
        double bestRate;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();

        void add(double[] run) {
            bestRate = Math.max(bestRate, run[0]);
            rates.add(run[0]);
            cpu.add(run[1]);
        }

        /** This reader's rate over the other's, round by round (the rounds alternate readers, so each pair shares the machine's state). */
        List<Double> ratios(Result other) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rates.size(); i++) {
                ratios.add(rates.get(i) / other.rates.get(i));
            }
            Collections.sort(ratios);
            return ratios;
        }

        double medianRatio(Result other) {
            List<Double> r = ratios(other);
            return r.size() % 2 == 1 ? r.get(r.size() / 2) : (r.get(r.size() / 2 - 1) + r.get(r.size() / 2)) / 2;
        }

        double minRatio(Result other) {
            return ratios(other).get(0);
        }

        double maxRatio(Result other) {
            List<Double> r = ratios(other);
            return r.get(r.size() - 1);
        }

        double medianCpu() {
            List<Double> sorted = new ArrayList<>(cpu);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }
    }

    @FunctionalInterface
    private interface Reader {
        long read() throws Exception;
    }
}
