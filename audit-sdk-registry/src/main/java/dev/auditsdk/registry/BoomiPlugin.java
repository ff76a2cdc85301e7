package dev.auditsdk.registry;

import dev.auditsdk.boomi.AbstractBoomiSourceBuilder;
import dev.auditsdk.boomi.BoomiAuditLogSource;
import dev.auditsdk.boomi.BoomiSourceBuilder;
import dev.auditsdk.boomi.BoomiStagedAuditLogExport;
import dev.auditsdk.boomi.BoomiStagedExportBuilder;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.EntryOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Boomi: {@code pull}/{@code tail} read the Platform API {@code AuditLog} query; {@code export}
 * uses the Audit Log Staging API for ranges of more than 7 days and less than a year, and the
 * query for shorter ranges (which Boomi does not export).
 */
public final class BoomiPlugin implements VendorPlugin {

    @Override
    public String name() {
        return "boomi";
    }

    @Override
    public String description() {
        return "Boomi Platform API AuditLog query; 'export' uses the Audit Log Staging API";
    }

    @Override
    public List<VendorOption> options() {
        return DeliverySettings.with(List.of(
                VendorOption.builder().name("account-id").label("ID").required(true)
                        .description("Account id (Settings > Account Information), e.g. acme-A1B2C3.").build(),
                VendorOption.builder().name("region").label("REGION").defaultValue("US")
                        .description("US (api.boomi.com) or GB (api.platform.gb.boomi.com).").build(),
                VendorOption.text("base-url", "URL", "API host instead of --region, without /api/rest/v1."),
                VendorOption.builder().name("username").label("USER").required(true)
                        .description("User name (an email) with API access and the View Audit Logs privilege.").build(),
                VendorOption.secret("password", "SECRET", "The user's password; or use --api-token."),
                VendorOption.secret("api-token", "SECRET", "An API token of the user (sent as BOOMI_TOKEN.<user>:<token>)."),
                VendorOption.secret("otp", "CODE", "Two-factor code sent as X-Boomi-OTP, when the account requires it."),
                VendorOption.text("otp-command", "CMD", "Command printing a fresh two-factor code on its first line, run"
                        + " each time one is needed (codes are valid once), e.g. oathtool --totp -b \"$SEED\"."),
                VendorOption.builder().name("rate-limit").label("N").defaultValue("10")
                        .description("Requests per second the client allows itself (Boomi answers 503 above 10).").build(),
                VendorOption.builder().from(VendorOption.text("result-order", "ORDER", "The date order of query"
                        + " results, which Boomi does not document: oldest-first (default; a result out of order stops"
                        + " the read), newest-first or unordered (any order; then --limit with --checkpoint is refused)."))
                        .assumption("Boomi does not document the order of query results; oldest-first is assumed")
                        .build(),
                VendorOption.text("notification-email", "EMAIL", "export: address Boomi notifies when the archive is ready."),
                VendorOption.text("download-dir", "DIR", "export: where the archive is staged while it is verified and read."),
                VendorOption.builder().from(VendorOption.text("staging-url", "URL", "export: the staging API's host"
                        + " (default: the platform host; an assumption, Boomi does not publish it)."))
                        .assumption("Boomi does not publish the staging host; the platform host is assumed").build(),
                VendorOption.builder().from(VendorOption.text("staging-requests-path", "PATH", "export: path of the"
                        + " staging requests, with {accountId} (default /auditlog-staging/v1/{accountId}/requests; an"
                        + " assumption).")).assumption("Boomi does not publish the staging resource paths").build(),
                VendorOption.builder().from(VendorOption.text("staging-request-path", "PATH", "export: path of one"
                        + " staging request, with {requestId} (default: the requests path + /{requestId}; an"
                        + " assumption).")).assumption("Boomi does not publish the staging resource paths").build(),
                VendorOption.builder().name("archive-format").label("FORMAT").defaultValue("auto")
                        .description("export: layout of the staged archive (an assumption, Boomi does not publish"
                                + " it): auto (zip, gzip or none; JSON array or lines), or e.g. gzip+json-lines,"
                                + " zip+envelope:auditLogs.")
                        .assumption("Boomi does not publish the archive format; zip, gzip or none holding a JSON"
                                + " array or JSON Lines is assumed").build()));
    }

    /** Boomi limits each account, whichever user calls. */
    @Override
    public List<String> rateLimitScope() {
        return List.of("base-url", "region", "account-id");
    }

