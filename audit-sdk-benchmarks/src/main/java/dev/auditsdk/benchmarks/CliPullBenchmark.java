package dev.auditsdk.benchmarks;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a user of {@code auditlog pull lifecycle -f FORMAT -o FILE} gets next to the SDK under it:
 * the same generated Lifecycle log (served by {@link LifecycleServerProcess} in a JVM of its own)
 * read, round after round, by a fresh JVM running the SDK's read loop ({@code sdk}: typed entries,
 * id and time read, nothing written) and by a fresh JVM running the CLI for each format, all under
 * {@code -Xmx64m}. Each run is timed from outside, JVM start included, and must see every event.
 * Its CPU time (user + system of the child JVM, from the shell's {@code times}) is kept too: on a
 * shared machine the CPU a reader spends per event moves much less with the load than its rate.
 *
 * <p>The CLI runs as a user runs it: through the {@code ./auditlog} launcher at the repository
 * root (system property {@code auditlog.launcher} to name another), with its class-data-sharing
 * archive and JIT setting, {@code AUDITLOG_JAVA_OPTS=-Xmx64m}; the reader {@code FORMAT-plain}
 * (e.g. {@code ndjson-plain}) runs the same command as {@code java -Xmx64m -cp … Main}, without the
 * launcher's settings. The reader {@value #SDK_JIT} is the SDK's loop with the launcher's JIT
 * setting ({@link #LAUNCHER_JIT}), to show what that setting alone gives the SDK.
 *
 * <p>The reader {@value #CURL_JQ} is what a user would script instead of the CLI:
 * {@code curl -u … URL | jq -c '{time: .timestamp, user: .username, action: .type}' > FILE} on the
 * same request (every day of the range in one). It runs only when {@code curl} and {@code jq} are
 * on the {@code PATH}; otherwise the benchmark says so and leaves it out.
 *
 * <p>The summary gives each format's best events/s and the median (and range) of its per-round
 * ratio to the SDK's run of the same round, the same for CPU per event, and, when {@value #CURL_JQ}
 * ran, the median (and range) of its per-round ratio to that.
 *
 * <pre>
 * java -cp "audit-sdk-benchmarks/target/classes:$(cat audit-sdk-benchmarks/target/classpath.txt)" \
 *   dev.auditsdk.benchmarks.CliPullBenchmark [events (200000)] [rounds (3)] [days (10)] [readers (ndjson,raw,ocsf,csv,curl-jq)]
 * </pre>
 */
public final class CliPullBenchmark {
    private static final Instant START = LifecycleServerProcess.START;
    /** The reader that pipes the REST answer through jq. */
    static final String CURL_JQ = "curl-jq";
    /** The SDK's read loop with the launcher's JIT setting. */
    static final String SDK_JIT = "sdk-jit";
    /** The suffix of a format's reader that runs the CLI without the launcher. */
    static final String PLAIN = "-plain";
    /** The JIT setting the {@code ./auditlog} launcher gives the JVM (kept in step with it by hand). */
    static final String LAUNCHER_JIT = "-XX:FreqInlineSize=100";
    /** What the jq reader keeps of each line. */
    private static final String JQ_FILTER = "{time: .timestamp, user: .username, action: .type}";

    private CliPullBenchmark() {
    }

    /**
     * @param args {@code [events] [rounds] [days] [formats]}, or {@code sdk URL EVENTS DAYS} for the
     *     child JVM that reads with the SDK
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "sdk".equals(args[0])) {
            long n = sdkRead(URI.create(args[1]), Integer.parseInt(args[3]));
            if (n != Long.parseLong(args[2])) {
                throw new IllegalStateException("the SDK read " + n + " events, expected " + args[2]);
            }
            return;
        }
        long events = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> formats = new ArrayList<>(List.of((args.length > 3 ? args[3] : "ndjson,raw,ocsf,csv," + CURL_JQ)
                .split(",")));
        if (formats.contains(CURL_JQ) && !(onPath("curl") && onPath("jq"))) {
            System.out.println("skipping " + CURL_JQ + ": curl and jq must both be on the PATH (" + System.getenv("PATH")
                    + ")");
            formats.remove(CURL_JQ);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Process server = new ProcessBuilder(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                classpath, LifecycleServerProcess.class.getName(), Long.toString(events), Integer.toString(days))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path dir = Files.createTempDirectory("cli-pull-bench");
        try {
            String url = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (url == null) {
                throw new IllegalStateException("the server process exited before it printed its URL");
            }
            new Runner(System.out, java, classpath, url.trim(), events, days, dir).run(formats, rounds);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** @return whether an executable of that name is in a directory of the {@code PATH} */
    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The SDK's own read loop, as in {@link LifecycleReadBenchmark}. */
    private static long sdkRead(URI baseUrl, int days) {
        AuditLogQuery query = AuditLogQuery.builder().from(START)
                .to(START.atOffset(ZoneOffset.UTC).plusDays(days).toInstant()).build();
        long n = 0;
        long sink = 0;
        try (LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl(baseUrl)
                .credentials(LifecycleServerProcess.USER, LifecycleServerProcess.PASSWORD).windowSize(Duration.ofDays(days)).build();
                AuditLogStream<LifecycleAuditEntry> entries = source.fetch(query)) {
            for (LifecycleAuditEntry e : entries) {
                sink += e.timestamp().getNano() + e.id().length();
                n++;
            }
        }
        return sink > 0 ? n : -1;
    }

    /** Starts the child JVMs and keeps their rates. */
    private static final class Runner {
        private final PrintStream out;
        private final String java;
        private final String classpath;
        private final String url;
        private final long events;
        private final int days;
        private final Path dir;

        Runner(PrintStream out, String java, String classpath, String url, long events, int days, Path dir) {
            this.out = out;
            this.java = java;
            this.classpath = classpath;
            this.url = url;
            this.events = events;
            this.days = days;
            this.dir = dir;
        }

        void run(List<String> formats, int rounds) throws Exception {
            out.printf(Locale.ROOT, "cli pull benchmark: %,d events over %d days, fresh JVMs with -Xmx64m, %s %s, %d cores%n",
                    events, days, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            // warm the server's JIT and the page cache once
            time("warm-up sdk", sdk(), null);
            if (formats.stream().anyMatch(f -> !f.endsWith(PLAIN) && !CURL_JQ.equals(f) && !SDK_JIT.equals(f))) {
                // the launcher's first run after a build writes its class-data-sharing archive
                int code = new ProcessBuilder(launcher(), "vendors").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                if (code != 0) {
                    throw new IllegalStateException("the launcher's warm-up run (auditlog vendors) exited with " + code);
                }
            }
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            rates.put("sdk", new ArrayList<>());
            cpu.put("sdk", new ArrayList<>());
            formats.forEach(f -> {
                rates.put(f, new ArrayList<>());
                cpu.put(f, new ArrayList<>());
            });
            for (int i = 1; i <= rounds; i++) {
                double[] run = time("sdk #" + i, sdk(), null);
                rates.get("sdk").add(run[0]);
                cpu.get("sdk").add(run[1]);
                for (String f : formats) {
                    Path file = dir.resolve("out." + f);
                    run = time(f + " #" + i, command(f, file), SDK_JIT.equals(f) ? null : file);
                    rates.get(f).add(run[0]);
                    cpu.get(f).add(run[1]);
                }
            }
            List<Double> sdk = rates.get("sdk");
            out.printf(Locale.ROOT, "sdk: best %,.0f events/s, median %.2f us CPU/event%n", Collections.max(sdk),
                    median(cpu.get("sdk")));
            for (String f : formats) {
                List<Double> ratios = new ArrayList<>();
                List<Double> cpuRatios = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    ratios.add(rates.get(f).get(i) / sdk.get(i));
                    // the SDK's CPU over the format's: the rate ratio a CPU-bound run would reach
                    cpuRatios.add(cpu.get("sdk").get(i) / cpu.get(f).get(i));
                }
                Collections.sort(ratios);
                Collections.sort(cpuRatios);
                out.printf(Locale.ROOT, "%-7s best %,9.0f events/s; %s/sdk median of rounds %.2f (range %.2f-%.2f);"
                        + " CPU %.2f us/event, sdk-CPU/%s-CPU %.2f (range %.2f-%.2f)%n", f,
                        Collections.max(rates.get(f)), f, median(ratios), ratios.get(0), ratios.get(ratios.size() - 1),
                        median(cpu.get(f)), f, median(cpuRatios), cpuRatios.get(0), cpuRatios.get(cpuRatios.size() - 1));
            }
            if (rates.containsKey(CURL_JQ)) {
                for (String f : formats) {
                    if (!CURL_JQ.equals(f)) {
                        summarizeAgainst(f, CURL_JQ, rates, cpu, rounds);
                    }
                }
            }
        }

        /** Prints the per-round rate and CPU ratios of one reader to another. */
        private void summarizeAgainst(String f, String base, Map<String, List<Double>> rates, Map<String, List<Double>> cpu,
                int rounds) {
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ratios.add(rates.get(f).get(i) / rates.get(base).get(i));
                cpuRatios.add(cpu.get(base).get(i) / cpu.get(f).get(i));
            }
            Collections.sort(ratios);
            Collections.sort(cpuRatios);
            out.printf(Locale.ROOT, "%-7s %s/%s median of rounds %.2f (range %.2f-%.2f); %s-CPU/%s-CPU %.2f (range %.2f-%.2f)%n",
                    f, f, base, median(ratios), ratios.get(0), ratios.get(ratios.size() - 1), base, f, median(cpuRatios),
                    cpuRatios.get(0), cpuRatios.get(cpuRatios.size() - 1));
        }

        private static double median(List<Double> values) {
            List<Double> v = new ArrayList<>(values);
            Collections.sort(v);
            return v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        }

        private List<String> sdk() {
            return sdk(List.of());
        }

        private List<String> sdk(List<String> jvmOptions) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx64m"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
                    CliPullBenchmark.class.getName(), "sdk", url, Long.toString(events), Integer.toString(days)));
            return command;
        }

        /** The command of a reader other than {@code sdk}. */
        private List<String> command(String reader, Path file) {
            if (CURL_JQ.equals(reader)) {
                return curlJq(file);
            }
            if (SDK_JIT.equals(reader)) {
                return sdk(List.of(LAUNCHER_JIT));
            }
            if (reader.endsWith(PLAIN)) {
                List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", classpath, "dev.auditsdk.cli.Main"));
                command.addAll(pull(reader.substring(0, reader.length() - PLAIN.length()), file));
                return command;
            }
            // what a user runs: the launcher, with its class-data-sharing archive and JIT setting
            List<String> command = new ArrayList<>(List.of(launcher()));
            command.addAll(pull(reader, file));
            return command;
        }

        private List<String> pull(String format, Path file) {
            return List.of("pull", "lifecycle",
                    "--base-url", url, "--username", LifecycleServerProcess.USER, "--window-size", days + "d",
                    "--from", START.toString(), "--to", START.atOffset(ZoneOffset.UTC).plusDays(days).toInstant().toString(),
                    "-f", format, "-o", file.toString());
        }

        /** The {@code ./auditlog} launcher: property {@code auditlog.launcher}, else {@code ./auditlog} here. */
        private static String launcher() {
            Path launcher = Path.of(System.getProperty("auditlog.launcher", "auditlog")).toAbsolutePath();
            if (!Files.isExecutable(launcher)) {
                throw new IllegalStateException("no launcher at " + launcher + ": run from the repository root or set"
                        + " -Dauditlog.launcher=PATH (or use the reader FORMAT" + PLAIN + " for the jar without it)");
            }
            return launcher.toString();
        }

        /**
         * The request the SDK makes for the range (its first and last UTC day, both inclusive), piped
         * through jq into the file. The password comes from the environment, as for the CLI.
         */
        private List<String> curlJq(Path file) {
            String first = START.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String last = START.atOffset(ZoneOffset.UTC).plusDays(days - 1).toLocalDate().toString();
            String request = url.replaceAll("/+$", "") + "/api/v2/auditLogs?startUtcDate=" + first + "&endUtcDate=" + last;
            return List.of("sh", "-c", "curl -sS --fail -u \"$1:$AUDITLOG_LIFECYCLE_PASSWORD\" \"$2\" | jq -c \"$3\" > \"$4\"",
                    "sh", LifecycleServerProcess.USER, request, JQ_FILTER, file.toString());
        }

        /**
         * Runs one reader to its end under {@code sh}, whose {@code times} reports the CPU of its
         * children (and theirs: curl and jq for the pipe); checks the output's record count.
         *
         * @param file where the reader writes its records; null for the SDK, which writes none
         * @return events/s and CPU microseconds per event
         */
        private double[] time(String name, List<String> command, Path file) throws IOException, InterruptedException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            List<String> shell = new ArrayList<>(List.of("sh", "-c", "\"$@\"; c=$?; times > \"$TIMES_FILE\"; exit $c", "sh"));
            shell.addAll(command);
            Path times = dir.resolve("times.txt");
            ProcessBuilder pb = new ProcessBuilder(shell).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("stderr.txt").toFile());
            pb.environment().put("TIMES_FILE", times.toString());
            pb.environment().put("AUDITLOG_LIFECYCLE_PASSWORD", LifecycleServerProcess.PASSWORD);
            // the launcher's JVM gets the same heap as every other reader
            pb.environment().put("AUDITLOG_JAVA_OPTS", "-Xmx64m");
            long t0 = System.nanoTime();
            int code = pb.start().waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(name + " exited with " + code + ": "
                        + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
            }
            if (Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8).contains("auditlog: building")) {
                throw new IllegalStateException(name + ": the launcher rebuilt the jar within the timed run (a source"
                        + " changed since the build): rebuild first, and change nothing while the benchmark runs");
            }
            if (file != null) {
                long lines;
                try (var l = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines = l.count();
                }
                long expected = file.getFileName().toString().startsWith("out.csv") ? events + 1 : events;
                if (lines != expected) {
                    throw new IllegalStateException(name + " wrote " + lines + " lines, expected " + expected);
                }
            }
            double rate = events / seconds;
            double cpuMicros = childCpuSeconds(times) * 1e6 / events;
            out.printf(Locale.ROOT, "%-14s %,d events in %6.2f s = %,9.0f events/s, %.2f us CPU/event%n", name, events,
                    seconds, rate, cpuMicros);
            return new double[] {rate, cpuMicros};
        }

        /** The second line of {@code times}: the children's user and system time, e.g. {@code 0m1.230000s 0m0.120000s}. */
        private static double childCpuSeconds(Path times) throws IOException {
            List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
            double total = 0;
            for (String t : lines.get(lines.size() - 1).trim().split("\\s+")) {
                int m = t.indexOf('m');
                total += Integer.parseInt(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
            }
            return total;
        }
    }
}
