package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void pullsFromEveryVendorSimulatorAndPrintsATableAndASummary() {
        CliRunner.Result r = new CliRunner().run("demo", "--rows", "3");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.stdout).contains("== summary").contains("VENDOR").contains("ENTRIES").contains("REQUESTS")
                .contains("RETRIES").contains("ELAPSED").doesNotContain(" s  FAILED");
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            assertThat(r.stdout).contains("== " + p.name() + ": ");
            // one transient failure was injected per vendor and retried by the SDK
            assertThat(r.stdout).containsPattern("(?m)^" + p.name() + " +[1-9][0-9,]* +[0-9]+ +[1-9]+ ");
        }
    }

    @Test
    void selectsVendorsAndRejectsUnknownOnes() {
        CliRunner.Result one = new CliRunner().run("demo", "--vendor", VendorRegistry.builtIn().get(0).name(),
                "--no-faults");
        assertThat(one.exitCode).as(one.toString()).isZero();
        assertThat(one.stdout).containsPattern("(?m)^total +[1-9]");

        CliRunner.Result unknown = new CliRunner().run("demo", "--vendor", "sap");
        assertThat(unknown.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.stderr).contains("demo: unknown vendor 'sap'");
    }
}
