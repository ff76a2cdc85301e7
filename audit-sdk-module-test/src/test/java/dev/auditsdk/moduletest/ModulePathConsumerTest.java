package dev.auditsdk.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.AuditLogQuery;
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

/**
 * The consumer application ({@link ConsumerApp}, with its own {@code module-info} requiring the
 * vendor modules) runs in a JVM of its own on the module path against a Lifecycle simulator and
 * reads exactly what the SDK reads on the class path; its classes come from named modules, and a
 * reflective call into core's machinery is refused.
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
                    .allSatisfy(l -> assertThat(l).doesNotEndWith(" 0")); // an OCSF class for every event
            assertThat(run.lines).filteredOn(l -> l.startsWith("checkpoint ")).hasSize(1);
            assertThat(run.lines).contains("module dev.auditsdk.moduletest", "module dev.auditsdk.lifecycle",
                    "module dev.auditsdk.core", "spi sealed");
            assertThat(run.stderr).doesNotContain("InaccessibleObjectException").doesNotContain("IllegalAccess");
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
        Path modulePathFile = Paths.get("target", "module-path.txt");
        assertThat(modulePathFile).as("written by maven-dependency-plugin in generate-test-resources").exists();
        String dependencies = Files.readString(modulePathFile, StandardCharsets.UTF_8).trim();
        String modulePath = Paths.get("target", "classes").toAbsolutePath() + File.pathSeparator + dependencies;
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "--module-path", modulePath,
                "--module", "dev.auditsdk.moduletest/dev.auditsdk.moduletest.ConsumerApp"));
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
