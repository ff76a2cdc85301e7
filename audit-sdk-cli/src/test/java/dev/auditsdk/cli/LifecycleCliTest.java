package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aUserWithoutTheAuditPermissionIsToldWhichPermissionIsMissing() {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().storedEvents(10)
                .range(NOW.minus(Duration.ofDays(1)), NOW).userWithoutAuditPermission("viewer", "viewer-S3CR3T").build()
                .start()) {
            CliRunner.Result r = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", "viewer").env("AUDITLOG_LIFECYCLE_PASSWORD", "viewer-S3CR3T")
                    .run("pull", "lifecycle", "--from", "1d");

            assertThat(r.exitCode).isEqualTo(ExitCodes.AUTH);
            assertThat(r.stderr.strip().lines()).hasSize(1);
            assertThat(r.stderr).startsWith("auditlog: lifecycle: access denied: ").contains("/api/v2/auditLogs")
                    .contains("Access Audit Log").contains("ask an IQ Server administrator");
        }
    }

    @Test
    void tailPicksUpEveryEventAppendedWhileItRunsExactlyOnce(@TempDir Path dir)
            throws Exception {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().storedEvents(30)
                .range(NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(5)).build().start()) {
            StopSignal stop = new StopSignal();
            CliRunner cli = new CliRunner().stop(stop).env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", LifecycleSimulator.DEFAULT_USERNAME)
                    .env("AUDITLOG_LIFECYCLE_PASSWORD", LifecycleSimulator.DEFAULT_PASSWORD);
            Path out = dir.resolve("iq.ndjson");
            CompletableFuture<CliRunner.Result> tail = CompletableFuture
                    .supplyAsync(() -> cli.run("tail", "lifecycle", "--checkpoint", dir.resolve("iq.cp").toString(),
                            "--interval", "30ms", "--from", "3h", "--lag", "0s", "-o", out.toString()));
            for (int i = 0; i < 20; i++) {
                sim.appendEvent(Instant.now(), "user" + i, "authentication", "login");
                Thread.sleep(15);
            }
            Thread.sleep(300);
            stop.request();
            CliRunner.Result r = tail.get(20, TimeUnit.SECONDS);

            assertThat(r.exitCode).as(r.toString()).isZero();
            List<String> lines = Files.readAllLines(out);
            List<String> ids = PullCommandTest.ids(String.join("\n", lines));
            assertThat(ids).doesNotHaveDuplicates();
            long logins = lines.stream().filter(l -> l.contains("\"action\":\"login\"") && l.contains("\"name\":\"user")).count();
            assertThat(logins).isEqualTo(20);
            // every poll is itself audited (audit-log/export): the tail sees those too, once each
            assertThat(ids.size()).isGreaterThanOrEqualTo(30 + 20);
        }
    }

    @Test
    void withoutLagAPullReadsUpToNowMinusTheVendorsSettleLag(@TempDir Path dir) throws Exception {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().storedEvents(30)
                .range(NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(60)).build().start()) {
            CliRunner cli = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", LifecycleSimulator.DEFAULT_USERNAME)
                    .env("AUDITLOG_LIFECYCLE_PASSWORD", LifecycleSimulator.DEFAULT_PASSWORD);
            sim.appendEvent(Instant.now(), "just-now", "authentication", "login");

            CliRunner.Result settled = cli.run("pull", "lifecycle", "--from", "3h");
            assertThat(settled.exitCode).as(settled.toString()).isZero();
            assertThat(settled.stdout).as("within the 10 s default settle lag").doesNotContain("just-now");
            assertThat(PullCommandTest.ids(settled.stdout)).hasSize(30);

            CliRunner.Result now = cli.run("pull", "lifecycle", "--from", "3h", "--lag", "0s");
            assertThat(now.exitCode).as(now.toString()).isZero();
            assertThat(now.stdout).contains("just-now");
        }
    }

    @Test
    void aLineFurtherBackThanTheLatenessFailsTheRunUnlessLateEntriesAreDelivered() throws Exception {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().storedEvents(0).build().start()) {
            CliRunner cli = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", LifecycleSimulator.DEFAULT_USERNAME)
                    .env("AUDITLOG_LIFECYCLE_PASSWORD", LifecycleSimulator.DEFAULT_PASSWORD);
            Instant t = NOW.minus(Duration.ofHours(3));
            // stored in this order: the second line is 5 s older than the first
            sim.appendRaw(t, sim.line(t.plusSeconds(5), "first", "authentication", "login"));
            sim.appendRaw(t.plusMillis(1), sim.line(t, "late", "authentication", "login"));
            String[] range = {"pull", "lifecycle", "--from", NOW.minus(Duration.ofHours(4)).toString(), "--to",
                NOW.minus(Duration.ofHours(2)).toString()};

            CliRunner.Result strict = cli.run(range);
            assertThat(strict.exitCode).as(strict.toString()).isEqualTo(ExitCodes.DATA);
            assertThat(strict.stderr).contains("more than the lateness PT1S");

            List<String> lenient = new java.util.ArrayList<>(List.of(range));
            lenient.addAll(List.of("--late-entries", "deliver"));
            CliRunner.Result delivered = cli.run(lenient.toArray(new String[0]));
            assertThat(delivered.exitCode).as(delivered.toString()).isZero();
            assertThat(delivered.stdout).contains("\"first\"").contains("\"late\"");

            List<String> wider = new java.util.ArrayList<>(List.of(range));
            wider.addAll(List.of("--lateness", "10s"));
            assertThat(cli.run(wider.toArray(new String[0])).exitCode).isZero();
        }
    }

    @Test
    void parallelismComesFromTheFlagOrTheEnvironmentAndABadValueIsAUsageErrorNamingIt() throws Exception {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().seed(3).storedEvents(300)
                .range(NOW.minus(Duration.ofDays(6)), NOW.minus(Duration.ofHours(1))).build().start()) {
            sim.setLatency(Duration.ofMillis(100));
            CliRunner cli = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", LifecycleSimulator.DEFAULT_USERNAME)
                    .env("AUDITLOG_LIFECYCLE_PASSWORD", LifecycleSimulator.DEFAULT_PASSWORD);
            String from = NOW.minus(Duration.ofDays(6)).toString();
            String to = NOW.minus(Duration.ofHours(1)).toString();

            CliRunner.Result one = cli.run("pull", "lifecycle", "--from", from, "--to", to, "--parallelism", "1");
            assertThat(one.exitCode).as(one.toString()).isZero();
            assertThat(sim.maxInFlight()).isEqualTo(1);
            sim.resetStatistics();
            CliRunner.Result three = cli.env("AUDITLOG_LIFECYCLE_PARALLELISM", "3").run("pull", "lifecycle", "--from", from, "--to", to);
            assertThat(three.exitCode).as(three.toString()).isZero();
            assertThat(three.stdout).isEqualTo(one.stdout);
            assertThat(sim.maxInFlight()).isBetween(2, 3);

            CliRunner.Result bad = cli.run("pull", "lifecycle", "--from", from, "--to", to, "--parallelism", "17");
            assertThat(bad.exitCode).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.stderr).contains("--parallelism").contains("between 1 and 16");
        }
    }

    @Test
    void anUnreachableServerExitsSixNamingTheUrl() {
        CliRunner.Result r = new CliRunner().env("AUDITLOG_LIFECYCLE_PASSWORD", "pw-S3CR3T")
                .run("pull", "lifecycle", "--from", "1d", "--base-url", "http://127.0.0.1:9", "--username", "u");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.stderr).contains("auditlog: lifecycle: cannot reach the vendor").contains("127.0.0.1:9")
                .contains("- check --base-url, the network and any proxy").doesNotContain("lifecycle: lifecycle:");
    }
}
