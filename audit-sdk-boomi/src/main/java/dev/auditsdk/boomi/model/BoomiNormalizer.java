package dev.auditsdk.boomi.model;

import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.ImmutableActor;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.ImmutableTarget;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Product;
import dev.auditsdk.core.model.Target;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a {@link BoomiAuditEntry} to the normalized {@link AuditEvent} (the mapping table is in
 * the module's README).
 *
 * <ul>
 *   <li>OCSF class: {@code account}/{@code ON_ENTRY} and any {@code LOGOUT} are Authentication
 *       (3002), the user logging on or off being {@code userId}, the service the Boomi Enterprise
 *       Platform. Everything else is an action on an object of the account, hence Entity
 *       Management (3004): Boomi names neither the user an account change is about nor the
 *       caller's address, which Account Change (3001) and API Activity (6003) would need.</li>
 *   <li>Activity: {@code ADD} Create, {@code EDIT}/{@code UPDATE}/... Update, {@code DELETE}
 *       Delete, {@code DOWNLOAD} Read; others (e.g. {@code EXECUTE}) Other with the action as
 *       {@code activity_name}.</li>
 *   <li>Outcome: level {@code ERROR} or modifier {@code FAILURE} is a failure; otherwise a
 *       success, because Boomi audits completed actions (failed sign-ins are not audited).</li>
 *   <li>Actor: {@code userId} (an email address) as name and email. Target (the OCSF entity): the
 *       object type, {@code containerId} as its id and the {@code NAME} property as its name where
 *       present; {@code accountId} is the tenant, the entity's organization when nothing else
 *       identifies it. Category: the object type.</li>
 *   <li>Attributes (OCSF {@code unmapped}): account, container, modifier, level, source, and each property
 *       as {@code property.NAME} (and {@code property.NAME.previous}).</li>
 * </ul>
 */
final class BoomiNormalizer {
    /** The vendor name in normalized events. */
    static final String VENDOR = "boomi";
    /** The product that records the audit log. */
    static final Product PRODUCT = Product.of("Boomi", "Boomi Enterprise Platform");
    private static final String NAME_PROPERTY = "NAME";


    private BoomiNormalizer() {
    }

    /**
     * @param e the entry
     * @return its normalized form
     */
    static AuditEvent normalize(BoomiAuditEntry e) {
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
                .product(PRODUCT)
                .logName("AuditLog")
                .tenantId(e.accountId())
                .ocsfClass(ocsfClass(type, action))
                .attributes(attributes(e));
        if (!type.isEmpty()) {
            ImmutableTarget.Builder target = Target.builder().type(type);
            e.containerId().ifPresent(target::id);
            e.property(NAME_PROPERTY).flatMap(AuditLogProperty::value).ifPresent(target::name);
            out.target(target.build());
        }
        return out.build();
    }

    /**
     * @param type the entry's object type
     * @param action the entry's action
     * @return the OCSF class the pair maps to
     */
    static OcsfClass ocsfClass(String type, String action) {
        String t = type.toLowerCase(Locale.ROOT);
        String a = action.toUpperCase(Locale.ROOT);
        if ((t.equals(BoomiObjectType.ACCOUNT) && a.equals(BoomiAction.ON_ENTRY)) || a.equals(BoomiAction.LOGOUT)) {
            return OcsfClass.AUTHENTICATION;
        }
        return OcsfClass.ENTITY_MANAGEMENT;
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
