package dev.auditsdk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured streams (and captured System.err, where SDK logging goes). */
final class CliRunner {
    private final Map<String, String> env = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private String stdin;
    private java.io.InputStream stdinStream;
    private java.util.function.Function<String, char[]> prompter;
    private boolean terminal;
    private StopSignal stop = new StopSignal();

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliRunner stdin(java.io.InputStream in) {
        this.stdinStream = in;
        return this;
    }

    CliRunner prompter(java.util.function.Function<String, char[]> prompter) {
        this.prompter = prompter;
        return this;
    }

    CliRunner terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    CliRunner stop(StopSignal stop) {
        this.stop = stop;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliEnvironment.Builder b = CliEnvironment.builder().stdout(out).stderr(err).env(env).clock(clock)
                .terminal(terminal).stop(stop);
        if (stdin != null) {
            b.prompter(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        if (stdinStream != null) {
            b.prompter(stdinStream);
        }
        if (prompter != null) {
            b.prompter(prompter);
        }
        PrintStream systemErr = System.err;
        int code;
        synchronized (CliRunner.class) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                code = Auditlog.run(b.build(), args);
            } finally {
                System.setErr(systemErr);
            }
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                log.toString(StandardCharsets.UTF_8));
    }

    /** What a run produced. */
    static final class Result {
        final int exitCode;
        final String stdout;
        final String stderr;
        /** What the SDK logged (System.err), not redacted by the CLI. */
        final String log;

        Result(int exitCode, String stdout, String stderr, String log) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.log = log;
        }

        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (String l : stdout.split("\n")) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
