package dev.auditsdk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what the SDK does (requests, retries, pages) to stderr, and show stack traces on errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print nothing on stderr but errors: no progress, summary or warnings.")
    boolean quiet;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A properties file with vendor settings as <vendor>.<option>=value (e.g. lifecycle.base-url=...)."
                    + " Command-line options and AUDITLOG_* environment variables take precedence.")
    Path config;

    /** @return true with {@code --verbose} */
    public boolean verbose() {
        return verbose;
    }

    /** @return true with {@code --quiet} */
    public boolean quiet() {
        return quiet;
    }

    /** @return the {@code --config} file, or null */
    public Path config() {
        return config;
    }
}