    @Override
    public AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context) {
        BoomiSourceBuilder b = common(BoomiAuditLogSource.builder(), settings, context);
        settings.get("result-order").ifPresent(order -> {
            switch (order.trim().toLowerCase(Locale.ROOT)) {
                case "oldest-first":
                    b.resultOrder(EntryOrder.OLDEST_FIRST);
                    break;
                case "newest-first":
                    b.resultOrder(EntryOrder.NEWEST_FIRST);
                    break;
                case "unordered":
                    b.resultOrder(EntryOrder.UNORDERED);
                    break;
                default:
                    throw settings.invalid("result-order", "expected oldest-first, newest-first or unordered");
            }
        });
        return b.build();
    }

    @Override
    public boolean supportsExport() {
        return true;
    }

    @Override
    public AuditLogSource<? extends AuditLogEntry> openExport(VendorSettings settings, VendorContext context, Instant from,
            Instant to) {
        if (!BoomiStagedAuditLogExport.supportsRange(from, to)) {
            context.warn("boomi: the Audit Log Staging API only exports ranges of more than 7 days and less than a"
                    + " year; reading this range with the AuditLog query instead");
            return openSource(settings, context);
        }
        BoomiStagedExportBuilder b = common(BoomiStagedAuditLogExport.builder(), settings, context);
        settings.get("notification-email").ifPresent(b::notificationEmail);
        settings.get("download-dir").map(Path::of).ifPresent(b::downloadDirectory);
        settings.set("staging-url", settings.uri("staging-url"), b::stagingBaseUrl);
        settings.set("staging-requests-path", settings.get("staging-requests-path"), b::stagingRequestsPath);
        settings.set("staging-request-path", settings.get("staging-request-path"), b::stagingRequestPath);
        settings.set("archive-format", settings.get("archive-format"), b::archiveFormat);
        return b.build();
    }

    private static <B extends AbstractBoomiSourceBuilder<B>> B common(B b, VendorSettings settings, VendorContext context) {
        b.accountId(settings.require("account-id"));
        DeliverySettings.apply(b, settings).listener(context.transportListener()).auditLogListener(context.auditLogListener());
        Optional<java.net.URI> base = settings.uri("base-url");
        if (base.isPresent()) {
            b.baseUrl(base.get());
        } else {
            settings.get("region").ifPresent(b::region);
        }
        String user = settings.require("username");
        Optional<String> password = settings.get("password");
        Optional<String> token = settings.get("api-token");
        if (password.isPresent() == token.isPresent()) {
            throw settings.needs("password", "exactly one of {} and {}", "api-token");
        }
        if (password.isPresent()) {
            b.credentials(user, password.get());
        } else {
            b.apiToken(user, token.get());
        }
        Optional<String> otpCommand = settings.get("otp-command");
        if (otpCommand.isPresent() && settings.get("otp").isPresent()) {
            throw settings.needs("otp", "at most one of {} and {}", "otp-command");
        }
        settings.get("otp").ifPresent(code -> b.otp(() -> Secret.of(code)));
        otpCommand.ifPresent(cmd -> b.otp(new CodeCommand("otp-command", cmd)));
        settings.get("rate-limit").ifPresent(r -> {
            try {
                b.rateLimitPerSecond(Double.parseDouble(r));
            } catch (NumberFormatException e) {
                throw settings.invalid("rate-limit", "expected a number of requests per second");
            }
        });
        return b;
    }

    @Override
    public Optional<String> hint(AuditSdkException error, VendorSettings settings) {
        if (error instanceof AuditAccessDeniedException) {
            return Optional.of("the user needs API access and the View Audit Logs privilege in account "
                    + settings.get("account-id").orElse("?") + "; check --account-id too");
        }
        return Optional.empty();
    }

    @Override
    public List<String> examples() {
        return List.of("AUDITLOG_BOOMI_API_TOKEN=... auditlog pull boomi --account-id acme-A1B2C3 --username"
                        + " auditor@acme.example --from 2026-01-01 --checkpoint boomi.cp -o boomi.ndjson",
                "AUDITLOG_BOOMI_PASSWORD=... auditlog export boomi --account-id acme-A1B2C3 --username"
                        + " auditor@acme.example --from 2025-01-01 --to 2025-04-01 -o boomi-q1.ndjson");
    }
}
