package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.cli.testing.ListVendorPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a separate process: SIGTERM, exit codes, secrets (SIGKILL at random points: {@link CliProcessVendorTest}).
 */
class CliProcessTest {
    private static final Map<String, String> ENV = Map.of("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD);

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTailAfterTheCurrentEntryWithTheCheckpointSavedAndExitZero() throws Exception {
        Path out = dir.resolve("tail.ndjson");
        Path cp = dir.resolve("tail.json");
        CliProcess p = CliProcess.start(dir, ENV, "tail", "testlist", "--checkpoint", cp.toString(), "--interval", "50ms",
                "--from", "2026-01-01", "--count", "30", "--grow", "5", "--delay-ms", "3", "-o", out.toString());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((!Files.exists(out) || Files.readAllLines(out).size() < 40) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.terminate();
        CliProcess.Result r = p.await(30);

        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> ids = PullCommandTest.ids(Files.readString(out));
        assertThat(ids).doesNotHaveDuplicates().isEqualTo(PullCommandTest.expectedIds(ids.size()));
        assertThat(Files.readString(cp)).contains("\"entries\" : " + ids.size() + ",")
                .contains("\"outputBytes\" : " + Files.size(out) + ",");
    }

    @Test
    void sigtermStopsEveryStreamOfTailConfigWithItsCheckpointSavedAndExitZero() throws Exception {
        StringBuilder config = new StringBuilder("streams=a,b,locked-out\ncheckpoint.dir=.\n");
        for (String id : List.of("a", "b", "locked-out")) {
            config.append("streams.").append(id).append(".vendor=testlist\n")
                    .append("streams.").append(id).append(".password=")
                    .append(id.equals("locked-out") ? "wrong-S3CR3T-process" : ListVendorPlugin.PASSWORD).append('\n')
                    .append("streams.").append(id).append(".from=2026-01-01\n")
                    .append("streams.").append(id).append(".poll.interval=50ms\n")
                    .append("streams.").append(id).append(".count=20\n")
                    .append("streams.").append(id).append(".grow=5\n")
                    .append("streams.").append(id).append(".delay-ms=3\n")
                    .append("streams.").append(id).append(".output=").append(id).append(".ndjson\n");
        }
        Path file = dir.resolve("collector.properties");
        Files.writeString(file, config.toString());
        CliProcess p = CliProcess.start(dir, Map.of(), "tail", "--config", file.toString());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (lines(dir.resolve("a.ndjson")) + lines(dir.resolve("b.ndjson")) < 80 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.terminate();
        CliProcess.Result r = p.await(30);

        assertThat(r.exitCode).as(r.toString()).isZero();
        for (String id : List.of("a", "b")) {
            Path out = dir.resolve(id + ".ndjson");
            List<String> ids = PullCommandTest.ids(Files.readString(out));
            assertThat(ids).as(id).isNotEmpty().doesNotHaveDuplicates().isEqualTo(PullCommandTest.expectedIds(ids.size()));
            assertThat(Files.readString(dir.resolve(id + ".checkpoint.json"))).contains("\"entries\" : " + ids.size() + ",")
                    .contains("\"outputBytes\" : " + Files.size(out) + ",");
        }
        assertThat(lines(dir.resolve("locked-out.ndjson"))).isZero();
        assertThat(r.stderr).contains("locked-out: testlist: authentication failed").contains("a: tailed ")
                .doesNotContain("S3CR3T");
    }

    private static long lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    @Test
    void sigtermStopsPullWithExit130AndTheNextRunCompletesIt() throws Exception {
        Path cp = dir.resolve("cp.json");
        String[] args = {"pull", "testlist", "--from", "2026-01-01", "--to", "2026-01-02", "--count", "300",
            "--delay-ms", "5", "--checkpoint", cp.toString()};
        CliProcess p = CliProcess.start(dir, ENV, args);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(cp) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.terminate();
        CliProcess.Result first = p.await(30);
        assertThat(first.exitCode).as(first.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(first.stderr).contains("stopped before the end of the range");

        CliProcess.Result second = CliProcess.run(dir, ENV, args);
        assertThat(second.exitCode).as(second.toString()).isZero();
        List<String> ids = PullCommandTest.ids(first.stdout + second.stdout);
        assertThat(ids).doesNotHaveDuplicates().isEqualTo(PullCommandTest.expectedIds(300));
    }

    @Test
    void exitCodesAndMessagesAsAProcess() throws Exception {
        CliProcess.Result usage = CliProcess.run(dir, ENV, "pull", "testlist", "--from", "2026-01-01", "--bogus");
        assertThat(usage.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.stderr).contains("auditlog: Unknown option: '--bogus'");

        CliProcess.Result auth = CliProcess.run(dir, Map.of("AUDITLOG_TESTLIST_PASSWORD", "wrong-S3CR3T-pw"),
                "pull", "testlist", "--from", "2026-01-01");
        assertThat(auth.exitCode).isEqualTo(ExitCodes.AUTH);
        assertThat(auth.stderr).contains("auditlog: testlist: authentication failed").doesNotContain("wrong-S3CR3T-pw");
    }

    @Test
    void aSecretFromTheEnvironmentNeverReachesStdoutOrStderrEvenWithVerbose() throws Exception {
        CliProcess.Result ok = CliProcess.run(dir, ENV, "--verbose", "pull", "testlist", "--from", "2026-01-01",
                "--to", "2026-01-02", "--count", "5");
        assertThat(ok.exitCode).as(ok.toString()).isZero();
        assertThat(ok.stdout + ok.stderr).doesNotContain(ListVendorPlugin.PASSWORD);

        CliProcess.Result leaky = CliProcess.run(dir, ENV, "--verbose", "pull", "testlist", "--from", "2026-01-01",
                "--count", "5", "--fail-at", "2", "--fail-kind", "leak");
        assertThat(leaky.exitCode).isEqualTo(ExitCodes.API);
        assertThat(leaky.stderr).contains("server echoed the password ****").contains("\tat ");
        assertThat(leaky.stdout + leaky.stderr).doesNotContain(ListVendorPlugin.PASSWORD);
    }
}
