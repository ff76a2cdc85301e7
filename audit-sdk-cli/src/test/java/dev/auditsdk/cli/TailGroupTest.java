package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auditlog tail} without a vendor: what it asks for and what it refuses before reading anything. */
class TailGroupTest {
    @TempDir
    Path dir;

    @Test
    void withoutAVendorOrAConfigFileItAsksForEither() {
        CliRunner.Result r = new CliRunner().run("tail");

        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("missing vendor: auditlog tail <vendor>").contains("auditlog tail --config FILE");
    }

    @Test
    void aConfigFileOfVendorSettingsPointsAtTailVendor() throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "lifecycle.username=auditor\n");

        CliRunner.Result r = new CliRunner().run("tail", "--config", file.toString());

        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("lists no streams").contains("auditlog tail <vendor> --config " + file);
    }

    @Test
    void aBadStreamsFileIsAUsageErrorNamingEveryKeyWithoutASecretAndStartsNothing() throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "streams=iq,nope\n"
                + "streams.iq.vendor=lifecycle\nstreams.iq.base-url=http://127.0.0.1:9\nstreams.iq.username=a\n"
                + "streams.iq.password=pw-S3CR3T-tail\nstreams.iq.poll.interval=often\n"
                + "streams.nope.vendor=sap\n");

        CliRunner.Result r = new CliRunner().run("tail", "--config", file.toString());

        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("--config " + file).contains("streams.iq.poll.interval: 'often' is not a duration")
                .contains("streams.nope.vendor: unknown vendor 'sap'");
        assertThat(r.stdout + r.stderr + r.log).doesNotContain("pw-S3CR3T-tail");
    }

    @Test
    void aStreamCheckpointOfAnotherVendorIsRefused() throws Exception {
        Path cp = dir.resolve("iq.checkpoint.json");
        Files.writeString(cp, "{\"format\":\"auditlog-checkpoint\",\"version\":1,\"vendor\":\"boomi\","
                + "\"checkpoint\":\"" + dev.auditsdk.core.Checkpoint.startingAt(java.time.Instant.EPOCH).serialize()
                + "\",\"entries\":0}");
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "streams=iq\ncheckpoint.dir=.\n"
                + "streams.iq.vendor=lifecycle\nstreams.iq.base-url=http://127.0.0.1:9\nstreams.iq.username=a\n"
                + "streams.iq.password=b\n");

        CliRunner.Result r = new CliRunner().run("tail", "--config", file.toString());

        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("belongs to vendor 'boomi', not 'lifecycle'");
    }
}
