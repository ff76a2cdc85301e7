package dev.auditsdk.registry;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import dev.auditsdk.lifecycle.LifecycleSourceBuilder;
import java.util.List;
import java.util.Optional;

/** Sonatype Lifecycle (IQ Server): {@code GET /api/v2/auditLogs}, read in day windows. */
public final class LifecyclePlugin implements VendorPlugin {

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public String description() {
        return "Sonatype Lifecycle (IQ Server) audit log (GET /api/v2/auditLogs)";
    }

    @Override
    public List<VendorOption> options() {
        return DeliverySettings.with(List.of(
                VendorOption.builder().name("base-url").label("URL")
                        .defaultValue(LifecycleAuditLogSource.DEFAULT_BASE_URL.toString())
                        .description("IQ Server URL.").build(),
                VendorOption.builder().name("username").label("USER").required(true)
                        .description("User with the Access Audit Log permission, or the code of an IQ user token.")
                        .build(),
                VendorOption.builder().from(VendorOption.secret("password", "SECRET",
                        "The user's password, or the passcode of the user token.")).required(true).build(),
                VendorOption.text("window-size", "DURATION", "Range of one request for long ranges, whole days"
                        + " (default 1d)."),
                VendorOption.builder().from(VendorOption.text("day-margin", "N", "Days asked for on each side of a"
                        + " window, 0..2 (default 0); 1 when the server selects by its local date instead of UTC days."))
                        .assumption("the documentation says the server selects by UTC day, but its samples carry"
                                + " local offsets").build()));
    }

    @Override
    public AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context) {
        LifecycleSourceBuilder b = LifecycleAuditLogSource.builder();
        settings.uri("base-url").ifPresent(b::baseUrl);
        b.credentials(settings.require("username"), settings.require("password"));
        settings.set("window-size", settings.duration("window-size", false), b::windowSize);
        settings.setInteger("day-margin", b::dayMargin);
        DeliverySettings.apply(b, settings).listener(context.transportListener()).auditLogListener(context.auditLogListener());
        return b.build();
    }

    @Override
    public Optional<String> hint(AuditSdkException error, VendorSettings settings) {
        if (error instanceof AuditAccessDeniedException) {
            // the SDK's message names the permission already; then only say who can grant it
            return Optional.of(String.valueOf(error.getMessage()).contains("Access Audit Log")
                    ? "ask an IQ Server administrator to grant it"
                    : "the user needs the \"Access Audit Log\" permission (a role on the Root Organization to read"
                            + " the whole log); ask an IQ Server administrator");
        }
        return Optional.empty();
    }

    @Override
    public List<String> examples() {
        return List.of("AUDITLOG_LIFECYCLE_PASSWORD=... auditlog pull lifecycle --base-url https://iq.example.com"
                + " --username auditor --from 2026-01-01 --to 2026-02-01 --format csv -o iq-january.csv");
    }
}
