package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendor options that change what is sent reach the vendor from the command line. */
class VendorOptionsCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void jitterbitExportOptionsShapeEachExportRequest() {
        try (JitterbitSimulator sim = JitterbitSimulator.builder().seed(4).entries(60)
                .span(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(1))).build()) {
            sim.start();
            CliRunner cli = new CliRunner().env("AUDITLOG_JITTERBIT_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_JITTERBIT_EMAIL", sim.email()).env("AUDITLOG_JITTERBIT_PASSWORD", sim.password())
                    .env("AUDITLOG_JITTERBIT_POLL_INTERVAL", "10ms");
            CliRunner.Result r = cli.run("pull", "jitterbit", "--from", NOW.minus(Duration.ofDays(1)).toString(), "--to",
                    NOW.toString(), "--window-size", "6h", "--retrieve-log-messages", "--json-files");
            assertThat(r.exitCode).as(r.toString()).isZero();

            List<String> exports = sim.requests().stream()
                    .filter(q -> q.method().equals("PUT") && q.path().equals(JitterbitSimulator.EXPORT_PATH))
                    .map(RecordedRequest::bodyText).collect(Collectors.toList());
            assertThat(exports).as("one export per 6-hour window of the day").hasSize(4)
                    .allSatisfy(body -> assertThat(body.replace(" ", "")).contains("\"retrieveLogMessages\":true")
                            .contains("\"csvFormat\":false"));

            CliRunner.Result bad = cli.run("pull", "jitterbit", "--from", "1d", "--window-size", "soon");
            assertThat(bad.exitCode).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.stderr).contains("--window-size");
        }
    }

    @Test
    void informaticaSecurityLogRowCapAndWindowSizeShapeEachRequest() {
        try (InformaticaSimulator sim = InformaticaSimulator.builder().seed(8).auditEntries(0).securityEntries(120)
                .endingAt(NOW.minus(Duration.ofHours(1))).span(Duration.ofDays(3)).build().start()) {
            CliRunner cli = new CliRunner().env("AUDITLOG_INFORMATICA_LOGIN_URL", sim.loginUrl().toString())
                    .env("AUDITLOG_INFORMATICA_USERNAME", sim.username())
                    .env("AUDITLOG_INFORMATICA_PASSWORD", sim.password());
            CliRunner.Result r = cli.run("pull", "informatica-security", "--from", NOW.minus(Duration.ofDays(4)).toString(),
                    "--to", NOW.toString(), "--row-cap", "150", "--window-size", "1d");
            assertThat(r.exitCode).as(r.toString()).isZero();
            List<RecordedRequest> reads = sim.requests().stream()
                    .filter(q -> q.path().endsWith(InformaticaSimulator.SECURITY_LOG_PATH)).collect(Collectors.toList());
            assertThat(reads).as("one request per day of the four").hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(q -> assertThat(q.query()).contains("limit=150"));

            CliRunner.Result bad = cli.run("pull", "informatica-security", "--from", "1d", "--row-cap", "5");
            assertThat(bad.exitCode).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.stderr).contains("--row-cap");
        }
    }

    @Test
    void boomiResultOrderUnorderedRefusesLimitWithCheckpointButReadsWholeRanges(@TempDir Path dir) throws Exception {
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(9).entries(40).startingAt(NOW.minus(Duration.ofDays(1)))
                .spacing(Duration.ofMinutes(10)).build()) {
            sim.start();
            CliRunner cli = new CliRunner().env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId()).env("AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER)
                    .env("AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD);
            Path cp = dir.resolve("b.cp");
            CliRunner.Result refused = cli.run("pull", "boomi", "--from", "2d", "--result-order", "unordered",
                    "--limit", "5", "--checkpoint", cp.toString());
            assertThat(refused.exitCode).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.stderr).contains("--limit with --checkpoint would deliver entries twice");

            CliRunner.Result whole = cli.run("pull", "boomi", "--from", "2d", "--result-order", "unordered",
                    "--checkpoint", cp.toString());
            assertThat(whole.exitCode).as(whole.toString()).isZero();
            assertThat(PullCommandTest.ids(whole.stdout)).hasSize(40);

            CliRunner.Result bad = cli.run("pull", "boomi", "--from", "2d", "--result-order", "random");
            assertThat(bad.exitCode).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.stderr).contains("--result-order");
        }
    }

    @Test
    void boomiOtpCommandIsRunForTheCodeAndItsOutputNeverShown(@TempDir Path dir) throws Exception {
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(10).entries(30).startingAt(NOW.minus(Duration.ofDays(1)))
                .spacing(Duration.ofMinutes(20)).otp("S3CR3T-246810").build()) {
            sim.start();
            java.nio.file.Files.writeString(dir.resolve("code"), "S3CR3T-246810\nsecond line ignored\n");
            CliRunner cli = new CliRunner().env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId()).env("AUDITLOG_BOOMI_USERNAME", BoomiSimulator.DEFAULT_USER)
                    .env("AUDITLOG_BOOMI_PASSWORD", BoomiSimulator.DEFAULT_PASSWORD);
            CliRunner.Result r = cli.run("--verbose", "pull", "boomi", "--from", "2d", "--otp-command",
                    "cat '" + dir.resolve("code") + "'");
            assertThat(r.exitCode).as("exit code").isZero();
            assertThat(PullCommandTest.ids(r.stdout)).hasSize(30);
            assertThat(r.stderr + r.log).doesNotContain("S3CR3T-246810");

            CliRunner.Result both = cli.run("pull", "boomi", "--from", "2d", "--otp", "1", "--otp-command", "true");
            assertThat(both.exitCode).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    void uipathUnifiedTargetAndUserFiltersGoOutInTheDocumentedForm() {
        try (UiPathSimulator sim = UiPathSimulator.builder().seed(6).classicEntries(0).unifiedEvents(200)
                .dataBetween(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(1))).build().start()) {
            CliRunner cli = new CliRunner().env("AUDITLOG_UIPATH_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_UIPATH_ORGANIZATION", sim.organization())
                    .env("AUDITLOG_UIPATH_TENANT", sim.tenant())
                    .env("AUDITLOG_UIPATH_CLIENT_ID", sim.clientId())
                    .env("AUDITLOG_UIPATH_CLIENT_SECRET", sim.clientSecret());
            CliRunner.Result r = cli.run("pull", "uipath-unified", "--from", "3d", "--targets", "Role,Job",
                    "--user-ids", "u-1");
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(sim.requests().stream().filter(q -> q.path().endsWith("/query/events")))
                    .isNotEmpty().allSatisfy(q -> assertThat(q.query())
                            .contains("target%5B%5D=Role", "target%5B%5D=Job", "userIds%5B%5D=u-1"));
        }
    }
}
