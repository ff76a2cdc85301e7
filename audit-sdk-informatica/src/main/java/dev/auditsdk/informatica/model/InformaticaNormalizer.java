package dev.auditsdk.informatica.model;

import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.ImmutableActor;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Product;
import dev.auditsdk.core.model.Target;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps Informatica entries to {@link AuditEvent} (the mapping table is in the module's README).
 * OCSF class: {@code AUTH} entries and login/logout events are Authentication (3002); users are
 * Account Change (3001), the user being the entry's object; user groups, roles, the
 * organization, object permissions and assets (mappings, tasks, connections, schedules,
 * agents, ...) are Entity Management (3004); anything else is API Activity (6003), which falls
 * back to Entity Management since Informatica records no client address.
 *
 * <p>Outcome: the event code says it. Both logs record actions that happened, so an entry is a
 * success unless its code names a failure ({@code USER_LOGIN_FAILED}, {@code ..._DENIED},
 * {@code ..._ERROR}, ...). The event code is also {@code metadata.event_code}, the org id the
 * tenant.
 */
final class InformaticaNormalizer {
    static final String VENDOR = "informatica";
    static final Product PRODUCT = Product.of("Informatica", "Intelligent Data Management Cloud");
    /** Words of an event code that mean the action did not succeed. */
    private static final String[] FAILURE_WORDS = {"FAIL", "DENIED", "DENY", "ERROR", "REJECT", "INVALID"};

    private static final Set<String> AUTH = Set.of(AuditLogCategory.AUTH);
    private static final Set<String> ACCOUNT = Set.of(AuditLogCategory.USER);
    private static final Set<String> ENTITY = Set.of(AuditLogCategory.USER_GROUP,
            AuditLogCategory.ORG, AuditLogCategory.SUB_ORG, AuditLogCategory.OBJECT_ACL,
            // assets and managed runtime objects
            AuditLogCategory.AGENT, AuditLogCategory.AI_CONNECTION, AuditLogCategory.AI_SERVICE_CONNECTOR,
            AuditLogCategory.B2BGW_CUSTOMER, AuditLogCategory.B2BGW_SUPPLIER, AuditLogCategory.BUNDLE,
            AuditLogCategory.CONNECTION, AuditLogCategory.CONNECTOR, AuditLogCategory.CUSTOM_FUNC,
            AuditLogCategory.CUSTOM_SOURCE, AuditLogCategory.DATA_FILE, AuditLogCategory.DMASK, AuditLogCategory.DQA,
            AuditLogCategory.DRS, AuditLogCategory.DSS, AuditLogCategory.DTEMPLATE, AuditLogCategory.EXT_CONNECTION,
            AuditLogCategory.GUIDE, AuditLogCategory.MI_TASK, AuditLogCategory.MTT, AuditLogCategory.PACKAGE,
            AuditLogCategory.PCS, AuditLogCategory.PROCESS, AuditLogCategory.PROCESS_OBJECT,
            AuditLogCategory.RUNTIME_ENVIRONMENT, AuditLogCategory.SCHEDULE, AuditLogCategory.SCHEDULE_BLACKOUT,
            AuditLogCategory.TASKFLOW, AuditLogCategory.WORKFLOW);
    // Security-log categories are not enumerated by the reference; these are the plausible ones.
    private static final Set<String> SECURITY_AUTH = Set.of("AUTH", "LOGIN", "AUTHENTICATION");
    private static final Set<String> SECURITY_ACCOUNT = Set.of("USER");
    private static final Set<String> SECURITY_ENTITY = Set.of("USER_GROUP", "ROLE", "ORG", "SUB_ORG", "AGENT",
            "OBJECT_ACL");

    private InformaticaNormalizer() {
    }

    static AuditEvent normalize(InformaticaAuditEntry e) {
        String category = upper(e.category());
        String event = upper(e.event());
        OcsfClass cls = ocsfClass(category, event, AUTH, ACCOUNT, ENTITY);
        ImmutableAuditEvent.Builder b = AuditEvent.builder()
                .vendor(VENDOR)
                .id(e.id())
                .time(e.timestamp())
                .actor(actor(e.username()))
                .action(e.event().or(e::category).orElse("UNKNOWN"))
                .category(e.category())
                .target(target(e.category(), e.objectId(), e.objectName()))
                .outcome(outcome(event))
                .message(e.message())
                .product(PRODUCT)
                .logName("auditlog")
                .eventCode(e.event())
                .tenantId(e.orgId())
                .ocsfClass(cls);
        e.orgId().ifPresent(v -> b.putAttributes("orgId", v));
        e.version().ifPresent(v -> b.putAttributes("version", Integer.toString(v)));
        // entryTime is Eastern wall-clock time written with a UTC-looking 'Z': never pass it on as if it were UTC
        e.entryTimeEastern().ifPresent(v -> b.putAttributes("entryTimeEastern", v));
        e.eventParam().ifPresent(v -> b.putAttributes("eventParam", v));
        if (e.eventParamTruncated()) {
            b.putAttributes("eventParamTruncated", "true");
        }
        return b.build();
    }

    static AuditEvent normalize(InformaticaSecurityLogEntry e) {
        String category = upper(e.actionCategory());
        String event = upper(e.actionEvent());
        OcsfClass cls = ocsfClass(category, event, SECURITY_AUTH, SECURITY_ACCOUNT, SECURITY_ENTITY);
        ImmutableAuditEvent.Builder b = AuditEvent.builder()
                .vendor(VENDOR)
                .id(e.id())
                .time(e.timestamp())
                .actor(actor(e.actor()))
                .action(e.actionEvent().or(e::actionCategory).orElse("UNKNOWN"))
                .category(e.actionCategory())
                .target(target(e.actionCategory(), e.objectId(), e.objectName()))
                .outcome(outcome(event))
                .product(PRODUCT)
                .logName("securityLog")
                .eventCode(e.actionEvent())
                .tenantId(e.orgId())
                .ocsfClass(cls);
        e.orgId().ifPresent(v -> b.putAttributes("orgId", v));
        b.putAttributes("log", "securityLog");
        return b.build();
    }

    /** Both logs classify alike; only their category names differ. */
    private static OcsfClass ocsfClass(String category, String event, Set<String> auth, Set<String> account,
            Set<String> entity) {
        if (auth.contains(category) || isLogin(event)) {
            return OcsfClass.AUTHENTICATION;
        }
        if (account.contains(category)) {
            return OcsfClass.ACCOUNT_CHANGE;
        }
        return entity.contains(category) ? OcsfClass.ENTITY_MANAGEMENT : OcsfClass.API_ACTIVITY;
    }

    private static boolean isLogin(String event) {
        return event.contains("LOGIN") || event.contains("LOGOUT") || event.contains("LOGON") || event.contains("LOGOFF");
    }

    static Outcome outcome(String event) {
        if (event.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        for (String word : FAILURE_WORDS) {
            if (event.contains(word)) {
                return Outcome.FAILURE;
            }
        }
        // the logs record actions that were performed
        return Outcome.SUCCESS;
    }

    private static Actor actor(Optional<String> user) {
        ImmutableActor.Builder a = Actor.builder().name(user);
        user.filter(u -> u.indexOf('@') > 0).ifPresent(a::email);
        return a.build();
    }

    private static Optional<Target> target(Optional<String> type, Optional<String> id, Optional<String> name) {
        if (id.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Target.builder().type(type).id(id).name(name).build());
    }

    private static String upper(Optional<String> s) {
        return s.map(v -> v.toUpperCase(Locale.ROOT)).orElse("");
    }
}
