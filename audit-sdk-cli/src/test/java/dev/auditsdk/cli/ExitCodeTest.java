package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.cli.testing.ListVendorPlugin;
import org.junit.jupiter.api.Test;

/** Usage errors exit 2 with picocli's message; SDK failures map to 3..6 with one clear line. */
class ExitCodeTest {
    private static final String FROM = "2026-01-01T00:00:00Z";

    private static CliRunner cli() {
        return new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD);
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestion() {
        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--formt", "csv");

        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("auditlog: Unknown options: '--formt', 'csv'").contains("--format")
                .contains("Try 'auditlog pull testlist --help' for more information.");
        assertThat(r.stdout).isEmpty();
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        CliRunner.Result format = cli().run("pull", "testlist", "--from", FROM, "--format", "xml");
        assertThat(format.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(format.stderr).contains("unknown format 'xml', expected one of ndjson, raw, ocsf, csv");

        CliRunner.Result time = cli().run("pull", "testlist", "--from", "yesterday");
        assertThat(time.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(time.stderr).contains("--from").contains("'yesterday' is not a time");

        CliRunner.Result backwards = cli().run("pull", "testlist", "--from", "2026-01-02", "--to", "2026-01-01");
        assertThat(backwards.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(backwards.stderr).contains("'from' (2026-01-02T00:00:00Z) must be before 'to'");

        CliRunner.Result count = cli().run("pull", "testlist", "--from", FROM, "--count", "many");
        assertThat(count.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(count.stderr).contains("invalid value 'many' for --count: expected an integer");
    }

    @Test
    void missingThingsAreUsageErrors() {
        assertThat(cli().run().exitCode).isEqualTo(ExitCodes.USAGE);

        CliRunner.Result noVendor = cli().run("pull");
        assertThat(noVendor.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(noVendor.stderr).contains("missing vendor: auditlog pull <vendor>").contains("testlist");

        CliRunner.Result unknownVendor = cli().run("pull", "sap");
        assertThat(unknownVendor.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownVendor.stderr).contains("unknown vendor 'sap' for pull; known: ").contains("uipath, ").contains("testlist");

        CliRunner.Result noFrom = cli().run("pull", "testlist");
        assertThat(noFrom.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(noFrom.stderr).contains("--from is required");

        CliRunner.Result noPassword = new CliRunner().run("pull", "testlist", "--from", FROM);
        assertThat(noPassword.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(noPassword.stderr).contains("testlist needs --password").contains("AUDITLOG_TESTLIST_PASSWORD")
                .contains("testlist.password");

        CliRunner.Result tailWithoutCheckpoint = cli().run("tail", "testlist");
        assertThat(tailWithoutCheckpoint.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(tailWithoutCheckpoint.stderr).contains("Missing required option: '--checkpoint=FILE'");
    }

    @Test
    void wrongPasswordExitsThreeWithOneLineNamingVendorAndWhatToCheck() {
        CliRunner.Result r = new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", "wrong-password-123")
                .run("pull", "testlist", "--from", FROM);

        assertThat(r.exitCode).isEqualTo(ExitCodes.AUTH);
        assertThat(r.stderr.strip().lines()).hasSize(1);
        assertThat(r.stderr).startsWith("auditlog: testlist: authentication failed: login refused for user 'alice' at POST /login")
                .contains("HTTP 401").contains("code BAD_LOGIN").contains("request id req-1")
                .contains("check the credentials (--password / AUDITLOG_TESTLIST_PASSWORD");
        assertThat(r.stderr).doesNotContain("wrong-password-123").doesNotContain("\tat ");
    }

    @Test
    void sdkFailuresMapToTheirExitCodes() {
        assertThat(failWith("auth").exitCode).isEqualTo(ExitCodes.AUTH);
        CliRunner.Result api = failWith("api");
        assertThat(api.exitCode).isEqualTo(ExitCodes.API);
        assertThat(api.stderr).contains("auditlog: testlist: GET /list answered 400: bad request (code E400, request id req-9)");
        CliRunner.Result data = failWith("data");
        assertThat(data.exitCode).isEqualTo(ExitCodes.DATA);
        assertThat(data.stderr).contains("unreadable data from the vendor: line 17: expected a JSON object");
        CliRunner.Result network = failWith("network");
        assertThat(network.exitCode).isEqualTo(ExitCodes.NETWORK);
        assertThat(network.stderr).contains("cannot reach the vendor: GET http://127.0.0.1:1/list failed after 3 attempts")
                .contains("- check the network and any proxy");
    }

    @Test
    void stackTracesOnlyWithVerbose() {
        assertThat(failWith("data").stderr).doesNotContain("\tat ");
        CliRunner.Result verbose = cli().run("--verbose", "pull", "testlist", "--from", FROM, "--fail-at", "2",
                "--fail-kind", "data");
        assertThat(verbose.exitCode).isEqualTo(ExitCodes.DATA);
        assertThat(verbose.stderr).contains("dev.auditsdk.core.error.AuditDataException").contains("\tat ");
    }

    private static CliRunner.Result failWith(String kind) {
        return cli().run("pull", "testlist", "--from", FROM, "--fail-at", "2", "--fail-kind", kind);
    }
}
