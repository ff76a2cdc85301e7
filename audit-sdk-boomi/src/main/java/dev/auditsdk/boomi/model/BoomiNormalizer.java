package dev.auditsdk.boomi.model;

import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.ImmutableActor;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.ImmutableTarget;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Target;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@link BoomiAuditEntry} to the normalized {@link AuditEvent}.
 *
 * <ul>
 *   <li>OCSF class: {@code account}/{@code ON_ENTRY} and any {@code LOGOUT} are Authentication
 *       (3002); {@code user}, {@code user.token} and role objects are Account Change (3001);
 *       changes (add, edit, update, delete, ...) to components, environments, extensions and
 *       runtimes (Atoms, clusters, clouds) are Entity Management (3004); everything else is
 *       API Activity (6003).</li>
 *   <li>Outcome: level {@code ERROR} or modifier {@code FAILURE} is a failure; otherwise a
 *       success, because Boomi audits completed actions (failed sign-ins are not audited).</li>
 *   <li>Actor: {@code userId} (an email address) as name and email. Target: the object type,
 *       and {@code containerId} as its id where present. Category: the object type.</li>
 *   <li>Attributes: account, container, modifier, level, source, and each property as
 *       {@code property.NAME} (and {@code property.NAME.previous}).</li>
 * </ul>
 */
public final class BoomiNormalizer {
    /** The vendor name in normalized events. */
    public static final String VENDOR = "boomi";

    private static final Set<String> ACCOUNT_TYPES = Set.of(BoomiObjectType.USER, BoomiObjectType.USER_TOKEN,
            BoomiObjectType.ACCOUNT_ACCESS);
    private static final Set<String> ENTITY_WORDS = Set.of("component", "environment", "extensions", "atom", "runtime",
            "cluster", "cloud", "molecule", "packagedcomponent", "deployment");
    private static final Set<String> CHANGE_ACTIONS = Set.of("ADD", "CREATE", "EDIT", "UPDATE", "DELETE", "COPY",
            "SAVE", "MODIFY", "RENAME", "MOVE", "RESTORE", "DEPLOY", "UNDEPLOY", "ATTACH", "DETACH", "PROMOTE");

    private BoomiNormalizer() {
    }

    /**
     * @param e the entry
     * @return its normalized form
     */
    public static AuditEvent normalize(BoomiAuditEntry e) {
        String type = e.type().orElse("");
        String action = e.action().orElse("UNKNOWN");
        ImmutableActor.Builder actor = Actor.builder();
        e.userId().ifPresent(u -> {
            actor.name(u);
            if (u.contains("@")) {
                actor.email(u);
            }
        });
        ImmutableAuditEvent.Builder out = AuditEvent.builder()
                .vendor(VENDOR)
                .id(e.documentId())
                .time(e.timestamp())
                .actor(actor.build())
                .action(action)
                .category(e.type())
                .outcome(outcome(e))
                .message(e.message())
                .ocsfClass(ocsfClass(type, action))
                .attributes(attributes(e));
        if (!type.isEmpty()) {
            ImmutableTarget.Builder target = Target.builder().type(type);
            e.containerId().ifPresent(target::id);
            out.target(target.build());
        }
        return out.build();
    }

    /**
     * @param type the entry's object type
     * @param action the entry's action
     * @return the OCSF class the pair maps to
     */
    public static OcsfClass ocsfClass(String type, String action) {
        String t = type.toLowerCase(Locale.ROOT);
        String a = action.toUpperCase(Locale.ROOT);
        if ((t.equals(BoomiObjectType.ACCOUNT) && a.equals(BoomiAction.ON_ENTRY)) || a.equals(BoomiAction.LOGOUT)) {
            return OcsfClass.AUTHENTICATION;
        }
        if (ACCOUNT_TYPES.contains(t) || t.startsWith("user.") || isRole(t)) {
            return OcsfClass.ACCOUNT_CHANGE;
        }
        if (CHANGE_ACTIONS.contains(a) && isManagedEntity(t)) {
            return OcsfClass.ENTITY_MANAGEMENT;
        }
        return OcsfClass.API_ACTIVITY;
    }

    private static boolean isRole(String type) {
        for (String word : type.split("[.\\-_]")) {
            if (word.equals("role") || word.equals("roles")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isManagedEntity(String type) {
        for (String word : type.split("[.\\-_]")) {
            if (ENTITY_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome outcome(BoomiAuditEntry e) {
        if (e.level().filter(BoomiLevel.ERROR::equalsIgnoreCase).isPresent()
                || e.modifier().filter(BoomiModifier.FAILURE::equalsIgnoreCase).isPresent()) {
            return Outcome.FAILURE;
        }
        return Outcome.SUCCESS;
    }

    private static Map<String, String> attributes(BoomiAuditEntry e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.accountId().ifPresent(v -> out.put("accountId", v));
        e.containerId().ifPresent(v -> out.put("containerId", v));
        e.modifier().ifPresent(v -> out.put("modifier", v));
        e.level().ifPresent(v -> out.put("level", v));
        e.source().ifPresent(v -> out.put("source", v));
        for (AuditLogProperty p : e.properties()) {
            p.value().ifPresent(v -> out.putIfAbsent("property." + p.name(), v));
            p.previousValue().ifPresent(v -> out.putIfAbsent("property." + p.name() + ".previous", v));
        }
        return out;
    }
}
