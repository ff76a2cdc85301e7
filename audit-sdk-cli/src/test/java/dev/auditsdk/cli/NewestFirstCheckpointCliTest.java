package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newest-first vendor read in slices with {@code --limit} and {@code --checkpoint}, the way a
 * user backfills a large range: every entry exactly once, and the checkpoint file stays small
 * (it holds where the read stopped, not what it delivered).
 */
class NewestFirstCheckpointCliTest {
    /** The stated bound: a newest-first checkpoint file with a few identities is far below this, whatever the range. */
    static final long MAX_CHECKPOINT_FILE_BYTES = 4096;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    @Test
    void repeatedLimitedPullsOver200000UiPathClassicEntriesDeliverEachOnceWithSmallCheckpoints() throws Exception {
        int count = 200_000;
        int limit = 30_000;
        try (UiPathSimulator sim = UiPathSimulator.builder().seed(13).classicEntries(count).unifiedEvents(0)
                .dataBetween(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofHours(1))).build().start()) {
            CliRunner cli = cli(sim);
            String from = NOW.minus(Duration.ofDays(31)).toString();
            String to = NOW.toString();
            Path all = dir.resolve("all.ndjson");
            CliRunner.Result full = cli.run("pull", "uipath", "--from", from, "--to", to, "--page-size", "1000",
                    "-o", all.toString());
            assertThat(full.exitCode).as(full.toString()).isZero();
            List<String> expected = PullCommandTest.ids(Files.readString(all));
            // the generator repeats a few entries exactly (same second, same content): the classic API cannot tell those apart
            assertThat(expected).hasSizeGreaterThan(count - 20).doesNotHaveDuplicates();

            Path out = dir.resolve("sliced.ndjson");
            Path checkpoint = dir.resolve("uipath.cp");
            int runs = 0;
            long lines = 0;
            while (lines < expected.size() && runs < count / limit + 3) {
                CliRunner.Result r = cli.run("pull", "uipath", "--from", from, "--to", to, "--page-size", "1000",
                        "--limit", String.valueOf(limit), "--checkpoint", checkpoint.toString(), "-o", out.toString());
                assertThat(r.exitCode).as(r.toString()).isZero();
                runs++;
                assertThat(Files.size(checkpoint)).as("checkpoint file after run %d", runs).isLessThan(MAX_CHECKPOINT_FILE_BYTES);
                lines = Files.lines(out).count();
                assertThat(lines).as("after run %d", runs).isEqualTo(Math.min((long) runs * limit, expected.size()));
            }
            CliRunner.Result last = cli.run("pull", "uipath", "--to", to, "--page-size", "1000",
                    "--checkpoint", checkpoint.toString(), "-o", out.toString());
            assertThat(last.exitCode).as(last.toString()).isZero();
            List<String> delivered = PullCommandTest.ids(Files.readString(out));
            assertThat(delivered).doesNotHaveDuplicates().hasSameSizeAs(expected);
            assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(expected));
            assertThat(runs).isEqualTo((expected.size() + limit - 1) / limit);
        }
    }

    private static CliRunner cli(UiPathSimulator sim) {
        VendorPlugin plugin = VendorRegistry.builtIn().stream().filter(p -> p.name().equals("uipath")).findFirst().orElseThrow();
        Map<String, String> settings = Map.of("base-url", sim.baseUrl().toString(), "organization", sim.organization(),
                "tenant", sim.tenant(), "client-id", sim.clientId(), "client-secret", sim.clientSecret());
        CliRunner cli = new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC));
        for (VendorOption o : plugin.options()) {
            if (settings.containsKey(o.name())) {
                cli.env(o.envVar(plugin.settingsPrefix()), settings.get(o.name()));
            }
        }
        return cli;
    }
}
