package dev.auditsdk.registry;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.jitterbit.JitterbitApiLogSource;
import dev.auditsdk.jitterbit.JitterbitSourceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Jitterbit Harmony: the API Manager log export ({@code debuglogs-async}). Two-factor login:
 * {@code --tfa} asks for the emailed code on the terminal, or the code is taken from
 * {@code AUDITLOG_JITTERBIT_TFA_CODE}.
 */
public final class JitterbitPlugin implements VendorPlugin {

    @Override
    public String name() {
        return "jitterbit";
    }

    @Override
    public String description() {
        return "Jitterbit Harmony API Manager API logs (asynchronous log export)";
    }

    @Override
    public List<VendorOption> options() {
        return DeliverySettings.with(List.of(
                VendorOption.builder().name("region").label("REGION").defaultValue("NA")
                        .description("NA (na-east), EMEA (emea-west) or APAC.").build(),
                VendorOption.text("base-url", "URL", "Harmony host instead of --region, e.g. https://apac-southeast.jitterbit.com."),
                VendorOption.builder().name("email").label("EMAIL").required(true)
                        .description("Harmony user's email.").build(),
                VendorOption.builder().from(VendorOption.secret("password", "SECRET", "The user's password."))
                        .required(true).build(),
                VendorOption.flag("tfa", "Ask for the two-factor code on the terminal when Harmony emails one."),
                VendorOption.secret("tfa-code", "CODE", "The emailed two-factor code (instead of --tfa)."),
                VendorOption.text("tfa-command", "CMD", "Command printing the emailed two-factor code on its first line,"
                        + " run at each login that asks for one (instead of --tfa; for long tails that log in again)."),
                VendorOption.builder().name("min-login-interval").label("DURATION").defaultValue("1m")
                        .description("Login pacing: at most one login for session expiry and one after a refusal"
                                + " per interval (each may email a two-factor code); 0 turns it off.").build(),
                VendorOption.text("device-id", "ID", "Device id the two-factor code is bound to (default: derived"
                        + " from user and host, stable per installation)."),
                VendorOption.text("org-id", "ID", "Organization id (default: the user's default organization)."),
                VendorOption.text("time-zone", "ZONE", "Time zone the range is sent in (default UTC)."),
                VendorOption.text("filter", "QUERY", "Harmony queryString, e.g. \"statuscode>=400; apiname=orders\"."),
                VendorOption.text("poll-interval", "DURATION", "First wait between export status polls (default 1s;"
                        + " doubles up to 30s)."),
                VendorOption.flag("retrieve-log-messages", "Include the API log messages in the export (off by default,"
                        + " as Harmony documents: they can be large)."),
                VendorOption.flag("json-files", "Ask Harmony for JSON log files instead of CSV."),
                VendorOption.text("window-size", "DURATION", "Range of one export job (default 1d)."),
                VendorOption.builder().from(VendorOption.text("export-deadline", "DURATION", "How long one export may"
                        + " take before it is taken to be stuck and requested again (default 30m).")).assumption("Harmony"
                        + " documents no export duration; one still RECEIVED or PROCESSING after 30m is assumed stuck")
                        .build(),
                VendorOption.text("lock-workarounds", "N", "Distinct re-requests of a locked, failed or stuck export"
                        + " before giving up (default 3).")));
    }

    @Override
    public AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context) {
        JitterbitSourceBuilder b = JitterbitApiLogSource.builder();
        Optional<java.net.URI> base = settings.uri("base-url");
        if (base.isPresent()) {
            b.baseUrl(base.get());
        } else {
            settings.get("region").ifPresent(r -> {
                try {
                    b.region(r);
                } catch (IllegalArgumentException e) {
                    throw settings.invalid("region", "expected NA, EMEA or APAC");
                }
            });
        }
        b.credentials(settings.require("email"), settings.require("password"));
        Optional<String> code = settings.get("tfa-code");
        boolean prompt = settings.flag("tfa");
        Optional<String> command = settings.get("tfa-command");
        if (command.isPresent()) {
            if (code.isPresent() || prompt) {
                throw settings.needs("tfa-command", "only one of {}, {} and {}", "tfa-code", "tfa");
            }
            CodeCommand run = new CodeCommand("tfa-command", command.get());
            b.tfaCodeSupplier(challenge -> run.get());
        } else if (code.isPresent() || prompt) {
            // only when asked for: without a supplier the SDK says plainly that a code is needed
            b.tfaCodeSupplier(challenge -> code.map(Secret::of).orElseGet(() -> Secret.of(new String(
                    context.promptSecret("Jitterbit two-factor code (emailed to " + challenge.email() + "): ")))));
        }
        settings.set("min-login-interval", settings.duration("min-login-interval", true), b::minLoginInterval);
        settings.get("device-id").ifPresent(b::deviceId);
        settings.get("org-id").ifPresent(b::orgId);
        settings.get("time-zone").ifPresent(b::clientTimeZone);
        settings.get("filter").ifPresent(b::filter);
        // both export-job options build the one ExportJobOptions value
        ExportJobOptions.Builder exportJob = JitterbitSourceBuilder.DEFAULT_EXPORT_JOB.toBuilder();
        settings.get("poll-interval").ifPresent(p -> {
            Duration initial = pollInterval(settings, p);
            exportJob.pollInterval(initial, initial.multipliedBy(30).compareTo(Duration.ofSeconds(30)) > 0
                    ? initial.multipliedBy(30) : Duration.ofSeconds(30));
        });
        settings.set("export-deadline", settings.duration("export-deadline", false), exportJob::deadline);
        b.exportJob(exportJob.build());
        if (settings.flag("retrieve-log-messages")) {
            b.retrieveLogMessages(true);
        }
        if (settings.flag("json-files")) {
            b.csvFormat(false);
        }
        settings.set("window-size", settings.duration("window-size", false), b::windowSize);
        settings.setInteger("lock-workarounds", b::lockWorkarounds);
        DeliverySettings.apply(b, settings).listener(context.transportListener()).auditLogListener(context.auditLogListener());
        return b.build();
    }

    private static Duration pollInterval(VendorSettings settings, String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw settings.invalid("poll-interval", "expected a duration such as 500ms or 2s");
        }
    }

    @Override
    public Optional<String> hint(AuditSdkException error, VendorSettings settings) {
        String message = String.valueOf(error.getMessage());
        if (error instanceof AuditAuthenticationException && message.contains("two-factor")) {
            return Optional.of("the account uses two-factor authentication: add --tfa to type the emailed code on the"
                    + " terminal (or pipe it on stdin), or set AUDITLOG_JITTERBIT_TFA_CODE");
        }
        return Optional.empty();
    }

    @Override
    public List<String> examples() {
        return List.of("AUDITLOG_JITTERBIT_PASSWORD=... auditlog pull jitterbit --region EMEA --email ops@acme.example"
                + " --tfa --from 7d --filter \"statuscode>=400\" --format csv -o api-errors.csv");
    }
}
