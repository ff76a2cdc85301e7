package dev.auditsdk.lifecycle.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.ImmutableTarget;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Product;
import dev.auditsdk.core.model.Target;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an IQ Server audit event to the normalized {@link AuditEvent} (the mapping table is in
 * the module's README):
 * <ul>
 *   <li>{@code authentication} {@code login}/{@code logout} → OCSF 3002 Authentication; the
 *       user is {@code username}, which is the server's own {@code *UNKNOWN} on a failed login;</li>
 *   <li>changes to users ({@code data.username} names the user) → 3001 Account Change;</li>
 *   <li>any other change (a type such as {@code create}, {@code update}, {@code delete}), and
 *       server start/stop → 3004 Entity Management, the entity named by {@code data};</li>
 *   <li>everything else (audit-log exports, ...), and changes whose {@code data} names nothing →
 *       6003 API Activity from {@code remoteIpAddress}, the operation being {@code type}.</li>
 * </ul>
 * The outcome is FAILURE when the event carries an {@code error} (also the status detail),
 * otherwise SUCCESS: the server records an error summary on every failed action.
 */
final class LifecycleNormalizer {
    static final String VENDOR = "lifecycle";
    static final Product PRODUCT = Product.of("Sonatype", "Sonatype Lifecycle");

    private static final Set<String> ACCOUNT_DOMAINS = Set.of(LifecycleDomain.USER);
    /** Words of an event type (split on '-') that mark it as a change. */
    private static final Set<String> CHANGE_WORDS = Set.of("create", "update", "delete", "add", "remove", "change",
            "install", "uninstall", "enable", "disable", "import", "set", "reset", "rename", "move", "grant", "revoke");
    /** Data keys naming the target's id and name, most specific first. */
    private static final String[] TARGET_ID_KEYS = {"applicationPublicId", "organizationId", "policyId",
        "policyWaiverId", "roleId", "userId", "serverInstanceId", "id"};
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
                .message(domain + " " + type + e.error().map(err -> " failed: " + err).orElse(""))
                .product(PRODUCT)
                .logName("audit.log")
                .eventCode(domain + "/" + type)
                .statusDetail(e.error());
        if (!LifecycleAuditEntry.UNKNOWN_USER.equals(e.username())) {
            b.actor(Actor.named(e.username()));
        } else if (LifecycleDomain.AUTHENTICATION.equals(domain)) {
            // the user a failed login was for, as the server records it
            b.target(Target.builder().type(LifecycleDomain.USER).name(e.username()).build());
        }
        b.putAttributes("username", e.username());
        e.requestMethod().ifPresent(v -> b.putAttributes("http_request.http_method", v));
        e.requestUri().ifPresent(v -> b.putAttributes("http_request.url.url_string", v));
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
        return change || LifecycleDomain.SERVER.equals(domain) ? OcsfClass.ENTITY_MANAGEMENT : OcsfClass.API_ACTIVITY;
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
