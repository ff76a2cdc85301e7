package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.cli.testing.ListVendorPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets never reach stdout or stderr; secrets on the command line draw a warning. */
class SecretsTest {
    private static final String FROM = "2026-01-01T00:00:00Z";

    @TempDir
    Path dir;

    @Test
    void aSecretInTheEnvironmentNeverAppearsEvenWithVerboseAndFailures() {
        for (String kind : new String[] {"auth", "api", "data", "network", "leak"}) {
            CliRunner.Result r = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD)
                    .run("--verbose", "pull", "testlist", "--from", FROM, "--fail-at", "3", "--fail-kind", kind);
            assertThat(r.exitCode).as(kind).isNotZero();
            assertThat(r.stdout + r.stderr + r.log).as(kind).doesNotContain(ListVendorPlugin.PASSWORD);
        }
    }

    @Test
    void aSecretEchoedInAnErrorIsMaskedOnStderr() {
        CliRunner.Result r = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD)
                .run("pull", "testlist", "--from", FROM, "--fail-at", "1", "--fail-kind", "leak");

        assertThat(r.exitCode).isEqualTo(ExitCodes.API);
        assertThat(r.stderr).contains("server echoed the password ****").doesNotContain(ListVendorPlugin.PASSWORD);
    }

    @Test
    void aSecretOnTheCommandLineWorksButDrawsAWarningSuggestingTheEnvironment() {
        CliRunner.Result r = new CliRunner().run("pull", "testlist", "--from", FROM, "--count", "2",
                "--password", ListVendorPlugin.PASSWORD);

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.stderr).contains("auditlog: warning: --password on the command line can be seen in the process list"
                + " and shell history; set AUDITLOG_TESTLIST_PASSWORD instead");
        assertThat(r.stderr).doesNotContain(ListVendorPlugin.PASSWORD);

        CliRunner.Result quiet = new CliRunner().run("-q", "pull", "testlist", "--from", FROM, "--count", "2",
                "--password", ListVendorPlugin.PASSWORD);
        assertThat(quiet.stderr).isEmpty();
        // global options work after the command too
        CliRunner.Result quietAfter = new CliRunner().run("pull", "testlist", "--from", FROM, "--count", "2",
                "--password", ListVendorPlugin.PASSWORD, "--quiet");
        assertThat(quietAfter.exitCode).isZero();
        assertThat(quietAfter.stderr).isEmpty();
    }

    @Test
    void configFileSuppliesSettingsBelowEnvironmentAndCommandLine() throws Exception {
        Path config = dir.resolve("auditlog.properties");
        Files.writeString(config, "testlist.password=" + ListVendorPlugin.PASSWORD + "\ntestlist.count=3\n"
                + "boomi.account-id=ignored-other-vendor\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        CliRunner.Result fromFile = new CliRunner().run("--config", config.toString(), "pull", "testlist", "--from", FROM);
        assertThat(fromFile.exitCode).as(fromFile.toString()).isZero();
        assertThat(fromFile.lines()).hasSize(3);
        assertThat(fromFile.stderr).doesNotContain("warning");

        CliRunner.Result envWins = new CliRunner().env("AUDITLOG_TESTLIST_COUNT", "4")
                .run("pull", "testlist", "--from", FROM, "--config", config.toString());
        assertThat(envWins.lines()).hasSize(4);

        CliRunner.Result cliWins = new CliRunner().env("AUDITLOG_TESTLIST_COUNT", "4")
                .run("pull", "testlist", "--from", FROM, "--config", config.toString(), "--count", "5");
        assertThat(cliWins.lines()).hasSize(5);
    }

    @Test
    void configFileWithSecretsReadableByOthersDrawsAWarning() throws Exception {
        Path config = dir.resolve("auditlog.properties");
        Files.writeString(config, "testlist.password=" + ListVendorPlugin.PASSWORD + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        CliRunner.Result r = new CliRunner().run("pull", "testlist", "--from", FROM, "--count", "1", "--config", config.toString());

        assertThat(r.exitCode).isZero();
        assertThat(r.stderr).contains("holds secrets and can be read by other users; chmod 600 it");
    }

    @Test
    void unknownConfigKeyOfTheVendorIsAUsageError() throws Exception {
        Path config = dir.resolve("auditlog.properties");
        Files.writeString(config, "testlist.pasword=x\n");

        CliRunner.Result r = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD)
                .run("pull", "testlist", "--from", FROM, "--config", config.toString());

        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("unknown key testlist.pasword").contains("testlist.password");
    }
}
