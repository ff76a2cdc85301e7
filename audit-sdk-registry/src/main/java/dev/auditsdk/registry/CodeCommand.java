package dev.auditsdk.registry;

import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.error.AuditAuthenticationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A one-time code from a command the user configures ({@code otp-command}, {@code tfa-command}),
 * run each time a code is needed: its first line of standard output is the code. One-time codes
 * are valid once, so a long {@code tail} that logs in again needs a fresh code each time; a
 * TOTP generator ({@code oathtool --totp -b "$SEED"}, a password manager's CLI) plugs in here.
 * The command runs through the system shell; its output is never logged, its error output is
 * discarded, and a non-zero exit status, a timeout or an empty first line is an
 * {@link AuditAuthenticationException} naming the option (not the output).
 */
final class CodeCommand implements Supplier<Secret> {
    /** How long the command may run. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String option;
    private final String command;

    CodeCommand(String option, String command) {
        this.option = Objects.requireNonNull(option, "option");
        this.command = Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
    }

    @Override
    public Secret get() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> argv = windows ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(windows ? "NUL" : "/dev/null"))).start();
        } catch (IOException e) {
            throw failure("could not be started (" + e.getClass().getSimpleName() + ")");
        }
        try {
            String first;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                first = out.readLine();
                while (out.readLine() != null) {
                    // drain, so the command is not blocked on a full pipe
                }
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure("did not finish within " + TIMEOUT.getSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw failure("exited with status " + process.exitValue());
            }
            if (first == null || first.isBlank()) {
                throw failure("printed no code on its first line");
            }
            return Secret.of(first.trim());
        } catch (IOException e) {
            throw failure("could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted");
        } finally {
            process.destroyForcibly();
        }
    }

    private AuditAuthenticationException failure(String what) {
        return new AuditAuthenticationException("the " + option + " " + what, 0, null, null, null);
    }

    @Override
    public String toString() {
        return "CodeCommand{" + option + "}";
    }
}
