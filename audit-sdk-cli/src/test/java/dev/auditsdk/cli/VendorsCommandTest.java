package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorsCommandTest {
    @Test
    void listsEveryVendorWithItsOptionsAndEnvironmentVariables() {
        CliRunner.Result r = new CliRunner().run("vendors");

        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).contains("testlist - test-only generated list").contains("commands: pull, tail")
                .contains("--password SECRET").contains("(required, secret)")
                .contains("[AUDITLOG_TESTLIST_PASSWORD | testlist.password]")
                .contains("--count N").contains("(default 50)");
    }

    @Test
    void everyOptionOfEveryVendorIsListedWithItsEnvironmentVariableAndConfigKey() {
        CliRunner.Result r = new CliRunner().run("vendors");
        assertThat(r.exitCode).isZero();
        for (dev.auditsdk.registry.VendorPlugin p : dev.auditsdk.registry.VendorRegistry.discover().all()) {
            for (dev.auditsdk.registry.VendorOption o : p.options()) {
                assertThat(r.stdout).as(p.name() + " " + o.name())
                        .contains(o.longName() + (o.flag() ? "" : " " + o.label()))
                        .contains("[" + o.envVar(p.settingsPrefix()) + " | " + o.configKey(p.settingsPrefix()) + "]");
                o.assumption().ifPresent(a -> assertThat(r.stdout).as(p.name() + " " + o.name())
                        .contains("assumption: " + a + "; override it with " + o.longName()));
            }
        }
    }

    @Test
    void assumptionsAreMarkedWithTheOptionThatOverridesThem() {
        CliRunner.Result r = new CliRunner().run("vendors");
        assertThat(r.stdout).contains("assumption: Boomi does not publish the staging resource paths; override it with"
                + " --staging-requests-path").contains("override it with --archive-format")
                .contains("override it with --day-margin");
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
