package dev.auditsdk.cli;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.VendorSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code auditlog tail} without a vendor: with {@code --config FILE} listing streams
 * ({@code streams=...}, see {@link StreamsFile}), tails every stream concurrently, each on its own
 * thread with its own checkpoint and output ({@link StreamTail}), until SIGINT/SIGTERM; then every
 * stream commits and the command exits 0. With {@code --http-port} (also accepted after a vendor,
 * for {@code tail <vendor>}), serves {@code /health} and {@code /metrics} while it runs. Without {@code --config}, asks
 * for a vendor.
 */
@Command(synopsisSubcommandLabel = "<vendor>", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpAutoWidth = true)
final class TailGroup implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec
    CommandSpec spec;

    @Option(names = "--http-port", paramLabel = "PORT", scope = ScopeType.INHERIT,
            description = "Serve GET /health (per stream healthy, degraded or failed, last error, lag; HTTP 503 when a"
                    + " stream has failed) and GET /metrics (Prometheus text) on this port while tailing; 0 for any"
                    + " free port.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", scope = ScopeType.INHERIT,
            description = "The address --http-port listens on. Default: ${DEFAULT-VALUE} (this machine only).")
    String httpHost;

    TailGroup(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Auditlog root = (Auditlog) spec.root().userObject();
        Path config = root.global.config();
        if (config == null) {
            throw new ParameterException(spec.commandLine(), "missing vendor: auditlog tail <vendor> [options], or"
                    + " auditlog tail --config FILE for the streams listed in FILE; vendors: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
        Properties props = SettingsResolver.properties(config);
        if (!StreamsFile.hasStreams(props)) {
            throw new VendorSettingException("--config " + config + " lists no streams (streams=a,b with streams.<name>.vendor"
                    + " and its options); to tail one vendor with <vendor>.<option> settings: auditlog tail <vendor> --config "
                    + config);
        }
        StreamsFile file = StreamsFile.read(config, props, env.registry(),
                id -> new StreamContext(id, m -> { }, TransportListener.NONE, AuditLogListener.NONE));
        boolean secrets = false;
        for (StreamsFile.Stream s : file.streams()) {
            var values = s.definition().settings().secretValues();
            values.forEach(env.redactor()::add);
            secrets |= !values.isEmpty();
        }
        if (secrets && SettingsResolver.readableByOthers(config)) {
            warn(root, "--config " + config + " holds secrets and can be read by other users; chmod 600 it");
        }
        env.stop().exitCodeOnStop(ExitCodes.OK);
        long start = env.clock().millis();
        List<StreamTail> tails = new ArrayList<>();
        SharedStdout stdout = new SharedStdout(env.stdout());
        TailMetrics metrics = metrics();
        try {
            for (StreamsFile.Stream s : file.streams()) {
                StreamTail tail = new StreamTail(s, env, m -> warn(root, m));
                tails.add(tail);
                tail.open(file.format(), stdout, m -> info(root, s.definition().id() + ": " + m), metrics == null
                        ? AuditLogListener.NONE : metrics.stream(s.definition().plugin().name(), s.definition().id()));
            }
            List<StreamHealth> health = tails.stream().map(StreamTail::health).collect(Collectors.toList());
            info(root, "tailing " + tails.size() + " streams: " + tails.stream().map(t -> t.definition().id())
                    .collect(Collectors.joining(", ")));
            try (HealthServer server = serve(health, metrics, m -> info(root, m))) {
                runAll(tails);
            }
        } finally {
            tails.forEach(StreamTail::close);
        }
        long millis = env.clock().millis() - start;
        int code = ExitCodes.OK;
        for (StreamTail t : tails) {
            info(root, String.format(Locale.ROOT, "%s: tailed %,d entries in %.1f s (%s); checkpoint saved to %s",
                    t.definition().id(), t.total(), millis / 1000.0, Progress.rate(t.total(), millis), t.checkpointName()));
            if (code == ExitCodes.OK) {
                code = t.exitCode();
            }
        }
        return code;
    }

    /** @return the run's meters when {@code --http-port} serves them, else null */
    TailMetrics metrics() {
        return httpPort == null ? null : new TailMetrics();
    }

    /**
     * Starts the HTTP endpoint when {@code --http-port} is given.
     *
     * @param health the streams {@code /health} reports
     * @param metrics the meters {@code /metrics} serves, from {@link #metrics()}
     * @param info tells the user where it listens
     * @return the running server, or null without {@code --http-port}
     */
    HealthServer serve(List<StreamHealth> health, TailMetrics metrics, Consumer<String> info) {
        if (httpPort == null) {
            return null;
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new VendorSettingException("--http-port must be between 0 and 65535, was " + httpPort);
        }
        HealthServer server = HealthServer.start(httpHost, httpPort, health, metrics == null ? null : metrics::scrape);
        info.accept("health at " + server.address() + "/health, metrics at " + server.address() + "/metrics");
        return server;
    }

    /** Runs every stream on its own thread until each has stopped. */
    private static void runAll(List<StreamTail> tails) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (StreamTail t : tails) {
            Thread thread = new Thread(t::run, "auditlog-stream-" + t.definition().id());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void warn(Auditlog root, String message) {
        if (!root.global.quiet()) {
            env.stderr().println("auditlog: warning: " + message);
        }
    }

    private void info(Auditlog root, String message) {
        if (!root.global.quiet()) {
            env.stderr().println("auditlog: " + message);
        }
    }
}
