package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.core.spi.json.CsvReader;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.testkit.ocsf.OcsfValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in vendor through the CLI, in-process, against its simulator (set up exactly as
 * {@code auditlog demo} does), with its settings in the environment as a user would set them.
 */
class VendorCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String FROM = NOW.minus(Duration.ofDays(1)).toString();
    private static final String TO = NOW.toString();

    @TempDir
    Path dir;

    private static final OcsfValidator OCSF = OcsfValidator.bundled();

    static Stream<VendorPlugin> vendors() {
        return VendorRegistry.builtIn().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void everyFormatWritesEveryEntryOfTheRangeOnce(VendorPlugin plugin) throws Exception {
        try (DemoSetup setup = VendorDemos.start(plugin, NOW, 11).orElseThrow()) {
            CliRunner cli = cli(plugin, setup);
            CliRunner.Result ndjson = cli.run("pull", plugin.name(), "--from", FROM, "--to", TO);
            assertThat(ndjson.exitCode).as(ndjson.toString()).isZero();
            List<String> ids = PullCommandTest.ids(ndjson.stdout);
            assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
            for (String line : ndjson.lines()) {
                JsonNode event = Json.mapper().readTree(line);
                assertThat(event.get("vendor").asText()).isNotEmpty();
                Instant time = Instant.parse(event.get("time").asText());
                assertThat(time).isBetween(Instant.parse(FROM), NOW);
            }

            CliRunner.Result raw = cli.run("pull", plugin.name(), "--from", FROM, "--to", TO, "--format", "raw");
            assertThat(raw.exitCode).as(raw.toString()).isZero();
            assertThat(raw.lines()).hasSameSizeAs(ids);
            for (String line : raw.lines()) {
                assertThat(Json.mapper().readTree(line).isObject()).isTrue();
            }

            CliRunner.Result ocsf = cli.run("pull", plugin.name(), "--from", FROM, "--to", TO, "--format", "ocsf");
            assertThat(ocsf.exitCode).as(ocsf.toString()).isZero();
            List<String> ocsfIds = new ArrayList<>();
            for (String line : ocsf.lines()) {
                JsonNode o = Json.mapper().readTree(line);
                // what a SIEM enforcing the official schema would accept
                assertThat(OCSF.validate(o).errors()).as(line).isEmpty();
                ocsfIds.add(o.get("metadata").get("uid").asText());
            }
            assertThat(ocsfIds).containsExactlyInAnyOrderElementsOf(ids);

            CliRunner.Result csv = cli.run("pull", plugin.name(), "--from", FROM, "--to", TO, "--format", "csv");
            assertThat(csv.exitCode).as(csv.toString()).isZero();
            List<String> csvIds = new ArrayList<>();
            try (CsvReader<Map<String, String>> rows = CsvReader.rows(
                    new ByteArrayInputStream(csv.stdout.getBytes(StandardCharsets.UTF_8)))) {
                rows.forEachRemaining(row -> csvIds.add(row.get("id")));
            }
            assertThat(csvIds).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void resumingFromTheCheckpointInSmallStepsGivesExactlyTheFullSet(VendorPlugin plugin) throws Exception {
        try (DemoSetup setup = VendorDemos.start(plugin, NOW, 12).orElseThrow()) {
            CliRunner cli = cli(plugin, setup);
            List<String> all = PullCommandTest.ids(cli.run("pull", plugin.name(), "--from", FROM, "--to", TO).stdout);
            Path cp = dir.resolve(plugin.name() + ".cp");
            List<String> pieces = new ArrayList<>();
            int step = Math.max(1, all.size() / 4 + 3);
            for (int run = 0; run < 12 && pieces.size() < all.size(); run++) {
                CliRunner.Result r = cli.run("pull", plugin.name(), "--from", FROM, "--to", TO, "--checkpoint", cp.toString(),
                        "--limit", String.valueOf(step));
                assertThat(r.exitCode).as(r.toString()).isZero();
                pieces.addAll(PullCommandTest.ids(r.stdout));
            }
            CliRunner.Result rest = cli.run("pull", plugin.name(), "--to", TO, "--checkpoint", cp.toString());
            assertThat(rest.exitCode).as(rest.toString()).isZero();
            pieces.addAll(PullCommandTest.ids(rest.stdout));
            assertThat(pieces).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aWrongSecretExitsThreeAndNeitherSecretIsShownEvenWithVerbose(VendorPlugin plugin) throws Exception {
        try (DemoSetup setup = VendorDemos.start(plugin, NOW, 13).orElseThrow()) {
            VendorOption secret = plugin.options().stream().filter(VendorOption::secret).findFirst().orElseThrow();
            String real = setup.settings().get(secret.name());
            String wrong = "wrong-S3CR3T-" + plugin.name();
            CliRunner.Result r = cli(plugin, setup).env(secret.envVar(plugin.settingsPrefix()), wrong)
                    .run("--verbose", "pull", plugin.name(), "--from", FROM, "--to", TO);

            assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.AUTH);
            assertThat(r.stderr).contains("auditlog: " + plugin.name() + ": authentication failed");
            assertThat(r.stdout + r.stderr + r.log).doesNotContain(wrong).doesNotContain(real);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void theSecretFromTheEnvironmentIsNeverPrintedEvenWithVerbose(VendorPlugin plugin) throws Exception {
        try (DemoSetup setup = VendorDemos.start(plugin, NOW, 14).orElseThrow()) {
            CliRunner.Result r = cli(plugin, setup).run("--verbose", "pull", plugin.name(), "--from", FROM, "--to", TO,
                    "--format", "raw");
            assertThat(r.exitCode).as(r.toString()).isZero();
            for (VendorOption o : plugin.options()) {
                if (o.secret() && setup.settings().containsKey(o.name())) {
                    assertThat(r.stdout + r.stderr + r.log).doesNotContain(setup.settings().get(o.name()));
                }
            }
            assertThat(r.log).as("--verbose shows the SDK's debug log").contains("DEBUG");
        }
    }

    /** The CLI with the vendor's demo settings in the environment ({@code AUDITLOG_<PREFIX>_<NAME>}). */
    private static CliRunner cli(VendorPlugin plugin, DemoSetup setup) {
        CliRunner cli = new CliRunner().clock(CLOCK);
        for (VendorOption o : plugin.options()) {
            String value = setup.settings().get(o.name());
            if (value != null) {
                cli.env(o.envVar(plugin.settingsPrefix()), value);
            }
        }
        return cli;
    }
}
