package dev.auditsdk.cli;

import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import dev.auditsdk.registry.VendorSettings;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.Target;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auditlog demo}: starts every vendor's simulator in-process, pulls the last day from
 * each through the real SDK (with one transient failure injected per vendor, to show a retry),
 * and prints a table per vendor and a summary. Needs no network and no credentials.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the simulator of every vendor in-process, pull the last day from each through the SDK,"
                + " and print a table per vendor plus a summary (entries, requests, retries, elapsed).",
            "Needs no network and no credentials."})
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CliEnvironment env;
    @Spec
    CommandSpec spec;

    @Option(names = "--vendor", paramLabel = "NAME", split = ",", description = "Only these vendors (default: all).")
    List<String> only;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "8", description = "Rows shown per vendor. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the generated data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-faults", description = "Do not inject a transient failure per vendor.")
    boolean noFaults;

    DemoCommand(CliEnvironment env) {
        this.env = env;
    }

    /** One vendor's result. */
    private static final class Row {
        final String vendor;
        final long entries;
        final int requests;
        final long retries;
        final long millis;
        final String error;

        Row(String vendor, long entries, int requests, long retries, long millis, String error) {
            this.vendor = vendor;
            this.entries = entries;
            this.requests = requests;
            this.retries = retries;
            this.millis = millis;
            this.error = error;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VendorPlugin> plugins = selected();
        Instant now = env.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        List<Row> results = new ArrayList<>();
        for (VendorPlugin plugin : plugins) {
            Optional<DemoSetup> started = VendorDemos.start(plugin, now, seed);
            if (started.isEmpty()) {
                continue;
            }
            try (DemoSetup setup = started.get()) {
                results.add(run(plugin, setup, now, out));
            }
            out.flush();
        }
        if (results.isEmpty()) {
            out.println("No vendor with a simulator is available in this build.");
            out.flush();
            return ExitCodes.SOFTWARE;
        }
        printSummary(results, out);
        out.flush();
        return results.stream().anyMatch(r -> r.error != null) ? ExitCodes.SOFTWARE : ExitCodes.OK;
    }

    private List<VendorPlugin> selected() {
        List<VendorPlugin> all = env.registry().all();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<VendorPlugin> chosen = new ArrayList<>();
        for (String name : only) {
            chosen.add(env.registry().find(name).orElseThrow(() -> new VendorSettingException("demo: unknown vendor '" + name
                    + "'; known: " + all.stream().map(VendorPlugin::name).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    private Row run(VendorPlugin plugin, DemoSetup setup, Instant now, PrintWriter out) {
        SimulatorServer data = setup.simulators().get(0);
        Optional<String> faultPath = noFaults ? Optional.empty() : setup.retryablePath();
        faultPath.ifPresent(p -> data.injectFault(p, Fault.status(503, "Service Unavailable (injected by auditlog demo)")));
        out.printf("%n== %s: %s (simulator at %s)%n", plugin.name(), plugin.description(), data.baseUrl());
        VendorSettings settings = VendorSettings.of(plugin, setup.settings());
        RequestStats stats = new RequestStats();
        long start = System.nanoTime();
        long entries = 0;
        List<AuditEvent> shown = new ArrayList<>();
        String error = null;
        AuditLogQuery query = AuditLogQuery.builder().from(now.minus(Duration.ofDays(1))).to(now).build();
        try (AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(settings, context(stats));
                AuditLogStream<? extends AuditLogEntry> stream = source.fetch(query)) {
            for (AuditLogEntry e : stream) {
                if (shown.size() < rows) {
                    shown.add(e.toAuditEvent());
                }
                entries++;
            }
        } catch (RuntimeException e) {
            error = ErrorReporter.message(e, plugin, settings);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        printTable(shown, entries, out);
        if (error != null) {
            out.println(error);
        }
        // sources whose builder takes no transport listener report nothing: then count the injected
        // failure, which the first matching request received and the SDK retried (the pull went on)
        long retries = stats.requests() > 0 ? stats.retries()
                : faultPath.filter(p -> data.requestCount(p) > 0).map(p -> 1L).orElse(0L);
        return new Row(plugin.name(), entries, setup.requestCount(), error == null ? retries : 0, millis, error);
    }

    private VendorContext context(RequestStats stats) {
        return new VendorContext() {
            @Override
            public dev.auditsdk.core.http.TransportListener transportListener() {
                return stats;
            }

            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public char[] promptSecret(String prompt) {
                throw new VendorSettingException("the demo cannot prompt for '" + prompt.trim() + "'");
            }

            @Override
            public void warn(String message) {
                env.stderr().println("auditlog: warning: " + message);
            }
        };
    }

    private static void printTable(List<AuditEvent> events, long total, PrintWriter out) {
        String format = "%-21s  %-22s  %-28s  %-7s  %-4s  %s%n";
        out.printf(format, "TIME", "ACTOR", "ACTION", "OUTCOME", "OCSF", "DETAILS");
        for (AuditEvent e : events) {
            out.printf(format, TIME.format(e.time()), cut(actor(e), 22), cut(action(e), 28), e.outcome().name(),
                    e.ocsfClass().uid(), cut(details(e), 60));
        }
        if (total > events.size()) {
            out.printf("... and %,d more%n", total - events.size());
        }
    }

    private static void printSummary(List<Row> rows, PrintWriter out) {
        out.println();
        out.println("== summary");
        String format = "%-22s %10s %9s %8s %9s%n";
        out.printf(format, "VENDOR", "ENTRIES", "REQUESTS", "RETRIES", "ELAPSED");
        long entries = 0;
        long requests = 0;
        long retries = 0;
        long millis = 0;
        for (Row r : rows) {
            out.printf(format, r.vendor, String.format(Locale.ROOT, "%,d", r.entries), r.requests, r.retries,
                    seconds(r.millis) + (r.error == null ? "" : "  FAILED"));
            entries += r.entries;
            requests += r.requests;
            retries += r.retries;
            millis += r.millis;
        }
        out.printf(format, "total", String.format(Locale.ROOT, "%,d", entries), requests, retries, seconds(millis));
    }

    private static String actor(AuditEvent e) {
        return e.actor().name().or(() -> e.actor().email()).or(() -> e.actor().id()).orElse("-");
    }

    private static String action(AuditEvent e) {
        return e.category().map(c -> c + "/" + e.action()).orElse(e.action());
    }

    private static String details(AuditEvent e) {
        Optional<String> target = e.target().flatMap(t -> t.name().or(() -> t.id())
                .map(n -> t.type().map(ty -> ty + " " + n).orElse(n)));
        return e.message().or(() -> target).orElse(e.target().flatMap(Target::type).orElse(""));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String cut(String s, int width) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= width ? one : one.substring(0, width - 1) + "~";
    }
}
