package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.cli.testing.ListVendorPlugin;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void pollsUntilStoppedThenSavesTheCheckpointAndExitsZeroAndTheNextRunContinues() throws Exception {
        Path cp = dir.resolve("tail.json");
        Path out = dir.resolve("tail.ndjson");
        List<String> all = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            StopSignal stop = new StopSignal();
            CliRunner cli = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD).clock(CLOCK).stop(stop);
            // every poll sees 3 more entries than the previous one (the first sees 5)
            CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", "testlist",
                    "--checkpoint", cp.toString(), "--interval", "20ms", "--from", "2026-01-01", "--count", "5",
                    "--grow", "3", "-o", out.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines(out) < 11 * (run + 1) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            stop.request();
            CliRunner.Result r = tail.get(10, TimeUnit.SECONDS);
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(r.stderr).contains("testlist: tailed ").contains("checkpoint saved to tail.json");
        }
        all.addAll(PullCommandTest.ids(Files.readString(out)));
        assertThat(all.size()).isGreaterThanOrEqualTo(22);
        assertThat(all).doesNotHaveDuplicates().isEqualTo(PullCommandTest.expectedIds(all.size()));
    }

    @Test
    void eachPollReadsOnlyWhatHasSettledAndALaterPollPicksUpTheRestOnce() throws Exception {
        Path cp = dir.resolve("tail.json");
        Path out = dir.resolve("tail.ndjson");
        java.time.Instant base = dev.auditsdk.cli.testing.ListEntry.BASE;
        // entry i is at base + i/2 s; a 3 s lag at base+8s lets entries 0..9 through, at base+30s all 20
        for (long seconds : new long[] {8, 30}) {
            StopSignal stop = new StopSignal();
            CliRunner cli = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD)
                    .clock(Clock.fixed(base.plusSeconds(seconds), ZoneOffset.UTC)).stop(stop);
            CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", "testlist",
                    "--checkpoint", cp.toString(), "--interval", "20ms", "--from", "2026-01-01", "--count", "20",
                    "--lag", "3s", "-o", out.toString()));
            int expected = seconds == 8 ? 10 : 20;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines(out) < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // a few more polls: nothing new may be written
            stop.request();
            CliRunner.Result r = tail.get(10, TimeUnit.SECONDS);
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(PullCommandTest.ids(Files.readString(out))).isEqualTo(PullCommandTest.expectedIds(expected));
        }
    }

    @Test
    void aNetworkFailureDuringAPollIsReportedAndRetriedAtTheNextInterval() throws Exception {
        Path cp = dir.resolve("tail.json");
        StopSignal stop = new StopSignal();
        CliRunner cli = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD).clock(CLOCK).stop(stop);
        CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", "testlist",
                "--checkpoint", cp.toString(), "--interval", "20ms", "--from", "2026-01-01", "--count", "6",
                "--fail-at", "3", "--fail-kind", "network"));
        // the first poll commits the three entries before the failure; then a few more polls fail
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(cp) && Files.readString(cp).contains("\"entries\" : 3")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        stop.request();
        CliRunner.Result r = tail.get(10, TimeUnit.SECONDS);

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.stderr).contains("auditlog: warning: testlist: cannot reach the vendor").contains("retrying in 20ms");
        // every poll fails at the same entry: the first three are delivered once, never again
        assertThat(PullCommandTest.ids(r.stdout)).containsExactly("e-00000", "e-00001", "e-00002");
    }

    @Test
    void withAnHttpPortHealthReportsTheVendorsStream() throws Exception {
        int port = MultiStreamTailTest.freePort();
        StopSignal stop = new StopSignal();
        CliRunner cli = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD).clock(CLOCK).stop(stop);
        CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", "testlist",
                "--checkpoint", dir.resolve("cp.json").toString(), "--interval", "20ms", "--from", "2026-01-01",
                "--count", "5", "--http-port", String.valueOf(port)));
        java.net.URI health = java.net.URI.create("http://127.0.0.1:" + port + "/health");
        MultiStreamTailTest.await(() -> {
            MultiStreamTailTest.Response h = MultiStreamTailTest.get(health);
            return h.status == 200 && MultiStreamTailTest.stream(h.body, "testlist").get("entries").asLong() == 5;
        }, tail, () -> String.valueOf(MultiStreamTailTest.get(health).body));
        MultiStreamTailTest.Response h = MultiStreamTailTest.get(health);
        stop.request();
        CliRunner.Result r = tail.get(10, TimeUnit.SECONDS);

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.stderr).contains("health at http://127.0.0.1:" + port + "/health");
        assertThat(h.body.get("status").asText()).isEqualTo("healthy");
        assertThat(MultiStreamTailTest.stream(h.body, "testlist").get("vendor").asText()).isEqualTo("testlist");
        assertThat(MultiStreamTailTest.stream(h.body, "testlist").get("lagSeconds").asDouble()).isNotNegative();
    }

    @Test
    void withAnHttpPortMetricsCountTheVendorsEntries() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (LifecycleSimulator sim = LifecycleSimulator.builder().seed(3).storedEvents(30).exportEvents(false)
                .range(now.minus(java.time.Duration.ofHours(1)), now).build().start()) {
            int port = MultiStreamTailTest.freePort();
            StopSignal stop = new StopSignal();
            CliRunner cli = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", LifecycleSimulator.DEFAULT_USERNAME)
                    .env("AUDITLOG_LIFECYCLE_PASSWORD", LifecycleSimulator.DEFAULT_PASSWORD).stop(stop);
            CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail",
                    "--http-port", String.valueOf(port), "lifecycle", "--checkpoint", dir.resolve("cp.json").toString(),
                    "--interval", "100ms", "--lag", "0s", "--from", now.minus(java.time.Duration.ofDays(1)).toString()));
            java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + port + "/metrics");
            MultiStreamTailTest.await(() -> MultiStreamTailTest.sample(MultiStreamTailTest.scrape(metrics),
                    "auditsdk_entries_delivered_total", "lifecycle") == 30.0, tail, () -> MultiStreamTailTest.scrape(metrics));
            String scrape = MultiStreamTailTest.scrape(metrics);
            stop.request();
            CliRunner.Result r = tail.get(10, TimeUnit.SECONDS);

            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(scrape).contains("vendor=\"lifecycle\"");
            assertThat(MultiStreamTailTest.sample(scrape, "auditsdk_requests_total", "lifecycle")).isPositive();
            assertThat(PullCommandTest.ids(r.stdout)).hasSize(30).doesNotHaveDuplicates();
        }
    }

    @Test
    void anAuthenticationFailureEndsTail() {
        CliRunner.Result r = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", "wrong-S3CR3T").clock(CLOCK)
                .run("tail", "testlist", "--checkpoint", dir.resolve("cp.json").toString(), "--interval", "20ms");

        assertThat(r.exitCode).isEqualTo(ExitCodes.AUTH);
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
