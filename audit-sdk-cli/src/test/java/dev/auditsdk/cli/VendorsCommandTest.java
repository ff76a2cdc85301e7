package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorsCommandTest {
    @Test
    void listsEveryVendorWithItsOptionsAndEnvironmentVariables() {
        CliRunner.Result r = new CliRunner().run("vendors");

        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).contains("testlist - test-only generated list").contains("commands: pull, tail")
                .contains("--password SECRET").contains("(required, secret)").contains("[AUDITLOG_TESTLIST_PASSWORD]")
                .contains("--count N").contains("(default 50)");
    }

    @Test
    void vendorHelpShowsItsOptionsWithTheirEnvironmentVariables() {
        CliRunner.Result r = new CliRunner().run("pull", "testlist", "--help");

        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).contains("Usage: auditlog pull testlist").contains("--from=TIME").contains("--checkpoint=FILE")
                .contains("--password=SECRET").contains("[env AUDITLOG_TESTLIST_PASSWORD;").contains("Default: 50. [env AUDITLOG_TESTLIST_COUNT]");
    }

    @Test
    void versionNamesTheSdk() {
        CliRunner.Result r = new CliRunner().run("--version");
        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).startsWith("auditlog ");
    }
}
