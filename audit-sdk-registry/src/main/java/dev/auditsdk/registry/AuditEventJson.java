package dev.auditsdk.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import java.util.Optional;

/**
 * The {@code ndjson} rendering of an {@link AuditEvent}: its fields under their model names,
 * absent optional fields left out, the time as an ISO-8601 UTC instant, the OCSF class as its uid.
 */
public final class AuditEventJson {

    private AuditEventJson() {
    }

    /**
     * @param event the normalized event
     * @return a new JSON object with the event's fields
     */
    public static ObjectNode toJson(AuditEvent event) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("vendor", event.vendor());
        o.put("id", event.id());
        o.put("time", event.time().toString());
        ObjectNode actor = actor(event.actor());
        if (!actor.isEmpty()) {
            o.set("actor", actor);
        }
        o.put("action", event.action());
        put(o, "category", event.category());
        event.target().ifPresent(t -> {
            ObjectNode target = o.putObject("target");
            put(target, "type", t.type());
            put(target, "id", t.id());
            put(target, "name", t.name());
        });
        o.put("outcome", event.outcome().name());
        put(o, "sourceIp", event.sourceIp());
        put(o, "userAgent", event.userAgent());
        put(o, "message", event.message());
        o.put("ocsfClass", event.ocsfClass().uid());
        if (!event.attributes().isEmpty()) {
            ObjectNode attributes = o.putObject("attributes");
            event.attributes().forEach(attributes::put);
        }
        return o;
    }

    private static ObjectNode actor(Actor actor) {
        ObjectNode o = Json.mapper().createObjectNode();
        put(o, "name", actor.name());
        put(o, "email", actor.email());
        put(o, "id", actor.id());
        put(o, "application", actor.application());
        return o;
    }

    private static void put(ObjectNode o, String field, Optional<String> value) {
        value.ifPresent(v -> o.put(field, v));
    }
}
