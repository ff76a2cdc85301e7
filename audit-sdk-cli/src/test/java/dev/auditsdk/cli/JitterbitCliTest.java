package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jitterbit's two-factor login from the command line: --tfa on a terminal or a pipe, or the code in the environment. */
class JitterbitCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private JitterbitSimulator sim;

    @BeforeEach
    void start() {
        sim = JitterbitSimulator.builder().seed(3).entries(40).span(NOW.minus(Duration.ofDays(1)), NOW)
                .tfaEnabled(true).pollsWhileReceived(0).pollsWhileProcessing(0).build();
        sim.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CliRunner cli() {
        return new CliRunner().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .env("AUDITLOG_JITTERBIT_BASE_URL", sim.baseUrl().toString())
                .env("AUDITLOG_JITTERBIT_EMAIL", sim.email())
                .env("AUDITLOG_JITTERBIT_PASSWORD", sim.password())
                .env("AUDITLOG_JITTERBIT_POLL_INTERVAL", "10ms");
    }

    @Test
    void aTfaCommandGivesEachReLoginAFreshCodeAndNothingIsLost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // half-way through the read the session expires (the simulator's clock jumps past its 4 hours)
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (requests.incrementAndGet() == 20) {
                sim.advanceTime(Duration.ofHours(5));
            }
        });
        try (Mailbox mailbox = new Mailbox(dir)) {
            CliRunner.Result r = cli().run("pull", "jitterbit", "--from", "1d", "--to", NOW.toString(), "--window-size", "2h",
                    "--tfa-command", mailbox.command());
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(PullCommandTest.ids(r.stdout)).hasSize(40).doesNotHaveDuplicates();
            assertThat(sim.tfaCodesSent()).as("a login with a fresh code at the start and again after the session expired")
                    .isEqualTo(2);
            assertThat(mailbox.handedOut()).hasSize(sim.tfaCodesSent());
            assertThat(r.stdout + r.stderr + r.log).doesNotContain(sim.password());
        }
    }

    @Test
    void aTailSurvivesThreeReLoginsEachWithAFreshCodeFromTheCommandAndLosesNothing(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        sim.close();
        sim = JitterbitSimulator.builder().seed(5).entries(60).span(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1)))
                .tfaEnabled(true).pollsWhileReceived(0).pollsWhileProcessing(0).build();
        sim.start();
        // the session ends three times part-way through the read (every 15th request after a login)
        java.util.concurrent.atomic.AtomicInteger sinceLogin = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger expiries = new java.util.concurrent.atomic.AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.path().contains("/user/login")) {
                sinceLogin.set(0);
            } else if (sinceLogin.incrementAndGet() == 15 && expiries.get() < 3) {
                expiries.incrementAndGet();
                sim.expireSessions();
            }
        });
        java.nio.file.Path out = dir.resolve("tail.ndjson");
        StopSignal stop = new StopSignal();
        try (Mailbox mailbox = new Mailbox(dir)) {
            CliRunner cli = cli().stop(stop);
            CompletableFuture<CliRunner.Result> tail = CompletableFuture.supplyAsync(() -> cli.run("tail", "jitterbit",
                    "--checkpoint", dir.resolve("tail.cp").toString(), "--interval", "20ms", "--from", "2d",
                    "--window-size", "2h", "--tfa-command", mailbox.command(), "--min-login-interval", "0s",
                    "-o", out.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((lines(out) < 60 || expiries.get() < 3) && !tail.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100); // a few more polls: nothing may be written twice
            stop.request();
            CliRunner.Result r = tail.get(30, TimeUnit.SECONDS);

            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(expiries.get()).as("the session was ended three times").isEqualTo(3);
            java.util.List<String> ids = PullCommandTest.ids(Files.readString(out));
            assertThat(ids).as("nothing lost, nothing twice").hasSize(60).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sim.records().stream().map(rec -> rec.requestId())
                            .collect(java.util.stream.Collectors.toList()));
            assertThat(sim.successfulLogins()).as("the first login and three re-logins").isEqualTo(4);
            assertThat(sim.tfaCodesSent()).as("each login asked for its own code").isEqualTo(4);
            assertThat(mailbox.handedOut()).as("each code came from the command, each a fresh one").hasSize(4);
            assertThat(r.stdout + r.stderr + r.log).doesNotContain(sim.password());
        }
    }

    @Test
    void aBadLoginIntervalIsAUsageErrorNamingTheOption() {
        CliRunner.Result r = cli().run("pull", "jitterbit", "--from", "2d", "--min-login-interval", "soon");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr).contains("--min-login-interval");
    }

    private static long lines(java.nio.file.Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /**
     * The user's mailbox and a code command reading it: each code the simulator "emails" is
     * written once to a file, which the command waits for, prints and consumes.
     */
    private final class Mailbox implements AutoCloseable {
        private final java.nio.file.Path dir;
        private final java.nio.file.Path code;
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final java.util.Set<String> handedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Thread thread;

        Mailbox(java.nio.file.Path dir) {
            this.dir = dir;
            this.code = dir.resolve("code");
            this.thread = new Thread(this::deliver);
            thread.start();
        }

        String command() {
            return "while [ ! -s '" + code + "' ]; do sleep 0.01; done; cat '" + code + "'; rm -f '" + code + "'";
        }

        java.util.Set<String> handedOut() {
            return handedOut;
        }

        private void deliver() {
            while (running.get()) {
                sim.lastTfaCode().filter(handedOut::add).ifPresent(c -> {
                    try {
                        java.nio.file.Path tmp = dir.resolve("code.tmp");
                        Files.writeString(tmp, c + "\n");
                        Files.move(tmp, code, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    @Test
    void aFailingTfaCommandIsAnAuthenticationErrorNamingTheOption() {
        CliRunner.Result r = cli().run("pull", "jitterbit", "--from", "2d", "--tfa-command", "echo S3CR3T-leak >&2; exit 3");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.stderr).contains("the tfa-command exited with status 3").doesNotContain("S3CR3T-leak");
    }

    @Test
    void tfaAsksForTheEmailedCodeOnTheTerminal() {
        AtomicReference<String> asked = new AtomicReference<>();
        AtomicReference<String> code = new AtomicReference<>();
        CliRunner.Result r = cli().prompter(prompt -> {
            asked.set(prompt);
            code.set(sim.lastTfaCode().orElseThrow());
            return code.get().toCharArray();
        }).run("--verbose", "pull", "jitterbit", "--from", "2d", "--tfa");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(asked.get()).isEqualTo("Jitterbit two-factor code (emailed to " + sim.email() + "): ");
        assertThat(PullCommandTest.ids(r.stdout)).hasSize(40).doesNotHaveDuplicates();
        assertThat(sim.tfaCodesSent()).isEqualTo(1);
        assertThat(r.stdout + r.stderr + r.log).doesNotContain(code.get()).doesNotContain(sim.password());
    }

    @Test
    void withoutATerminalTheCodeCanBePipedOnStdin() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(writer);
        // a script that waits for the email, then writes the code
        CompletableFuture<Void> mailbox = CompletableFuture.runAsync(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sim.lastTfaCode().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                writer.write((sim.lastTfaCode().orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
                writer.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRunner.Result r = cli().stdin(stdin).run("pull", "jitterbit", "--from", "2d", "--tfa");
        mailbox.get(10, TimeUnit.SECONDS);

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(PullCommandTest.ids(r.stdout)).hasSize(40);
    }

    @Test
    void aTwoFactorAccountWithoutTfaOptionsSaysWhatToDo() {
        CliRunner.Result r = cli().run("pull", "jitterbit", "--from", "2d");

        assertThat(r.exitCode).isEqualTo(ExitCodes.AUTH);
        assertThat(r.stderr).contains("auditlog: jitterbit: authentication failed").contains("two-factor")
                .contains("add --tfa").contains("AUDITLOG_JITTERBIT_TFA_CODE");
    }

    @Test
    void aWrongCodeFromTheEnvironmentIsAnAuthenticationErrorAndNotShown() {
        CliRunner.Result r = cli().env("AUDITLOG_JITTERBIT_TFA_CODE", "S3CR3T-000000")
                .run("--verbose", "pull", "jitterbit", "--from", "2d");

        assertThat(r.exitCode).isEqualTo(ExitCodes.AUTH);
        assertThat(r.stdout + r.stderr + r.log).doesNotContain("S3CR3T-000000");
        assertThat(sim.tfaCodesSent()).isEqualTo(1);
        // the code from the environment was sent as the answer (and refused: it is not the emailed one)
        assertThat(sim.requestCount(JitterbitSimulator.TFA_PATH)).isEqualTo(1);
    }
}
