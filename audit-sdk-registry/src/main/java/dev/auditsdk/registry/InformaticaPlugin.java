package dev.auditsdk.registry;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.informatica.InformaticaAuditLogSource;
import dev.auditsdk.informatica.InformaticaAuditLogSourceBuilder;
import dev.auditsdk.informatica.InformaticaSecurityLogSource;
import dev.auditsdk.informatica.InformaticaSecurityLogSourceBuilder;
import dev.auditsdk.informatica.InformaticaSourceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Informatica IDMC: {@code informatica} reads the v2 audit log, {@code informatica-security}
 * the v3 security log (administrators). Both share the {@code AUDITLOG_INFORMATICA_*} settings.
 */
public final class InformaticaPlugin implements VendorPlugin {
    private final boolean security;

    private InformaticaPlugin(boolean security) {
        this.security = security;
    }

    /** @return the v2 audit log, {@code informatica} */
    public static InformaticaPlugin auditLog() {
        return new InformaticaPlugin(false);
    }

    /** @return the v3 security log, {@code informatica-security} */
    public static InformaticaPlugin securityLog() {
        return new InformaticaPlugin(true);
    }

    @Override
    public String name() {
        return security ? "informatica-security" : "informatica";
    }

    @Override
    public String settingsPrefix() {
        return "informatica";
    }

    @Override
    public String description() {
        return security ? "Informatica IDMC security log (REST v3 securityLog; administrators)"
                : "Informatica IDMC audit log (REST v2 auditlog; delivered newest first)";
    }

    @Override
    public List<VendorOption> options() {
        List<VendorOption> options = new ArrayList<>(List.of(
                VendorOption.text("region", "REGION", "Your POD's login region: US, EU, UK, ... a login host (dm-us)"
                        + " or a POD (USW1). Required unless --login-url is given."),
                VendorOption.text("login-url", "URL", "An explicit login host, e.g. https://dm-us.informaticacloud.com."),
                VendorOption.builder().name("username").label("USER").required(true)
                        .description("IDMC user name.").build(),
                VendorOption.builder().from(VendorOption.secret("password", "SECRET", "The user's password."))
                        .required(true).build()));
        if (security) {
            options.add(VendorOption.text("row-cap", "N", "Rows asked for per request (limit), 100..1000; a full"
                    + " answer splits its window (default 1000)."));
            options.add(VendorOption.text("window-size", "DURATION", "Longest range of one request, at most 14d"
                    + " (default 14d)."));
        } else {
            options.add(VendorOption.builder().from(VendorOption.text("batch-size", "N", "Entries per request,"
                    + " 1..1000 (default 1000).")).assumption("the largest batchSize is not documented; up to 1000 is"
                    + " assumed to be accepted").build());
        }
        return DeliverySettings.with(options);
    }

    @Override
    public AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context) {
        if (security) {
            InformaticaSecurityLogSourceBuilder b = common(InformaticaSecurityLogSource.builder(), settings, context);
            settings.setInteger("row-cap", b::rowCap);
            settings.set("window-size", settings.duration("window-size", false), b::windowSize);
            return b.build();
        }
        InformaticaAuditLogSourceBuilder b = common(InformaticaAuditLogSource.builder(), settings, context);
        settings.setInteger("batch-size", b::batchSize);
        return b.build();
    }

    private static <B extends InformaticaSourceBuilder<B>> B common(B b, VendorSettings settings, VendorContext context) {
        Optional<java.net.URI> login = settings.uri("login-url");
        Optional<String> region = settings.get("region");
        if (login.isPresent()) {
            b.baseUrl(login.get());
        } else if (region.isPresent()) {
            settings.set("region", region, b::region);
        } else {
            throw settings.needs("region", "{} (e.g. US, EU, dm-us, USW1) or {}", "login-url");
        }
        b.credentials(settings.require("username"), settings.require("password"));
        DeliverySettings.apply(b, settings).listener(context.transportListener()).auditLogListener(context.auditLogListener());
        return b;
    }

    @Override
    public Optional<String> hint(AuditSdkException error, VendorSettings settings) {
        if (error instanceof AuditAccessDeniedException && security) {
            return Optional.of("the security log is for organization administrators: check the user's role");
        }
        return Optional.empty();
    }

    @Override
    public List<String> examples() {
        return security
                ? List.of("AUDITLOG_INFORMATICA_PASSWORD=... auditlog pull informatica-security --region EU --username"
                        + " admin@acme.example --from 14d --format ocsf")
                : List.of("AUDITLOG_INFORMATICA_PASSWORD=... auditlog tail informatica --region US --username"
                        + " auditor@acme.example --checkpoint idmc.cp --interval 5m -o idmc.ndjson");
    }
}
