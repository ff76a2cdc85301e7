package dev.auditsdk.cli;

import dev.auditsdk.registry.VendorRegistry;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a run of {@code auditlog} takes from the outside world: stdout, stderr, the
 * environment variables, the terminal, the clock, the stop signal and the vendors. The real
 * process uses {@link #system}; tests build one with captured streams.
 */
public final class CliEnvironment {
    private final OutputStream stdout;
    private final PrintStream stderr;
    private final Map<String, String> env;
    private final Function<String, char[]> prompter;
    private final boolean terminal;
    private final Clock clock;
    private final StopSignal stop;
    private final VendorRegistry registry;
    private final SecretRedactor redactor;

    private CliEnvironment(Builder b) {
        this.redactor = b.redactor;
        this.stdout = Objects.requireNonNull(b.stdout, "stdout");
        Objects.requireNonNull(b.stderr, "stderr");
        // stderr always goes through the redactor: a secret is never shown, whoever prints it
        OutputStream err = b.rawStderr ? b.stderr : new RedactingOutputStream(b.stderr, redactor);
        this.stderr = err instanceof PrintStream ? (PrintStream) err : new PrintStream(err, true, StandardCharsets.UTF_8);
        this.env = Map.copyOf(Objects.requireNonNull(b.env, "env"));
        this.prompter = b.prompter;
        this.terminal = b.terminal;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.stop = Objects.requireNonNull(b.stop, "stop");
        this.registry = Objects.requireNonNull(b.registry, "registry");
    }

    /** @return a builder with the system clock, no environment, no terminal and the discovered vendors */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The real process: file descriptors 1 and 2 (stdout unbuffered by {@link System#out}, so a
     * closed pipe is reported), the process environment, and the console when there is one.
     *
     * @param stderr the (redacting) stderr the process installed
     * @param redactor the redactor behind {@code stderr}
     * @param stop the signal the shutdown hook raises
     * @return the environment
     */
    static CliEnvironment system(OutputStream stderr, SecretRedactor redactor, StopSignal stop) {
        Console console = System.console();
        Builder b = builder().stdout(new FileOutputStream(FileDescriptor.out)).env(System.getenv())
                .terminal(console != null).stop(stop).redactor(redactor);
        if (console != null) {
            b.prompter(prompt -> {
                char[] answer = console.readPassword("%s", prompt);
                return answer == null ? new char[0] : answer;
            });
        } else {
            // no terminal: a script can pipe the answer (e.g. a two-factor code fetched from a mailbox)
            b.prompter(System.in);
        }
        // already redacting: Main installed it as System.err, so SDK logging is redacted too
        b.stderr = stderr;
        b.rawStderr = true;
        return b.build();
    }

    /** @return the raw stdout for records; writers buffer on top of it */
    public OutputStream stdout() {
        return stdout;
    }

    /** @return stderr, for messages, progress and warnings; redacts secrets */
    public PrintStream stderr() {
        return stderr;
    }

    /** @return the environment variables */
    public Map<String, String> env() {
        return env;
    }

    /**
     * @return what asks the user for a secret without echo, when there is a terminal
     */
    public Optional<Function<String, char[]>> prompter() {
        return Optional.ofNullable(prompter);
    }

    /** @return true when stderr is a terminal: progress is shown */
    public boolean terminal() {
        return terminal;
    }

    /** @return the clock for "now" and rates */
    public Clock clock() {
        return clock;
    }

    /** @return the stop signal of this run */
    public StopSignal stop() {
        return stop;
    }

    /** @return the vendors */
    public VendorRegistry registry() {
        return registry;
    }

    /** @return the secrets hidden from stderr */
    public SecretRedactor redactor() {
        return redactor;
    }

    /** Builds a {@link CliEnvironment}. */
    public static final class Builder {
        private OutputStream stdout;
        private OutputStream stderr;
        private boolean rawStderr;
        private Map<String, String> env = Map.of();
        private Function<String, char[]> prompter;
        private boolean terminal;
        private Clock clock = Clock.systemUTC();
        private StopSignal stop = new StopSignal();
        private VendorRegistry registry;
        private SecretRedactor redactor = new SecretRedactor();

        private Builder() {
        }

        /**
         * @param stdout where records go
         * @return this builder
         */
        public Builder stdout(OutputStream stdout) {
            this.stdout = stdout;
            return this;
        }

        /**
         * @param stderr where messages go (wrapped in a redacting stream)
         * @return this builder
         */
        public Builder stderr(OutputStream stderr) {
            this.stderr = stderr;
            return this;
        }

        /**
         * @param env the environment variables
         * @return this builder
         */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /**
         * @param prompter asks for a secret on a terminal; null when there is none
         * @return this builder
         */
        public Builder prompter(Function<String, char[]> prompter) {
            this.prompter = prompter;
            return this;
        }

        /**
         * Answers prompts with lines read from a stream (tests, or a code piped in).
         *
         * @param in the lines to answer with
         * @return this builder
         */
        public Builder prompter(InputStream in) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.prompter = prompt -> {
                try {
                    String line = reader.readLine();
                    return line == null ? new char[0] : line.toCharArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            return this;
        }

        /**
         * @param terminal whether stderr is a terminal (progress shown)
         * @return this builder
         */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        /**
         * @param clock the clock for "now"
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param stop the stop signal
         * @return this builder
         */
        public Builder stop(StopSignal stop) {
            this.stop = stop;
            return this;
        }

        /**
         * @param registry the vendors
         * @return this builder
         */
        public Builder registry(VendorRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * @param redactor the secret redactor shared with the process's stderr
         * @return this builder
         */
        public Builder redactor(SecretRedactor redactor) {
            this.redactor = redactor;
            return this;
        }

        /** @return the environment */
        public CliEnvironment build() {
            if (registry == null) {
                registry = VendorRegistry.discover();
            }
            return new CliEnvironment(this);
        }
    }
}
