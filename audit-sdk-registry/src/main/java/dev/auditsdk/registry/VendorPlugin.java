package dev.auditsdk.registry;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.error.AuditSdkException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One vendor on the command line. A vendor joins {@code auditlog} by implementing this
 * interface in one small class and listing it in {@link VendorRegistry#builtIn()} (or, outside
 * this project, in {@code META-INF/services/dev.auditsdk.registry.VendorPlugin}).
 *
 * <p>The command line turns {@link #options()} into {@code --options} of {@code auditlog pull
 * <vendor>} and {@code auditlog tail <vendor>}, resolves their values (command line, then
 * {@code AUDITLOG_<PREFIX>_<NAME>}, then the {@code --config} file, then defaults) and hands them
 * to {@link #openSource}. Everything else (formats, checkpoints, errors, progress) is shared.
 */
public interface VendorPlugin {

    /** @return the vendor's name, e.g. {@code lifecycle}, {@code uipath-unified} */
    String name();

    /** @return one line saying what is read, e.g. {@code "Sonatype Lifecycle audit log (GET /api/v2/auditLogs)"} */
    String description();

    /**
     * The prefix of the environment variables and config keys; vendors with two APIs share one
     * so that one set of credentials serves both.
     *
     * @return the prefix, by default the {@link #name()}
     */
    default String settingsPrefix() {
        return name();
    }

    /** @return the settings this vendor needs, in help order */
    List<VendorOption> options();

    /**
     * The options whose values tell which account the vendor rate-limits as one: sources whose
     * values agree share the vendor's limit, so a caller that runs many of them (the Kafka
     * connector) keeps them together.
     *
     * @return option names; by default the endpoint options and every required option that is not secret
     */
    default List<String> rateLimitScope() {
        List<String> names = new ArrayList<>();
        for (VendorOption o : options()) {
            boolean endpoint = o.name().equals("base-url") || o.name().equals("region") || o.name().equals("login-url");
            if (endpoint || (o.required() && !o.secret())) {
                names.add(o.name());
            }
        }
        return names;
    }

    /**
     * Builds the vendor's source from resolved settings.
     *
     * @param settings the resolved values of {@link #options()}
     * @param context the terminal (if any), warnings and the transport listener
     * @return a new source, closed by the caller
     * @throws VendorSettingException when a setting is missing or invalid
     */
    AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context);

    /** @return true when {@code auditlog export <vendor>} is offered (a bulk export API) */
    default boolean supportsExport() {
        return false;
    }

    /**
     * Builds the source for a bulk export of {@code [from, to)}; vendors whose export API has
     * range rules pick the suitable API for the range.
     *
     * @param settings the resolved settings
     * @param context the terminal and warnings
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @return a new source, closed by the caller
     * @throws UnsupportedOperationException unless {@link #supportsExport()}
     */
    default AuditLogSource<? extends AuditLogEntry> openExport(VendorSettings settings, VendorContext context,
            Instant from, Instant to) {
        throw new UnsupportedOperationException(name() + " has no export");
    }

    /**
     * A vendor-specific hint for an error, e.g. the permission a 403 means is missing.
     *
     * @param error the failure
     * @param settings the settings in use
     * @return what to check, or empty to use the generic hint
     */
    default Optional<String> hint(AuditSdkException error, VendorSettings settings) {
        return Optional.empty();
    }

    /** @return example command lines for the help of {@code auditlog vendors} */
    default List<String> examples() {
        return List.of();
    }
}
