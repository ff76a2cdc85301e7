package dev.auditsdk.lifecycle.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.ImmutableTarget;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Target;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an IQ Server audit event to the normalized {@link AuditEvent}:
 * <ul>
 *   <li>{@code authentication} {@code login}/{@code logout} → OCSF 3002 Authentication;</li>
 *   <li>changes to users, user tokens, roles and role memberships → 3001 Account Change;</li>
 *   <li>any other change (a type such as {@code create}, {@code update}, {@code delete}) → 3004
 *       Entity Management;</li>
 *   <li>everything else (audit-log exports, server start/stop, ...) → 6003 API Activity.</li>
 * </ul>
 * The outcome is FAILURE when the event carries an {@code error}, otherwise SUCCESS: the
 * server records an error summary on every failed action.
 */
final class LifecycleNormalizer {
    static final String VENDOR = "lifecycle";

    private static final Set<String> ACCOUNT_DOMAINS = Set.of(LifecycleDomain.USER, LifecycleDomain.USER_TOKEN,
            LifecycleDomain.ROLE, LifecycleDomain.ROLE_MEMBERSHIP);
    /** Words of an event type (split on '-') that mark it as a change. */
    private static final Set<String> CHANGE_WORDS = Set.of("create", "update", "delete", "add", "remove", "change",
            "install", "uninstall", "enable", "disable", "import", "set", "reset", "rename", "move", "grant", "revoke");
    /** Data keys naming the target's id and name, most specific first. */
    private static final String[] TARGET_ID_KEYS = {"applicationPublicId", "organizationId", "policyId",
        "policyWaiverId", "roleId", "userId", "id"};
    private static final String[] TARGET_NAME_KEYS = {"applicationName", "organizationName", "policyName", "roleName",
        "username", "memberName", "name"};

    private LifecycleNormalizer() {
    }

    static AuditEvent normalize(LifecycleAuditEntry e) {
        String domain = e.domain();
        String type = e.type();
        ImmutableAuditEvent.Builder b = AuditEvent.builder()
                .vendor(VENDOR)
                .id(e.id())
                .time(e.timestamp())
                .action(type)
                .category(domain)
                .ocsfClass(ocsfClass(domain, type))
                .outcome(e.error().isPresent() ? Outcome.FAILURE : Outcome.SUCCESS)
                .sourceIp(e.remoteIpAddress())
                .userAgent(e.userAgent())
                .message(domain + " " + type + e.error().map(err -> " failed: " + err).orElse(""));
        if (!LifecycleAuditEntry.UNKNOWN_USER.equals(e.username())) {
            b.actor(Actor.named(e.username()));
        }
        b.putAttributes("username", e.username());
        e.requestMethod().ifPresent(v -> b.putAttributes("requestMethod", v));
        e.requestUri().ifPresent(v -> b.putAttributes("requestUri", v));
        e.forwarded().ifPresent(v -> b.putAttributes("forwarded", v));
        e.error().ifPresent(v -> b.putAttributes("error", v));
        JsonNode data = e.raw().get("data");
        if (data != null && data.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                b.putAttributes("data." + f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
            b.target(target(domain, data));
        }
        return b.build();
    }

    static OcsfClass ocsfClass(String domain, String type) {
        if (LifecycleDomain.AUTHENTICATION.equals(domain)
                && (LifecycleEventType.LOGIN.equals(type) || LifecycleEventType.LOGOUT.equals(type))) {
            return OcsfClass.AUTHENTICATION;
        }
        boolean change = isChange(type);
        if (ACCOUNT_DOMAINS.contains(domain) && change) {
            return OcsfClass.ACCOUNT_CHANGE;
        }
        return change ? OcsfClass.ENTITY_MANAGEMENT : OcsfClass.API_ACTIVITY;
    }

    private static boolean isChange(String type) {
        for (String word : type.split("-")) {
            if (CHANGE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Target target(String domain, JsonNode data) {
        ImmutableTarget.Builder t = Target.builder().type(domain);
        firstText(data, TARGET_ID_KEYS).ifPresent(t::id);
        firstText(data, TARGET_NAME_KEYS).ifPresent(t::name);
        return t.build();
    }

    private static Optional<String> firstText(JsonNode data, String[] keys) {
        for (String key : keys) {
            JsonNode v = data.get(key);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }
}
