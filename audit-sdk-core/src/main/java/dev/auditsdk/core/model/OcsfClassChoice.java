package dev.auditsdk.core.model;

import java.util.List;
import java.util.Map;

/**
 * The OCSF class an event is rendered as: the one its normalizer chose when the vendor's data
 * fills that class's required attributes, otherwise the first of its fallbacks that the data
 * fills, and the Base Event at the end.
 *
 * <ul>
 *   <li>Authentication needs the user who logs on or off (the actor's user, or the target's);
 *       without one it falls back to Base Event.</li>
 *   <li>Account Change needs the target user (a name or id); falls back to Entity Management,
 *       then API Activity.</li>
 *   <li>Entity Management needs an entity: the target with a name or id, or a target type in the
 *       vendor's tenant; falls back to API Activity.</li>
 *   <li>API Activity needs the caller's IP address and an actor (user or application); falls back to Entity
 *       Management.</li>
 * </ul>
 */
final class OcsfClassChoice {
    private static final Map<OcsfClass, List<OcsfClass>> FALLBACKS = Map.of(
            OcsfClass.AUTHENTICATION, List.of(OcsfClass.AUTHENTICATION),
            OcsfClass.ACCOUNT_CHANGE, List.of(OcsfClass.ACCOUNT_CHANGE, OcsfClass.ENTITY_MANAGEMENT,
                    OcsfClass.API_ACTIVITY),
            OcsfClass.ENTITY_MANAGEMENT, List.of(OcsfClass.ENTITY_MANAGEMENT, OcsfClass.API_ACTIVITY),
            OcsfClass.API_ACTIVITY, List.of(OcsfClass.API_ACTIVITY, OcsfClass.ENTITY_MANAGEMENT),
            OcsfClass.BASE_EVENT, List.of());

    private OcsfClassChoice() {
    }

    static OcsfClass of(AuditEvent e) {
        for (OcsfClass cls : FALLBACKS.get(e.ocsfClass())) {
            if (fills(e, cls)) {
                return cls;
            }
        }
        return OcsfClass.BASE_EVENT;
    }

    private static boolean fills(AuditEvent e, OcsfClass cls) {
        switch (cls) {
            case AUTHENTICATION:
                return OcsfObjects.hasUser(e.actor()) || OcsfObjects.hasUser(e.target());
            case ACCOUNT_CHANGE:
                return OcsfObjects.hasUser(e.target());
            case ENTITY_MANAGEMENT:
                return OcsfObjects.hasEntity(e.target(), e.tenantId(), true);
            case API_ACTIVITY:
                return OcsfObjects.hasEndpoint(e.sourceIp()) && OcsfObjects.hasActor(e.actor());
            default:
                return true;
        }
    }
}
