package dev.auditsdk.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Target;
import dev.auditsdk.core.spi.util.InstantText;
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

    // field names encoded once (quoted and escaped), not at every event
    private static final SerializedString VENDOR = new SerializedString("vendor");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString ACTOR = new SerializedString("actor");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString EMAIL = new SerializedString("email");
    private static final SerializedString APPLICATION = new SerializedString("application");
    private static final SerializedString ACTION = new SerializedString("action");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString TARGET = new SerializedString("target");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString SOURCE_IP = new SerializedString("sourceIp");
    private static final SerializedString USER_AGENT = new SerializedString("userAgent");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString OCSF_CLASS = new SerializedString("ocsfClass");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    /** By outcome ordinal: its name, encoded once. */
    private static final SerializedString[] OUTCOMES = new SerializedString[Outcome.values().length];

    static {
        for (Outcome o : Outcome.values()) {
            OUTCOMES[o.ordinal()] = new SerializedString(o.name());
        }
    }

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
        write(g, VENDOR, event.vendor());
        write(g, ID, event.id());
        g.writeFieldName(TIME);
        InstantText.write(g, event.time());
        writeActor(event.actor(), g);
        write(g, ACTION, event.action());
        write(g, CATEGORY, event.category());
        Optional<Target> target = event.target();
        if (target.isPresent()) {
            Target t = target.get();
            g.writeFieldName(TARGET);
            g.writeStartObject();
            write(g, TYPE, t.type());
            write(g, ID, t.id());
            write(g, NAME, t.name());
            g.writeEndObject();
        }
        g.writeFieldName(OUTCOME);
        g.writeString(OUTCOMES[event.outcome().ordinal()]);
        write(g, SOURCE_IP, event.sourceIp());
        write(g, USER_AGENT, event.userAgent());
        write(g, MESSAGE, event.message());
        g.writeFieldName(OCSF_CLASS);
        g.writeNumber(event.ocsfClass().uid());
        Map<String, String> attributes = event.attributes();
        if (!attributes.isEmpty()) {
            g.writeFieldName(ATTRIBUTES);
            g.writeStartObject();
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
        g.writeFieldName(ACTOR);
        g.writeStartObject();
        write(g, NAME, name);
        write(g, EMAIL, email);
        write(g, ID, id);
        write(g, APPLICATION, application);
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, SerializedString field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            write(g, field, value.get());
        }
    }

    private static void write(JsonGenerator g, SerializedString field, String value) throws IOException {
        g.writeFieldName(field);
        g.writeString(value);
    }
}
