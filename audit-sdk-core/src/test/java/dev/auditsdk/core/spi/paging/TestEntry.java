package dev.auditsdk.core.spi.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import java.util.Objects;

/** A minimal entry for the paging tests: an id and a time. */
final class TestEntry implements AuditLogEntry {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final String id;
    private final Instant timestamp;

    TestEntry(String id, Instant timestamp) {
        this.id = id;
        this.timestamp = timestamp;
    }

    /** An entry {@code seconds} after {@link #T0}. */
    static TestEntry at(String id, long seconds) {
        return new TestEntry(id, T0.plusSeconds(seconds));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public AuditEvent toAuditEvent() {
        return AuditEvent.builder().vendor("test").id(id).time(timestamp).action("test").build();
    }

    @Override
    public JsonNode raw() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id);
        node.put("time", timestamp.toString());
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestEntry && ((TestEntry) o).id.equals(id) && ((TestEntry) o).timestamp.equals(timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, timestamp);
    }

    @Override
    public String toString() {
        return id + "@" + timestamp;
    }
}
