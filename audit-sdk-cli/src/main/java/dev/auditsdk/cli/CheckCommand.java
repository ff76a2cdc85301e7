package dev.auditsdk.cli;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code auditlog check <vendor>}: proves a configuration works before anything relies on it.
 * Resolves the settings, signs in and reads at most one entry of the last hour (the cheapest read
 * every vendor offers), and prints one line per check: {@code settings}, {@code reachable},
 * {@code authenticated}, {@code audit log readable} and, when the vendor's answers carry a
 * {@code Date} header, {@code clock skew}. Writes no entry and no checkpoint; the exit code is the
 * one {@code pull} would end with.
 */
@Command(sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true)
final class CheckCommand extends VendorCommand {
    /** The read that proves access: short, so that it costs one request on every vendor. */
    static final Duration PROBE_RANGE = Duration.ofHours(1);
    /** Above this the clocks disagree by more than a {@code Date} header's second and a request's latency. */
    static final Duration SKEW_TOLERANCE = Duration.ofSeconds(5);

    static final String SETTINGS = "settings";
    static final String REACHABLE = "reachable";
    static final String AUTHENTICATED = "authenticated";
    static final String READABLE = "audit log readable";
    static final String CLOCK_SKEW = "clock skew";

    private CheckProbe probe;

    CheckCommand(VendorPlugin plugin, CliEnvironment env) {
        super(plugin, env);
    }

    @Override
    TransportListener transportListener() {
        return probe;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        probe = new CheckProbe(stats, env.clock());
        try {
            resolveSettings();
        } catch (RuntimeException e) {
            return fail(out, SETTINGS, e, REACHABLE, AUTHENTICATED, READABLE, CLOCK_SKEW);
        }
        AuditLogSource<? extends AuditLogEntry> source;
        try {
            source = plugin.openSource(settings, context());
        } catch (RuntimeException e) {
            return fail(out, SETTINGS, e, REACHABLE, AUTHENTICATED, READABLE, CLOCK_SKEW);
        }
        line(out, "ok", SETTINGS, describeSettings());
        Instant end = env.clock().instant().minus(source.settleLag());
        AuditLogQuery query = AuditLogQuery.builder().from(end.minus(PROBE_RANGE)).to(end).limit(1).build();
        int read = 0;
        RuntimeException failure = null;
        try (source; AuditLogStream<? extends AuditLogEntry> stream = source.fetch(query)) {
            Iterator<? extends AuditLogEntry> it = stream.iterator();
            if (it.hasNext()) {
                it.next();
                read = 1;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            return failedRead(out, failure);
        }
        line(out, "ok", REACHABLE, probe.answered() ? probe.firstAnswer() : "no request was needed");
        line(out, "ok", AUTHENTICATED, "the credentials were accepted");
        line(out, "ok", READABLE, (read == 0 ? "no entry" : "1 entry") + " in the hour up to " + end
                + " (read, not written)");
        clockSkew(out);
        return ExitCodes.OK;
    }

    /** Tells which step the failure stopped at: no answer at all, the sign-in, or the read. */
    private int failedRead(PrintWriter out, RuntimeException failure) {
        Throwable primary = ErrorReporter.primary(failure);
        if (!probe.answered()) {
            return fail(out, REACHABLE, failure, AUTHENTICATED, READABLE, CLOCK_SKEW);
        }
        line(out, "ok", REACHABLE, probe.firstAnswer());
        int code;
        if (primary instanceof AuditAuthenticationException || probe.failedDuringLogin()) {
            code = fail(out, AUTHENTICATED, failure, READABLE);
        } else {
            line(out, "ok", AUTHENTICATED, "the credentials were accepted");
            code = fail(out, READABLE, failure);
        }
        clockSkew(out);
        return code;
    }

    private void clockSkew(PrintWriter out) {
        if (probe.skew().isEmpty()) {
            line(out, "skip", CLOCK_SKEW, "the vendor's answers carry no Date header");
            return;
        }
        Duration skew = probe.skew().get();
        long seconds = Math.abs(skew.toSeconds());
        if (skew.abs().compareTo(SKEW_TOLERANCE) <= 0) {
            line(out, "ok", CLOCK_SKEW, "within " + SKEW_TOLERANCE.toSeconds() + " s of the vendor's Date header ("
                    + (skew.isNegative() ? "-" : "+") + seconds + " s)");
            return;
        }
        // reads end at this machine's "now" minus the settle lag: a clock ahead of the vendor's
        // moves the checkpoint past entries the vendor has not written yet
        line(out, "warn", CLOCK_SKEW, "this machine's clock is " + seconds + " s "
                + (skew.isNegative() ? "ahead of" : "behind") + " the vendor's Date header; sync it (NTP)"
                + (skew.isNegative() ? " or keep --lag above " + seconds + " s, or entries may be skipped" : ""));
    }

    /** Prints the failed check, the ones it makes impossible as skipped, and returns {@code pull}'s exit code. */
    private int fail(PrintWriter out, String check, Throwable error, String... skipped) {
        String message = ErrorReporter.message(error, plugin, settings);
        String prefix = "auditlog: " + plugin.name() + ": ";
        message = message.startsWith(prefix) ? message.substring(prefix.length())
                : message.startsWith("auditlog: ") ? message.substring("auditlog: ".length()) : message;
        line(out, "FAIL", check, message);
        for (String s : skipped) {
            if (!s.equals(CLOCK_SKEW)) {
                line(out, "skip", s, "needs " + check);
            }
        }
        return ErrorReporter.exitCode(error);
    }

    private void line(PrintWriter out, String status, String check, String detail) {
        out.println(String.format(Locale.ROOT, "%-14s %-4s  %-18s  %s", plugin.name(), status, check, detail));
        out.flush();
    }

    /** Every option that has a value, where it came from, secrets as {@code ****}. */
    private String describeSettings() {
        List<String> parts = new ArrayList<>();
        for (VendorOption o : plugin.options()) {
            settings.get(o.name()).ifPresent(v -> parts.add(o.name() + "=" + (o.secret() ? "****" : v) + " ("
                    + settings.origin(o.name()).map(CheckCommand::origin).orElse("default") + ")"));
        }
        return String.join(", ", parts);
    }

    private static String origin(VendorSettings.Origin origin) {
        switch (origin) {
            case COMMAND_LINE:
                return "command line";
            case ENVIRONMENT:
                return "environment";
            case CONFIG_FILE:
                return "config file";
            default:
                return "default";
        }
    }
}
