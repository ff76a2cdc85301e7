package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Product;
import dev.auditsdk.core.model.Target;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalizes both APIs' entries to {@link AuditEvent} ({@link UiPathAuditEntry#toAuditEvent()},
 * {@link UiPathUnifiedAuditEvent#toAuditEvent()}), with one OCSF mapping for both (the mapping
 * table is in the module's README): a login or logout is Authentication (3002); any other action on a user or robot
 * account is Account Change (3001); on a group, role or permission, Entity Management (3004);
 * everything else API Activity (6003), which renders as Entity Management of the object named
 * in the details when the entry carries no client IP address. Adding or removing members
 * updates a group (Update); an action that names a failure ({@code LoginFailed}) failed.
 */
final class UiPathNormalizer {
    /** The product that records both audit logs. */
    static final Product PRODUCT = Product.of("UiPath", "Automation Cloud");
    /** Categories (classic) and event targets (unified) that are accounts. */
    static final Set<String> ACCOUNT_CATEGORIES = Set.of("user", "users", "user account", "useraccount", "account",
            "accounts", "robot account", "robotaccount", "robot accounts", "directory user", "local user");
    /** Categories and event targets that are identity entities other than accounts. */
    static final Set<String> ENTITY_CATEGORIES = Set.of("group", "groups", "directory group", "local group",
            "group membership", "membership", "role", "roles", "role assignment", "roleassignment", "permission",
            "permissions");
    private static final String[] AUTH_WORDS = {"login", "logout", "log in", "log out", "logon", "logoff", "log on",
        "log off", "loggedin", "loggedout", "logged in", "logged out", "signin", "signout", "sign in", "sign out"};
    private static final String[] NAME_KEYS = {"name", "displayName", "userName", "groupName", "roleName",
        "processName", "policyName", "email"};
    private static final String[] ID_KEYS = {"id", "userId", "groupId", "roleId", "processId", "entityId", "key"};

    private static final int ENTITY_UPDATE = 3;

    private UiPathNormalizer() {
    }

    /**
     * A classic entry: actor from {@code userName}/{@code email}, action and category as sent,
     * target typed by the category and named from the details, the OCSF class by
     * {@link #classify(String, String)}. The classic API records actions that were performed,
     * and names a failure in the action ({@code LoginFailed}): the outcome is FAILURE for such an
     * action and SUCCESS otherwise. The source ({@code Cis}, {@code PortalService}, ...) is the
     * service acted on.
     */
    static AuditEvent normalize(UiPathAuditEntry e) {
        OcsfClass cls = classify(e.action().orElse(null), e.category().orElse(null));
        ImmutableAuditEvent.Builder b = AuditEvent.builder()
                .vendor("uipath")
                .id(e.id())
                .time(e.timestamp())
                .actor(Actor.builder().name(e.userName().filter(s -> !s.isBlank()))
                        .email(e.email().filter(s -> !s.isBlank())).build())
                .action(e.action().orElse("unknown"))
                .category(e.category())
                .target(target(e.category(), e.details()))
                .message(e.message().filter(s -> !s.isBlank()))
                .outcome(classicOutcome(e.action()))
                .product(PRODUCT)
                .logName("auditlogs")
                .eventCode(e.action())
                .service(e.source().filter(s -> !s.isBlank()))
                .ocsfClass(cls);
        activity(b, cls, e.action());
        client(b, e.details());
        e.source().ifPresent(v -> b.putAttributes("source", v));
        e.detailsVersion().ifPresent(v -> b.putAttributes("detailsVersion", v));
        return b.build();
    }

    /**
     * A unified event: actor from {@code actorId}/{@code actorName}/{@code actorEmail}, action
     * from {@code eventType}, category and target type from {@code eventTarget}, outcome from
     * {@code status}, the OCSF class by {@link #classify(String, String)}.
     */
    static AuditEvent normalize(UiPathUnifiedAuditEvent e) {
        OcsfClass cls = classify(e.eventType().orElse(null), e.eventTarget().orElse(null));
        ImmutableAuditEvent.Builder b = AuditEvent.builder()
                .vendor("uipath")
                .id(e.id())
                .time(e.timestamp())
                .actor(Actor.builder().id(e.actorId()).name(e.actorName().filter(s -> !s.isBlank()))
                        .email(e.actorEmail().filter(s -> !s.isBlank())).build())
                .action(e.eventType().orElse("unknown"))
                .category(e.eventTarget())
                .target(target(e.eventTarget(), e.details()))
                .outcome(e.outcome())
                .message(e.eventSummary().filter(s -> !s.isBlank()))
                .product(PRODUCT)
                .logName(e.tenantId().isPresent() ? "tenantaudit" : "orgaudit")
                .eventCode(e.eventType())
                .service(e.eventSource().filter(s -> !s.isBlank()))
                .tenantId(e.tenantId().or(e::organizationId))
                .ocsfClass(cls);
        activity(b, cls, e.eventType());
        client(b, e.details());
        e.eventSource().ifPresent(v -> b.putAttributes("eventSource", v));
        e.organizationId().ifPresent(v -> b.putAttributes("organizationId", v));
        e.tenantId().ifPresent(v -> b.putAttributes("tenantId", v));
        return b.build();
    }

    /**
     * @param action the action (classic) or event type (unified), may be null
     * @param category the category (classic) or event target (unified), may be null
     * @return the OCSF class the entry maps to
     */
    static OcsfClass classify(String action, String category) {
        String a = normalize(action);
        for (String word : AUTH_WORDS) {
            if (a.contains(word)) {
                return OcsfClass.AUTHENTICATION;
            }
        }
        String c = normalize(category);
        if (ACCOUNT_CATEGORIES.contains(c)) {
            return OcsfClass.ACCOUNT_CHANGE;
        }
        if (ENTITY_CATEGORIES.contains(c)) {
            return OcsfClass.ENTITY_MANAGEMENT;
        }
        return OcsfClass.API_ACTIVITY;
    }

    /**
     * Sets the activity where UiPath's verb means something the words alone would misread:
     * adding or removing members changes a group or role (Update).
     */
    static void activity(ImmutableAuditEvent.Builder event, OcsfClass cls, Optional<String> action) {
        String a = normalize(action.orElse(null));
        if (cls == OcsfClass.ENTITY_MANAGEMENT && a.contains("member")) {
            event.activityId(ENTITY_UPDATE);
        }
    }

    /**
     * @param action the classic API's action, e.g. {@code LoginFailed}
     * @return FAILURE when the action names a failure; otherwise SUCCESS, as the log records
     *     actions that were performed
     */
    static Outcome classicOutcome(Optional<String> action) {
        return normalize(action.orElse(null)).contains("fail") ? Outcome.FAILURE : Outcome.SUCCESS;
    }

    /** The object acted on: its category as type, a name and id from the details when they carry one. */
    static Optional<Target> target(Optional<String> category, Optional<JsonNode> details) {
        Optional<String> name = details.flatMap(d -> firstText(d, NAME_KEYS));
        Optional<String> id = details.flatMap(d -> firstText(d, ID_KEYS));
        if (category.isEmpty() && name.isEmpty() && id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Target.builder().type(category).name(name).id(id).build());
    }

    /** Sets the source IP and user agent from the details, where they name them (both logs alike). */
    static void client(ImmutableAuditEvent.Builder event, Optional<JsonNode> details) {
        details.flatMap(d -> firstText(d, "ipAddress", "clientIpAddress", "ip")).ifPresent(event::sourceIp);
        details.flatMap(d -> firstText(d, "userAgent")).ifPresent(event::userAgent);
    }

    static Optional<String> firstText(JsonNode details, String... keys) {
        if (!details.isObject()) {
            return Optional.empty();
        }
        for (String key : keys) {
            Optional<String> v = Fields.nonBlank(details, key);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static String normalize(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
