package dev.auditsdk.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Target;
import java.time.Instant;

/** A test-only entry of {@link ListVendorPlugin}: a generated id, time, user and message. */
public final class ListEntry implements AuditLogEntry {
    /** Every entry's time is this plus {@code index / 2} seconds: pairs share a timestamp. */
    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private final int index;
    private final boolean broken;

    /** @param index the entry's position in the generated list */
    public ListEntry(int index) {
        this(index, false);
    }

    /**
     * @param index the entry's position in the generated list
     * @param broken whether the entry cannot be rendered (its normalized view and raw form throw)
     */
    public ListEntry(int index, boolean broken) {
        this.index = index;
        this.broken = broken;
    }

    /** @return the id of entry {@code index} */
    public static String idOf(int index) {
        return String.format("e-%05d", index);
    }

    /** @return the message of entry {@code index}: every 7th holds a comma, a quote and a line break */
    public static String messageOf(int index) {
        return index % 7 == 3 ? "changed \"name\", then\nsaved #" + index : "event " + index;
    }

    @Override
    public String id() {
        return idOf(index);
    }

    @Override
    public Instant timestamp() {
        return BASE.plusSeconds(index / 2);
    }

    @Override
    public AuditEvent toAuditEvent() {
        if (broken) {
            throw new dev.auditsdk.core.error.AuditDataException("testlist: entry " + id() + " cannot be normalized");
        }
        return AuditEvent.builder().vendor("testlist").id(id()).time(timestamp())
                .actor(Actor.builder().name("user" + (index % 3)).email("user" + (index % 3) + "@example.com").build())
                .action(index % 2 == 0 ? "login" : "update").category(index % 2 == 0 ? "authentication" : "config")
                .ocsfClass(index % 2 == 0 ? OcsfClass.AUTHENTICATION : OcsfClass.ENTITY_MANAGEMENT)
                .outcome(index % 5 == 4 ? Outcome.FAILURE : Outcome.SUCCESS)
                .target(Target.builder().type("item").id("i" + index).name("Item, " + index).build())
                .sourceIp("10.0.0." + (index % 250)).message(messageOf(index)).putAttributes("index", String.valueOf(index))
                .build();
    }

    @Override
    public JsonNode raw() {
        if (broken) {
            throw new dev.auditsdk.core.error.AuditDataException("testlist: entry " + id() + " cannot be read");
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("n", index);
        o.put("when", timestamp().toString());
        o.put("text", messageOf(index));
        return o;
    }
}
