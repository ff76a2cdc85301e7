package dev.auditsdk.registry;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.uipath.AbstractUiPathSourceBuilder;
import dev.auditsdk.uipath.UiPathAuditLogSource;
import dev.auditsdk.uipath.UiPathSourceBuilder;
import dev.auditsdk.uipath.UiPathUnifiedAuditLogSource;
import dev.auditsdk.uipath.UiPathUnifiedSourceBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * UiPath: {@code uipath} reads the classic Platform Management audit log, {@code uipath-unified}
 * the unified audit API (time-filtered, cursor paged: the one for incremental collection). Both
 * share the {@code AUDITLOG_UIPATH_*} settings.
 */
public final class UiPathPlugin implements VendorPlugin {
    private final boolean unified;

    private UiPathPlugin(boolean unified) {
        this.unified = unified;
    }

    /** @return the classic audit log, {@code uipath} */
    public static UiPathPlugin classic() {
        return new UiPathPlugin(false);
    }

    /** @return the unified audit API, {@code uipath-unified} */
    public static UiPathPlugin unified() {
        return new UiPathPlugin(true);
    }

    @Override
    public String name() {
        return unified ? "uipath-unified" : "uipath";
    }

    @Override
    public String settingsPrefix() {
        return "uipath";
    }

    @Override
    public String description() {
        return unified
                ? "UiPath unified audit API (orgaudit_/tenantaudit_ query/events; time-filtered, for incremental collection)"
                : "UiPath classic Platform Management audit log (audit_/api/auditlogs)";
    }

    @Override
    public List<VendorOption> options() {
        List<VendorOption> options = new ArrayList<>(List.of(
                VendorOption.builder().name("base-url").label("URL").defaultValue("https://cloud.uipath.com")
                        .description("Access URL: https://cloud.uipath.com, https://govcloud.uipath.us, or https://{domain}"
                                + " for Automation Suite.").build(),
                VendorOption.builder().name("organization").label("ORG").required(true)
                        .description("Organization name as it appears in URLs.").build(),
                VendorOption.text("tenant", "TENANT", unified
                        ? "Tenant name for the tenant's events; leave out for the organization's events."
                        : "Tenant name, for the tenant's audit log."),
                VendorOption.builder().name("client-id").label("ID").required(true)
                        .description("App id of an external application with the PM.Audit.Read scope.").build(),
                VendorOption.builder().from(VendorOption.secret("client-secret", "SECRET",
                        "App secret of the external application.")).required(true).build(),
                VendorOption.text("identity-url", "URL",
                        "Identity service root; default {base-url}/identity_ (e.g. https://cloud.uipath.com/{org}/identity_)."),
                VendorOption.builder().name("scopes").label("SCOPES").defaultValue("PM.Audit.Read")
                        .description("OAuth scopes to request, space or comma separated.").build()));
        if (unified) {
            options.add(VendorOption.text("status", "STATUS", "Only succeeded or failed actions."));
            options.add(VendorOption.text("search-term", "TEXT", "Server-side search term."));
            options.add(VendorOption.text("event-sources", "LIST", "Only these event sources (comma separated)."));
            options.add(VendorOption.text("event-types", "LIST", "Only these event types (comma separated)."));
            options.add(VendorOption.text("targets", "LIST", "Only events on these targets, e.g. User,Group (comma separated)."));
            options.add(VendorOption.text("user-ids", "LIST", "Only events by these user ids (comma separated)."));
        } else {
            options.add(VendorOption.builder().name("language").label("LANG").defaultValue("en")
                    .description("Language of the messages.").build());
        }
        return DeliverySettings.with(options);
    }

    /** UiPath limits each organization, whichever external application or tenant calls. */
    @Override
    public List<String> rateLimitScope() {
        return List.of("base-url", "organization");
    }

    @Override
    public AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context) {
        if (unified) {
            UiPathUnifiedSourceBuilder b = common(UiPathUnifiedAuditLogSource.builder(), settings, context);
            settings.get("status").ifPresent(s -> b.status(status(settings, s)));
            settings.get("search-term").ifPresent(b::searchTerm);
            settings.get("event-sources").ifPresent(s -> b.sources(list(s)));
            settings.get("event-types").ifPresent(s -> b.types(list(s)));
            settings.get("targets").ifPresent(s -> b.targets(list(s)));
            settings.get("user-ids").ifPresent(s -> b.userIds(list(s)));
            return b.build();
        }
        UiPathSourceBuilder b = common(UiPathAuditLogSource.builder(), settings, context);
        settings.get("language").ifPresent(b::language);
        return b.build();
    }

    private static <B extends AbstractUiPathSourceBuilder<B>> B common(B b, VendorSettings settings, VendorContext context) {
        settings.uri("base-url").ifPresent(b::baseUrl);
        b.organization(settings.require("organization"));
        settings.get("tenant").ifPresent(b::tenant);
        settings.uri("identity-url").ifPresent(b::identityUrl);
        b.clientCredentials(settings.require("client-id"), settings.require("client-secret"));
        settings.get("scopes").ifPresent(b::scopes);
        DeliverySettings.apply(b, settings).listener(context.transportListener()).auditLogListener(context.auditLogListener());
        return b;
    }

    private static int status(VendorSettings settings, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "0":
            case "succeeded":
            case "success":
                return 0;
            case "1":
            case "failed":
            case "failure":
                return 1;
            default:
                throw settings.invalid("status", "expected succeeded or failed");
        }
    }

    private static String[] list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    @Override
    public Optional<String> hint(AuditSdkException error, VendorSettings settings) {
        if (error instanceof AuditAccessDeniedException) {
            return Optional.of("the external application needs the PM.Audit.Read (or PM.Audit) scope under Platform"
                    + " Management; OR.Audit.Read is not enough");
        }
        if (error instanceof AuditAuthenticationException) {
            return Optional.of("check --client-id and --client-secret (AUDITLOG_UIPATH_CLIENT_ID,"
                    + " AUDITLOG_UIPATH_CLIENT_SECRET), the --scopes granted to the app and --identity-url");
        }
        return Optional.empty();
    }

    @Override
    public List<String> examples() {
        return unified
                ? List.of("AUDITLOG_UIPATH_CLIENT_SECRET=... auditlog tail uipath-unified --organization acme"
                        + " --tenant DefaultTenant --client-id 8d3f... --checkpoint uipath.cp --interval 5m")
                : List.of("AUDITLOG_UIPATH_CLIENT_SECRET=... auditlog pull uipath --organization acme --tenant DefaultTenant"
                        + " --client-id 8d3f... --from 7d --format csv -o uipath.csv");
    }
}
