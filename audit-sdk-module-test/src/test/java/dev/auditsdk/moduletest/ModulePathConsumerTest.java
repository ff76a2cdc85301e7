package dev.auditsdk.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.cli.vendor.DemoSetup;
import dev.auditsdk.cli.vendor.VendorDemos;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer application ({@link ConsumerApp}, with its own {@code module-info} requiring the
 * vendor modules) runs in a JVM of its own on the module path against a Lifecycle simulator and
 * reads exactly what the SDK reads on the class path; its classes come from named modules, and a
 * reflective call into core's machinery is refused. A second consumer reads every vendor through
 * the vendor registry (its plugins, their builders, logins, export jobs and Jackson-read answers)
 * from the demo's simulators, on the module path, and gets what the class path gets.
 */
class ModulePathConsumerTest {
    private static final Instant FROM = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-13T00:00:00Z");

    @Test
    void aModularApplicationReadsThroughTheUserApiAndCannotReachTheMachinery() throws Exception {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().user("auditor", "pw-1").exportEvents(false)
                .seed(7).storedEvents(300).range(FROM, TO).build()) {
            sim.start();
            List<String> expected = new ArrayList<>();
            try (LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl(sim.baseUrl())
                    .credentials("auditor", "pw-1").build();
                    AuditLogStream<LifecycleAuditEntry> entries = source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())) {
                for (LifecycleAuditEntry e : entries) {
                    expected.add(e.id() + " " + e.timestamp());
                }
            }

            Run run = runOnModulePath(sim.baseUrl().toString(), "auditor", "pw-1", FROM.toString(), TO.toString());

            assertThat(run.exit).as("exit status; stderr:%n%s", run.stderr).isZero();
            List<String> read = run.lines.stream().filter(l -> l.startsWith("entry "))
                    .map(l -> l.substring("entry ".length(), l.lastIndexOf(' '))).collect(Collectors.toList());
            assertThat(expected).hasSize(300);
            assertThat(read).isEqualTo(expected);
            assertThat(run.lines).filteredOn(l -> l.startsWith("entry "))
                    .allSatisfy(l -> assertThat(l).doesNotEndWith(" none")); // an OCSF class for every event
            assertThat(run.lines).filteredOn(l -> l.startsWith("checkpoint ")).hasSize(1);
            assertThat(run.lines).contains("module dev.auditsdk.moduletest", "module dev.auditsdk.lifecycle",
                    "module dev.auditsdk.core", "spi sealed");
            assertThat(run.stderr).doesNotContain("InaccessibleObjectException").doesNotContain("IllegalAccess");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"boomi", "informatica", "informatica-security", "jitterbit", "lifecycle", "uipath", "uipath-unified"})
    void everyVendorReadsOnTheModulePathThroughTheRegistry(String vendor) throws Exception {
        VendorPlugin plugin = VendorRegistry.discover().find(vendor).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(2));
        try (DemoSetup setup = VendorDemos.start(plugin, now, 11).orElseThrow()) {
            List<String> expected = new ArrayList<>();
            AuditLogQuery query = AuditLogQuery.builder().from(from).to(now).build();
            try (AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(
                    VendorSettings.of(plugin, setup.settings()), new QuietContext())) {
                readIds(source, query, expected);
            }
            List<String> args = new ArrayList<>(List.of(vendor, from.toString(), now.toString()));
            setup.settings().forEach((k, v) -> args.add(k + "=" + v));

            Run run = run("dev.auditsdk.moduletest.RegistryConsumerApp", args.toArray(new String[0]));

            assertThat(run.exit).as("exit status; stderr:%n%s", run.stderr).isZero();
            List<String> read = run.lines.stream().filter(l -> l.startsWith("entry "))
                    .map(l -> l.substring("entry ".length(), l.lastIndexOf(' '))).collect(Collectors.toList());
            assertThat(expected).isNotEmpty();
            assertThat(read).isEqualTo(expected);
            assertThat(run.lines).filteredOn(l -> l.startsWith("entry ")).allSatisfy(l -> assertThat(l).doesNotEndWith(" none"));
            assertThat(run.lines).contains("module dev.auditsdk." + vendor.replaceFirst("-.*", ""));
            assertThat(run.stderr).doesNotContain("InaccessibleObjectException").doesNotContain("IllegalAccess");
        }
    }

    private static <E extends AuditLogEntry> void readIds(AuditLogSource<E> source, AuditLogQuery query, List<String> into) {
        try (AuditLogStream<E> entries = source.fetch(query)) {
            for (E e : entries) {
                into.add(e.id() + " " + e.timestamp());
            }
        }
    }

    /** No terminal and no listeners, as the consumer has. */
    private static final class QuietContext implements VendorContext {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] promptSecret(String prompt) {
            throw new IllegalStateException("no terminal: " + prompt);
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public TransportListener transportListener() {
            return TransportListener.NONE;
        }
    }

    /** The result of one run of the consumer. */
    private static final class Run {
        final int exit;
        final List<String> lines;
        final String stderr;

        Run(int exit, List<String> lines, String stderr) {
            this.exit = exit;
            this.lines = lines;
            this.stderr = stderr;
        }
    }

    private static Run runOnModulePath(String... args) throws IOException, InterruptedException {
        return run("dev.auditsdk.moduletest.ConsumerApp", args);
    }

    private static Run run(String mainClass, String... args) throws IOException, InterruptedException {
        Path modulePathFile = Paths.get("target", "module-path.txt");
        assertThat(modulePathFile).as("written by maven-dependency-plugin in generate-test-resources").exists();
        String dependencies = Files.readString(modulePathFile, StandardCharsets.UTF_8).trim();
        String modulePath = Paths.get("target", "classes").toAbsolutePath() + File.pathSeparator + dependencies;
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "--module-path", modulePath,
                "--module", "dev.auditsdk.moduletest/" + mainClass));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("consumer", ".out");
        Path stderr = Files.createTempFile("consumer", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the consumer did not finish within 120 s");
            }
            return new Run(p.exitValue(), Files.readAllLines(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
