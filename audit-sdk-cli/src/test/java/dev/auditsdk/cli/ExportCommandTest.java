package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.registry.BoomiPlugin;
import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
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
    void exportIsOfferedOnlyForVendorsWithAnExportApi() {
        CliRunner.Result r = new CliRunner().run("export", "uipath", "--from", "30d");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("unknown vendor 'uipath' for export; known: boomi");
    }
}
