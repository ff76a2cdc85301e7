package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.spi.json.JsonLinesReader;
import dev.auditsdk.core.model.AuditEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.json.StableIdentity;

/**
 * The pieces wired the way a day-windowed, id-less JSON Lines source (Sonatype Lifecycle) wires
 * them: windows of whole UTC days, a streaming reader per body, derived identities, one stream.
 */
class PagingWiringTest {

    /** An id-less JSON Lines log, served one UTC day per request, as the vendor would. */
    private static final List<String> LINES = List.of(
            "{\"timestamp\":\"2026-01-01T23:59:59.000Z\",\"type\":\"login\",\"username\":\"ann\"}",
            "{\"timestamp\":\"2026-01-02T10:00:00.000Z\",\"type\":\"export\",\"username\":\"bob\"}",
            "{\"timestamp\":\"2026-01-02T10:00:00.000Z\",\"type\":\"export\",\"username\":\"bob\"}",
            "{\"username\":\"bob\",\"type\":\"export\",\"timestamp\":\"2026-01-02T10:00:00.000Z\"}",
            "{\"timestamp\":\"2026-01-02T10:00:00.000Z\",\"type\":\"logout\",\"username\":\"bob\"}",
            "{\"timestamp\":\"2026-01-03T08:00:00.000Z\",\"type\":\"login\",\"username\":\"cy\"}");

    private int requests;

    private static final class LineEntry implements AuditLogEntry {
        private final JsonNode raw;
        private final String id;

        LineEntry(JsonNode raw, String id) {
            this.raw = raw;
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Instant timestamp() {
            return Instant.parse(raw.get("timestamp").asText());
        }

        @Override
        public AuditEvent toAuditEvent() {
            return AuditEvent.builder().vendor("test").id(id).time(timestamp()).action(raw.get("type").asText()).build();
        }

        @Override
        public JsonNode raw() {
            return raw;
        }
    }

    /** The vendor's window function: request the window's whole UTC day(s), stream the body. */
    private CloseableIterator<LineEntry> fetchDay(TimeWindow window) {
        requests++;
        LocalDate day = window.start().atOffset(ZoneOffset.UTC).toLocalDate();
        String body = LINES.stream().filter(l -> l.contains("\"" + day)).collect(Collectors.joining("\n"));
        StableIdentity identity = StableIdentity.withPrefix("lc:"); // one per body
        return JsonLinesReader.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                node -> new LineEntry(node, identity.identify(node)));
    }

    /** What {@code LifecycleAuditLogSource.fetch(query)} would return. */
    private AuditLogStream<LineEntry> fetch(AuditLogQuery query) {
        CloseableIterator<LineEntry> entries = TimeWindowPager.builder(
                TimeWindow.utcDays(query.start(), query.to(), 1), this::fetchDay).parallelism(2).build();
        return PagedAuditLogStream.of(query, entries);
    }

    @Test
    void identicalEventsSplitAcrossAResumeAreDeliveredExactlyOnce() {
        Instant to = Instant.parse("2026-01-04T00:00:00Z");
        List<String> seen = new ArrayList<>();
        Checkpoint checkpoint;
        try (AuditLogStream<LineEntry> first = fetch(AuditLogQuery.builder()
                .from(Instant.parse("2026-01-01T12:00:00Z")).to(to).limit(3).build())) {
            first.forEach(e -> seen.add(e.raw().get("type").asText() + "@" + e.timestamp()));
            checkpoint = first.checkpoint();
        }
        assertThat(requests).as("lazy, and the limit stops after day 2").isLessThanOrEqualTo(3);
        // the two identical exports at the watermark: same hash, occurrences 1 and 2
        assertThat(checkpoint.deliveredIds()).allMatch(id -> id.startsWith("lc:"))
                .extracting(id -> id.substring(id.indexOf('#'))).containsExactlyInAnyOrder("#1", "#2");

        try (AuditLogStream<LineEntry> second = fetch(AuditLogQuery.builder()
                .resumeFrom(Checkpoint.parse(checkpoint.serialize())).to(to).build())) {
            second.forEach(e -> seen.add(e.raw().get("type").asText() + "@" + e.timestamp()));
        }

        assertThat(seen).containsExactly("login@2026-01-01T23:59:59Z", "export@2026-01-02T10:00:00Z",
                "export@2026-01-02T10:00:00Z", "export@2026-01-02T10:00:00Z", "logout@2026-01-02T10:00:00Z",
                "login@2026-01-03T08:00:00Z");
    }
}
