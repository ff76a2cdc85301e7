package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code auditlog check}: every built-in vendor against its simulator, as a user would run it. */
class CheckCommandTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String WRONG = "wrong-secret-for-the-check";

    @TempDir
    Path dir;

    static Stream<VendorPlugin> vendors() {
        return VendorRegistry.builtIn().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void goodSettingsPassEveryCheckWithoutWritingAnEntry(VendorPlugin plugin) throws Exception {
        try (DemoSetup setup = VendorDemos.start(plugin, NOW, 31).orElseThrow()) {
            CliRunner.Result r = cli(plugin, setup).run("check", plugin.name());

            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(status(r, CheckCommand.SETTINGS)).isEqualTo("ok");
            assertThat(status(r, CheckCommand.REACHABLE)).isEqualTo("ok");
            assertThat(status(r, CheckCommand.AUTHENTICATED)).isEqualTo("ok");
            assertThat(status(r, CheckCommand.READABLE)).isEqualTo("ok");
            // every simulator answers with a Date header, as the vendors do
            assertThat(status(r, CheckCommand.CLOCK_SKEW)).as(r.toString()).isEqualTo("ok");
            assertThat(r.lines()).hasSize(5).noneMatch(l -> l.contains("\"id\""));
            assertThat(line(r, CheckCommand.SETTINGS)).contains("****");
            assertSecretsHidden(plugin, setup, r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aWrongSecretFailsAtAuthenticatedWithExitThree(VendorPlugin plugin) throws Exception {
        try (DemoSetup setup = VendorDemos.start(plugin, NOW, 32).orElseThrow()) {
            VendorOption secret = plugin.options().stream().filter(VendorOption::secret).findFirst().orElseThrow();
            CliRunner.Result r = cli(plugin, setup).env(secret.envVar(plugin.settingsPrefix()), WRONG)
                    .run("--verbose", "check", plugin.name());

            assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.AUTH);
            assertThat(status(r, CheckCommand.SETTINGS)).isEqualTo("ok");
            assertThat(status(r, CheckCommand.REACHABLE)).isEqualTo("ok");
            assertThat(status(r, CheckCommand.AUTHENTICATED)).as(r.toString()).isEqualTo("FAIL");
            assertThat(line(r, CheckCommand.AUTHENTICATED)).contains("authentication failed");
            assertThat(status(r, CheckCommand.READABLE)).isEqualTo("skip");
            assertThat(r.stdout + r.stderr + r.log).doesNotContain(WRONG);
            assertSecretsHidden(plugin, setup, r);
        }
    }

    @Test
    void aLifecycleUserWithoutAccessAuditLogFailsAtReadableWithTheHint() {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().userWithoutAuditPermission("viewer", "viewer-pass")
                .storedEvents(10).range(NOW.minus(Duration.ofDays(1)), NOW).build().start()) {
            CliRunner.Result r = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", "viewer").env("AUDITLOG_LIFECYCLE_PASSWORD", "viewer-pass")
                    .run("check", "lifecycle");

            assertDeniedAtReadable(r, "Access Audit Log");
        }
    }

    @Test
    void aBoomiUserWithoutViewAuditLogsFailsAtReadableWithTheHint() {
        BoomiSimulator sim = BoomiSimulator.builder().userWithoutAuditAccess("viewer@acme.example", "viewer-pass")
                .entries(5).startingAt(NOW.minus(Duration.ofHours(2))).build();
        sim.start();
        try (sim) {
            CliRunner.Result r = new CliRunner().env("AUDITLOG_BOOMI_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_BOOMI_ACCOUNT_ID", sim.accountId()).env("AUDITLOG_BOOMI_USERNAME", "viewer@acme.example")
                    .env("AUDITLOG_BOOMI_PASSWORD", "viewer-pass").run("check", "boomi");

            assertDeniedAtReadable(r, "View Audit Logs");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uipath", "uipath-unified"})
    void aUiPathTokenWithoutTheAuditScopeFailsAtReadableWithTheHint(String vendor) {
        try (UiPathSimulator sim = UiPathSimulator.builder().grantedScopes(UiPathSimulator.SCOPE_OR_AUDIT_READ)
                .classicEntries(5).unifiedEvents(5).dataBetween(NOW.minus(Duration.ofDays(1)), NOW).build().start()) {
            CliRunner.Result r = new CliRunner().env("AUDITLOG_UIPATH_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_UIPATH_ORGANIZATION", sim.organization()).env("AUDITLOG_UIPATH_TENANT", sim.tenant())
                    .env("AUDITLOG_UIPATH_CLIENT_ID", sim.clientId()).env("AUDITLOG_UIPATH_CLIENT_SECRET", sim.clientSecret())
                    .env("AUDITLOG_UIPATH_SCOPES", UiPathSimulator.SCOPE_OR_AUDIT_READ).run("check", vendor);

            assertDeniedAtReadable(r, "PM.Audit.Read");
        }
    }

    @Test
    void aMissingSettingFailsAtSettingsWithTheUsageExitCodeAndContactsNobody() {
        CliRunner.Result r = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", "http://127.0.0.1:9")
                .run("check", "lifecycle");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(status(r, CheckCommand.SETTINGS)).isEqualTo("FAIL");
        assertThat(line(r, CheckCommand.SETTINGS)).contains("--username");
        assertThat(status(r, CheckCommand.REACHABLE)).isEqualTo("skip");
    }

    @Test
    void withAConfigFileAndNoVendorEveryVendorInTheFileIsChecked() throws Exception {
        VendorPlugin lifecycle = VendorRegistry.builtIn().stream().filter(p -> p.name().equals("lifecycle")).findFirst()
                .orElseThrow();
        VendorPlugin jitterbit = VendorRegistry.builtIn().stream().filter(p -> p.name().equals("jitterbit")).findFirst()
                .orElseThrow();
        try (DemoSetup a = VendorDemos.start(lifecycle, NOW, 33).orElseThrow();
                DemoSetup b = VendorDemos.start(jitterbit, NOW, 34).orElseThrow()) {
            StringBuilder config = new StringBuilder();
            a.settings().forEach((k, v) -> config.append("lifecycle.").append(k).append('=').append(v).append('\n'));
            b.settings().forEach((k, v) -> config.append("jitterbit.").append(k).append('=')
                    .append(k.equals("password") ? WRONG : v).append('\n'));
            Path file = dir.resolve("collector.properties");
            Files.writeString(file, config.toString());

            CliRunner.Result r = new CliRunner().run("check", "--config", file.toString());

            assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.AUTH);
            List<String> lifecycleLines = r.lines().stream().filter(l -> l.startsWith("lifecycle ")).collect(Collectors.toList());
            assertThat(lifecycleLines).hasSize(5).allMatch(l -> l.contains(" ok "));
            assertThat(r.lines()).anyMatch(l -> l.startsWith("jitterbit ") && l.contains("FAIL") && l.contains("authenticated"));
            assertThat(r.stdout + r.stderr + r.log).doesNotContain(WRONG).doesNotContain(a.settings().get("password"));
        }
    }

    @Test
    void withoutAVendorOrAConfigFileItIsAUsageError() {
        CliRunner.Result r = new CliRunner().run("check");

        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("missing vendor").contains("--config");
    }

    private static void assertDeniedAtReadable(CliRunner.Result r, String hint) {
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(status(r, CheckCommand.SETTINGS)).isEqualTo("ok");
        assertThat(status(r, CheckCommand.REACHABLE)).isEqualTo("ok");
        assertThat(status(r, CheckCommand.AUTHENTICATED)).as(r.toString()).isEqualTo("ok");
        assertThat(status(r, CheckCommand.READABLE)).as(r.toString()).isEqualTo("FAIL");
        assertThat(line(r, CheckCommand.READABLE)).contains("access denied").contains(hint);
        assertThat(r.stdout + r.stderr + r.log).doesNotContain("viewer-pass");
    }

    private static void assertSecretsHidden(VendorPlugin plugin, DemoSetup setup, CliRunner.Result r) {
        for (VendorOption o : plugin.options()) {
            if (o.secret() && setup.settings().containsKey(o.name())) {
                assertThat(r.stdout + r.stderr + r.log).doesNotContain(setup.settings().get(o.name()));
            }
        }
    }

    /** @return the line of a check: {@code <vendor> <status> <check> <detail>} */
    private static String line(CliRunner.Result r, String check) {
        return r.lines().stream().filter(l -> l.matches("\\S+\\s+\\S+\\s+" + check + "\\b.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + check + " in " + r));
    }

    private static String status(CliRunner.Result r, String check) {
        return line(r, check).split("\\s+")[1];
    }

    /** The CLI with the vendor's demo settings in the environment ({@code AUDITLOG_<PREFIX>_<NAME>}). */
    private static CliRunner cli(VendorPlugin plugin, DemoSetup setup) {
        CliRunner cli = new CliRunner();
        for (VendorOption o : plugin.options()) {
            String value = setup.settings().get(o.name());
            if (value != null) {
                cli.env(o.envVar(plugin.settingsPrefix()), value);
            }
        }
        return cli;
    }
}
