package dev.auditsdk.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ndjson} rendering of an {@link AuditEvent}: its fields under their model names,
 * absent optional fields left out, the time as an ISO-8601 UTC instant, the OCSF class as its uid.
 * {@link #write(AuditEvent, JsonGenerator)} streams it to a generator (no tree per event, what the
 * CLI does for every entry); {@link #toJson} is the same object as a tree.
 */
public final class AuditEventJson {

    private AuditEventJson() {
    }

    /**
     * Writes the event as one JSON object.
     *
     * @param event the normalized event
     * @param g where the object goes, positioned where a value may be written
     * @throws IOException when the generator's output fails
     */
    public static void write(AuditEvent event, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("vendor", event.vendor());
        g.writeStringField("id", event.id());
        g.writeStringField("time", event.time().toString());
        writeActor(event.actor(), g);
        g.writeStringField("action", event.action());
        write(g, "category", event.category());
        Optional<Target> target = event.target();
        if (target.isPresent()) {
            Target t = target.get();
            g.writeObjectFieldStart("target");
            write(g, "type", t.type());
            write(g, "id", t.id());
            write(g, "name", t.name());
            g.writeEndObject();
        }
        g.writeStringField("outcome", event.outcome().name());
        write(g, "sourceIp", event.sourceIp());
        write(g, "userAgent", event.userAgent());
        write(g, "message", event.message());
        g.writeNumberField("ocsfClass", event.ocsfClass().uid());
        Map<String, String> attributes = event.attributes();
        if (!attributes.isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * @param event the normalized event
     * @return a new JSON object with the event's fields, as {@link #write(AuditEvent, JsonGenerator)} writes them
     */
    public static ObjectNode toJson(AuditEvent event) {
        try (TokenBuffer buffer = new TokenBuffer(Json.mapper(), false)) {
            write(event, buffer);
            return buffer.asParser(Json.mapper()).readValueAsTree();
        } catch (IOException e) {
            // a token buffer does no I/O
            throw new UncheckedIOException(e);
        }
    }

    /** The actor object, left out when the actor has no field. */
    private static void writeActor(Actor actor, JsonGenerator g) throws IOException {
        Optional<String> name = actor.name();
        Optional<String> email = actor.email();
        Optional<String> id = actor.id();
        Optional<String> application = actor.application();
        if (name.isEmpty() && email.isEmpty() && id.isEmpty() && application.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("actor");
        write(g, "name", name);
        write(g, "email", email);
        write(g, "id", id);
        write(g, "application", application);
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        }
    }
}
