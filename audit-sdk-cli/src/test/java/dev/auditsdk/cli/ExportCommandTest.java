package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.registry.BoomiPlugin;
import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.boomi.StagingArchiveFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportCommandTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void boomiExportsLongRangesThroughStagingAndShortOnesThroughTheQuery() throws Exception {
        BoomiPlugin boomi = new BoomiPlugin();
        try (DemoSetup setup = VendorDemos.start(boomi, NOW, 5).orElseThrow()) {
            BoomiSimulator sim = (BoomiSimulator) setup.simulators().get(0);
            CliRunner cli = new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .env("AUDITLOG_BOOMI_BASE_URL", setup.settings().get("base-url"))
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", setup.settings().get("account-id"))
                    .env("AUDITLOG_BOOMI_USERNAME", setup.settings().get("username"))
                    .env("AUDITLOG_BOOMI_PASSWORD", setup.settings().get("password"));
            List<String> expected = PullCommandTest.ids(cli.run("pull", "boomi", "--from", "2d").stdout);
            assertThat(expected).hasSize(260);

            CliRunner.Result staged = cli.run("export", "boomi", "--from", NOW.minus(Duration.ofDays(30)).toString());
            assertThat(staged.exitCode).as(staged.toString()).isZero();
            assertThat(sim.stagingSubmissions()).isEqualTo(1);
            assertThat(sim.stagingDownloads()).isEqualTo(1);
            assertThat(PullCommandTest.ids(staged.stdout)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(staged.stderr).contains("boomi: exported 260 entries");

            CliRunner.Result shortRange = cli.run("export", "boomi", "--from", "3d");
            assertThat(shortRange.exitCode).as(shortRange.toString()).isZero();
            assertThat(shortRange.stderr).contains("only exports ranges of more than 7 days and less than a year;"
                    + " reading this range with the AuditLog query instead");
            assertThat(sim.stagingSubmissions()).isEqualTo(1);
            assertThat(PullCommandTest.ids(shortRange.stdout)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void boomiStagingPathsDifferingFromTheAssumedOnesAreSetFromTheCommandLine() throws Exception {
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(6).entries(50).startingAt(NOW.minus(Duration.ofDays(20)))
                .spacing(Duration.ofHours(6)).stagingRequestsPath("/staging/v2/{accountId}/jobs").build()) {
            sim.start();
            CliRunner cli = new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId())
                    .env("AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER)
                    .env("AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD);
            String from = NOW.minus(Duration.ofDays(30)).toString();

            CliRunner.Result assumed = cli.run("export", "boomi", "--from", from);
            assertThat(assumed.exitCode).as(assumed.toString()).isNotZero();
            assertThat(assumed.stderr).contains("check the configured staging paths").contains("--staging-requests-path");

            CliRunner.Result configured = cli.run("export", "boomi", "--from", from,
                    "--staging-requests-path", "/staging/v2/{accountId}/jobs");
            assertThat(configured.exitCode).as(configured.toString()).isZero();
            assertThat(PullCommandTest.ids(configured.stdout)).hasSize(50);
            assertThat(sim.stagingSubmissions()).isEqualTo(1);

            CliRunner.Result bad = cli.run("export", "boomi", "--from", from, "--staging-requests-path", "/no/placeholder");
            assertThat(bad.exitCode).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.stderr).contains("--staging-requests-path");
        }
    }

    @Test
    void boomiArchiveFormatIsSetFromTheCommandLineTheEnvironmentAndTheConfigFile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(8).entries(40).startingAt(NOW.minus(Duration.ofDays(20)))
                .spacing(Duration.ofHours(8)).archiveFormat(StagingArchiveFormat.ZIP_JSON_ENVELOPE).build()) {
            sim.start();
            CliRunner cli = new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId())
                    .env("AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER)
                    .env("AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD);
            String from = NOW.minus(Duration.ofDays(30)).toString();
            String envelope = "zip+envelope:" + BoomiSimulator.ENVELOPE_FIELD;

            CliRunner.Result assumed = cli.run("export", "boomi", "--from", from);
            assertThat(assumed.exitCode).as(assumed.toString()).isNotZero();
            assertThat(assumed.stderr).contains("not a valid AuditLog record").contains("--archive-format");

            CliRunner.Result configured = cli.run("export", "boomi", "--from", from, "--archive-format", envelope);
            assertThat(configured.exitCode).as(configured.toString()).isZero();
            assertThat(PullCommandTest.ids(configured.stdout)).hasSize(40);

            CliRunner.Result fromEnv = cli.env("AUDITLOG_BOOMI_ARCHIVE_FORMAT", envelope).run("export", "boomi", "--from", from);
            assertThat(fromEnv.exitCode).as(fromEnv.toString()).isZero();
            assertThat(PullCommandTest.ids(fromEnv.stdout)).hasSize(40);

            java.nio.file.Path config = dir.resolve("auditlog.properties");
            java.nio.file.Files.writeString(config, "boomi.archive-format=" + envelope + "\n");
            java.nio.file.Files.setPosixFilePermissions(config,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            CliRunner.Result fromFile = cli.env("AUDITLOG_BOOMI_ARCHIVE_FORMAT", "auto")
                    .run("--config", config.toString(), "export", "boomi", "--from", from);
            assertThat(fromFile.exitCode).as("the environment (auto) wins over the file").isNotZero();
            CliRunner.Result fileOnly = new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId())
                    .env("AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER)
                    .env("AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD)
                    .run("--config", config.toString(), "export", "boomi", "--from", from);
            assertThat(fileOnly.exitCode).as(fileOnly.toString()).isZero();
            assertThat(PullCommandTest.ids(fileOnly.stdout)).hasSize(40);

            CliRunner.Result bad = cli.run("export", "boomi", "--from", from, "--archive-format", "tar");
            assertThat(bad.exitCode).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.stderr).contains("--archive-format").contains("'tar'");
        }
    }

    @Test
    void anExportWithACheckpointContinuesWhereTheLastOneStoppedAndDeliversNothingTwice(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(7).entries(60).startingAt(NOW.minus(Duration.ofDays(20)))
                .spacing(Duration.ofHours(6)).build()) {
            sim.start();
            CliRunner cli = new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId())
                    .env("AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER)
                    .env("AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD);
            java.nio.file.Path out = dir.resolve("boomi.ndjson");
            java.nio.file.Path cp = dir.resolve("boomi.cp");
            CliRunner.Result first = cli.run("export", "boomi", "--from", NOW.minus(Duration.ofDays(30)).toString(),
                    "--to", NOW.minus(Duration.ofDays(10)).toString(), "--checkpoint", cp.toString(), "-o", out.toString());
            assertThat(first.exitCode).as(first.toString()).isZero();
            int firstCount = PullCommandTest.ids(java.nio.file.Files.readString(out)).size();
            assertThat(firstCount).isPositive().isLessThan(60);

            CliRunner.Result rest = cli.run("export", "boomi", "--checkpoint", cp.toString(), "-o", out.toString());
            assertThat(rest.exitCode).as(rest.toString()).isZero();
            List<String> all = PullCommandTest.ids(java.nio.file.Files.readString(out));
            assertThat(all).doesNotHaveDuplicates().hasSize(60);

            CliRunner.Result again = cli.run("export", "boomi", "--checkpoint", cp.toString(), "-o", out.toString());
            assertThat(again.exitCode).as(again.toString()).isZero();
            assertThat(PullCommandTest.ids(java.nio.file.Files.readString(out))).hasSize(60);
            assertThat(cli.run("export", "boomi").stderr).contains("--from is required");
        }
    }

    @Test
    void exportIsOfferedOnlyForVendorsWithAnExportApi() {
        CliRunner.Result r = new CliRunner().run("export", "uipath", "--from", "30d");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("unknown vendor 'uipath' for export; known: boomi");
    }
}
