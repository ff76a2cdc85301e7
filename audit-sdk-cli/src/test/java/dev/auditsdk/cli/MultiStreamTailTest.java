package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.testkit.SimulatorServer;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auditlog tail --config} with five vendors' simulators in one process: every stream is
 * isolated, {@code /health} tells them apart, and a stop commits every stream's checkpoint.
 */
class MultiStreamTailTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String FROM = NOW.minus(Duration.ofDays(2)).toString();
    private static final String WRONG = "wrong-S3CR3T-client-secret";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void fiveVendorsInOneProcessOneWithAWrongSecretTheOthersDeliverExactlyTheirEntries() throws Exception {
        Map<String, DemoSetup> setups = new LinkedHashMap<>();
        try {
            setups.put("boomi-acme", VendorDemos.start(plugin("boomi"), NOW, 41).orElseThrow());
            setups.put("iq", lifecycle());
            setups.put("idmc", VendorDemos.start(plugin("informatica"), NOW, 43).orElseThrow());
            setups.put("harmony", VendorDemos.start(plugin("jitterbit"), NOW, 44).orElseThrow());
            setups.put("uipath-eu", VendorDemos.start(plugin("uipath"), NOW, 45).orElseThrow());
            StringBuilder config = new StringBuilder("streams=" + String.join(",", setups.keySet()) + "\n"
                    + "checkpoint.dir=state\n");
            setups.forEach((id, setup) -> {
                String vendor = vendorOf(id);
                config.append("streams.").append(id).append(".vendor=").append(vendor).append('\n');
                config.append("streams.").append(id).append(".from=").append(FROM).append('\n');
                config.append("streams.").append(id).append(".poll.interval=").append(id.equals("iq") ? "1s" : "100ms")
                        .append('\n');
                config.append("streams.").append(id).append(".lag=0s\n");
                setup.settings().forEach((k, v) -> config.append("streams.").append(id).append('.').append(k).append('=')
                        .append(k.equals("client-secret") ? WRONG : v).append('\n'));
            });
            // two streams write files, the others share stdout
            config.append("streams.idmc.output=out/idmc.ndjson\nstreams.harmony.output=out/harmony.ndjson\n");
            Files.createDirectories(dir.resolve("state"));
            Files.createDirectories(dir.resolve("out"));
            Path file = dir.resolve("collector.properties");
            Files.writeString(file, config.toString());
            Map<String, Integer> held = new LinkedHashMap<>();
            setups.forEach((id, setup) -> held.put(id, held(setup.simulators().get(0))));

            int port = freePort();
            StopSignal stop = new StopSignal();
            CliRunner cli = new CliRunner().stop(stop);
            CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", "--config",
                    file.toString(), "--http-port", String.valueOf(port)));

            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            await(() -> {
                JsonNode h = get(health).body;
                return h != null && status(h, "uipath-eu").equals("failed") && List.of("boomi-acme", "iq", "idmc", "harmony")
                        .stream().allMatch(id -> status(h, id).equals("healthy")
                                && stream(h, id).get("entries").asLong() == held.get(id));
            }, tail, () -> get(health).body + " simulators hold " + held);
            Response failing = get(health);
            assertThat(failing.status).isEqualTo(503);
            assertThat(failing.body.get("status").asText()).isEqualTo("failed");
            assertThat(stream(failing.body, "uipath-eu").get("lastError").asText()).contains("authentication failed")
                    .doesNotContain(WRONG);
            for (String id : List.of("boomi-acme", "iq", "idmc", "harmony")) {
                assertThat(stream(failing.body, id).get("lagSeconds").asDouble()).as(id).isPositive();
            }
            // Lifecycle answers up to the second asked for: caught up, its lag is the time since its last poll
            assertThat(stream(failing.body, "iq").get("lagSeconds").asDouble()).isLessThan(WAIT.getSeconds());
            // the meters of every stream: delivered counts equal to what the simulators hold, the failures counted
            URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
            String scrape = scrape(metrics);
            for (String id : List.of("boomi-acme", "iq", "idmc", "harmony")) {
                assertThat(sample(scrape, "auditsdk_entries_delivered_total", id)).as(id).isEqualTo((double) held.get(id));
            }
            assertThat(sample(scrape, "auditsdk_failures_total", "uipath-eu")).isPositive();
            assertThat(scrape).doesNotContain(WRONG);
            // once caught up, Lifecycle's lag is the time since its last complete read: under its poll interval
            await(() -> sample(scrape(metrics), "auditsdk_collection_lag_seconds", "iq") < 1.0, tail,
                    () -> "lag " + sample(scrape(metrics), "auditsdk_collection_lag_seconds", "iq"));
            Thread.sleep(300); // a few more polls of every stream: nothing is delivered twice, the failing one is retried
            assertThat(tail).as("one stream failing does not stop the process").isNotDone();

            stop.request();
            CliRunner.Result r = tail.get(WAIT.getSeconds(), TimeUnit.SECONDS);

            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(r.stdout + r.stderr + r.log).doesNotContain(WRONG);
            assertThat(r.stderr).contains("uipath-eu: uipath: authentication failed").contains("retrying in");
            Map<String, List<String>> stdout = byStream(r.stdout);
            assertThat(stdout).containsOnlyKeys("boomi-acme", "iq");
            Map<String, List<String>> delivered = new LinkedHashMap<>(stdout);
            delivered.put("idmc", PullCommandTest.ids(Files.readString(dir.resolve("out/idmc.ndjson"))));
            delivered.put("harmony", PullCommandTest.ids(Files.readString(dir.resolve("out/harmony.ndjson"))));
            for (String id : delivered.keySet()) {
                DemoSetup setup = setups.get(id);
                List<String> expected = pulled(vendorOf(id), setup);
                assertThat(delivered.get(id)).as(id).doesNotHaveDuplicates().hasSize(held.get(id))
                        .containsExactlyInAnyOrderElementsOf(expected);
                try (CheckpointStore store = CheckpointStore.open(dir.resolve("state/" + id + ".checkpoint.json"))) {
                    CheckpointState state = store.load().orElseThrow();
                    assertThat(state.entries()).as(id).isEqualTo((long) held.get(id));
                    assertThat(state.vendor()).contains(vendorOf(id));
                }
            }
            try (CheckpointStore store = CheckpointStore.open(dir.resolve("state/uipath-eu.checkpoint.json"))) {
                assertThat(store.load().orElseThrow().entries()).isZero();
            }
            assertThat(r.stderr).contains("boomi-acme: tailed " + String.format(java.util.Locale.ROOT, "%,d", held.get("boomi-acme")));
        } finally {
            setups.values().forEach(DemoSetup::close);
        }
    }

    /**
     * The demo's Lifecycle data, without the event the real server appends for every read of
     * the audit log (each poll would add one): the set the stream must deliver stays fixed.
     */
    private static DemoSetup lifecycle() {
        LifecycleSimulator sim = LifecycleSimulator.builder().seed(42).storedEvents(300).exportEvents(false)
                .range(NOW.minus(Duration.ofDays(1)), NOW).build().start();
        return new DemoSetup(Map.of("base-url", sim.baseUrl().toString(), "username", LifecycleSimulator.DEFAULT_USERNAME,
                "password", LifecycleSimulator.DEFAULT_PASSWORD), List.of(sim), null);
    }

    /** @return what one {@code pull} of the whole range reads from the stream's simulator */
    private static List<String> pulled(String vendor, DemoSetup setup) {
        VendorPlugin plugin = plugin(vendor);
        CliRunner cli = new CliRunner();
        for (VendorOption o : plugin.options()) {
            String value = setup.settings().get(o.name());
            if (value != null) {
                cli.env(o.envVar(plugin.settingsPrefix()), value);
            }
        }
        CliRunner.Result r = cli.run("pull", vendor, "--from", FROM, "--to", Instant.now().toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        return PullCommandTest.ids(r.stdout);
    }

    /** @return the entries the simulator holds: the range of every stream covers them all */
    private static int held(SimulatorServer sim) {
        if (sim instanceof BoomiSimulator) {
            return ((BoomiSimulator) sim).entries().size();
        }
        if (sim instanceof LifecycleSimulator) {
            return ((LifecycleSimulator) sim).storedEventCount();
        }
        if (sim instanceof InformaticaSimulator) {
            return ((InformaticaSimulator) sim).auditEntries().size();
        }
        if (sim instanceof JitterbitSimulator) {
            return ((JitterbitSimulator) sim).records().size();
        }
        return -1;
    }

    private static Map<String, List<String>> byStream(String stdout) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                JsonNode record = Json.mapper().readTree(line);
                out.computeIfAbsent(record.get("stream").asText(), k -> new ArrayList<>()).add(record.get("id").asText());
            }
        }
        return out;
    }

    private static String vendorOf(String stream) {
        switch (stream) {
            case "boomi-acme":
                return "boomi";
            case "iq":
                return "lifecycle";
            case "idmc":
                return "informatica";
            case "harmony":
                return "jitterbit";
            default:
                return "uipath";
        }
    }

    static VendorPlugin plugin(String name) {
        return VendorRegistry.builtIn().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static String status(JsonNode health, String stream) {
        JsonNode s = stream(health, stream);
        return s == null ? "" : s.get("status").asText();
    }

    static JsonNode stream(JsonNode health, String stream) {
        for (JsonNode s : health.get("streams")) {
            if (s.get("stream").asText().equals(stream)) {
                return s;
            }
        }
        return null;
    }

    /** An HTTP answer: its status and JSON body. */
    static final class Response {
        final int status;
        final JsonNode body;

        Response(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }
    }

    static Response get(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), Json.mapper().readTree(r.body()));
        } catch (IOException e) {
            return new Response(-1, null); // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the condition holds; fails if the tail ended or the wait ran out. */
    static void await(BooleanSupplier condition, CompletableFuture<CliRunner.Result> tail, Supplier<String> state)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (tail.isDone()) {
                throw new AssertionError("tail ended: " + tail.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT + ": " + state.get());
            }
            Thread.sleep(50);
        }
    }

    /** @return the text {@code /metrics} serves; empty while the server is not listening yet */
    static String scrape(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains(HealthServer.PROMETHEUS_TEXT);
            return r.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the sum of a metric's samples for a stream (over its other tags), NaN when it has none */
    static double sample(String scrape, String metric, String stream) {
        double sum = Double.NaN;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(metric + "{") && line.contains("stream=\"" + stream + "\"")) {
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                sum = Double.isNaN(sum) ? v : sum + v;
            }
        }
        return sum;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
