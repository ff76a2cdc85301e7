package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testkit.boomi.BoomiSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a separate process against a vendor simulator: SIGKILL at random points, then a clean finish. */
class CliProcessVendorTest {
    @TempDir
    Path dir;

    @Test
    void boomiPullKilledAtRandomPointsAndRestartedDeliversEveryEntryExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int count = 1500;
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(seed).entries(count).startingAt(now.minus(Duration.ofDays(1)))
                .spacing(Duration.ofSeconds(50)).build()) {
            sim.start();
            sim.setLatency(Duration.ofMillis(40));
            List<String> expected = sim.entriesBetween(now.minus(Duration.ofDays(2)), now).stream()
                    .map(e -> e.get("documentId").asText()).collect(java.util.stream.Collectors.toList());
            assertThat(expected).hasSize(count);
            Map<String, String> env = Map.of("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString(),
                    "AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId(), "AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER,
                    "AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD);
            Path out = dir.resolve("boomi.ndjson");
            String[] args = {"pull", "boomi", "--from", now.minus(Duration.ofDays(2)).toString(), "--to", now.toString(),
                "--checkpoint", dir.resolve("boomi.cp").toString(), "--checkpoint-every", "37", "-o", out.toString()};
            long lastSize = 0;
            int killedMidway = 0;
            for (int kill = 0; kill < 3; kill++) {
                CliProcess p = CliProcess.start(dir, env, args);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (size(out) <= lastSize && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(300));
                killedMidway += p.isAlive() ? 1 : 0;
                p.kill();
                lastSize = size(out);
            }
            CliProcess.Result last = CliProcess.run(dir, env, args);

            assertThat(last.exitCode).as("seed %d: %s", seed, last).isZero();
            assertThat(killedMidway).as("seed %d: runs killed while writing", seed).isPositive();
            List<String> ids = PullCommandTest.ids(Files.readString(out));
            assertThat(ids).as("seed %d", seed).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        }
    }

    private static long size(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
