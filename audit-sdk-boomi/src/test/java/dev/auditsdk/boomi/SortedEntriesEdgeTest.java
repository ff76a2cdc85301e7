package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edges of the external sort: nothing to sort, records kept byte for byte through the runs, the end, closing. */
class SortedEntriesEdgeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path runs;

    private static BoomiAuditEntry entry(String id, long second) {
        ObjectNode raw = Json.mapper().createObjectNode();
        raw.put("documentId", id);
        raw.put("date", T0.plusSeconds(second).toString());
        raw.put("text", "Zoë → \"quoted\"\n\u2028 line");
        raw.putObject("nested").putArray("values").add(1.5).add(Long.MAX_VALUE).addNull().add(true);
        return BoomiAuditEntry.of(raw);
    }

    /** A source that records whether it was closed. */
    private static final class Source implements CloseableIterator<BoomiAuditEntry> {
        private final Iterator<BoomiAuditEntry> it;
        boolean closed;

        Source(List<BoomiAuditEntry> entries) {
            this.it = entries.iterator();
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public BoomiAuditEntry next() {
            return it.next();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private long fileCount() throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            return list.count();
        }
    }

    private static List<BoomiAuditEntry> drain(SortedEntries sorted) {
        List<BoomiAuditEntry> out = new ArrayList<>();
        sorted.forEachRemaining(out::add);
        return out;
    }

    @Test
    void anEmptyArchiveDeliversNothingWritesNothingAndClosesItsSource() throws IOException {
        Source source = new Source(List.of());
        try (SortedEntries sorted = SortedEntries.of(source, runs, 1, 2)) {
            assertThat(sorted.hasNext()).isFalse();
            assertThatThrownBy(sorted::next).isInstanceOf(NoSuchElementException.class);
            assertThat(sorted.runsWritten()).isZero();
            assertThat(sorted.mergePasses()).isZero();
        }
        assertThat(source.closed).isTrue();
        assertThat(fileCount()).isZero();
    }

    @Test
    void recordsComeBackFromTheRunFilesExactlyAsReadAndInOrder() throws IOException {
        List<BoomiAuditEntry> input = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            input.add(entry(String.format("doc-%02d", 29 - i), (i * 7L) % 10)); // repeated dates: ties by id
        }
        Source source = new Source(input);
        // one record per run and fan-in 3: 30 runs, merged through files before delivery
        try (SortedEntries sorted = SortedEntries.of(source, runs, 1, 3)) {
            assertThat(sorted.runsWritten()).isEqualTo(30);
            assertThat(sorted.mergePasses()).isGreaterThan(1);
            List<BoomiAuditEntry> out = drain(sorted);
            List<BoomiAuditEntry> expected = new ArrayList<>(input);
            expected.sort(SortedEntries.ORDER);
            assertThat(out).extracting(BoomiAuditEntry::id)
                    .containsExactlyElementsOf(expected.stream().map(BoomiAuditEntry::id).collect(java.util.stream.Collectors.toList()));
            for (int i = 0; i < out.size(); i++) {
                JsonNode raw = out.get(i).raw();
                assertThat(raw).isEqualTo(expected.get(i).raw());
                assertThat(raw.get("nested").get("values").get(1).asLong()).isEqualTo(Long.MAX_VALUE);
            }
            assertThat(sorted.hasNext()).isFalse();
            assertThatThrownBy(sorted::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(source.closed).isTrue();
        assertThat(fileCount()).isZero();
    }

    @Test
    void asManyRunsAsTheFanInAreMergedWhileDeliveredWithoutAnExtraPass() {
        List<BoomiAuditEntry> input = List.of(entry("c", 3), entry("a", 1), entry("b", 2), entry("d", 0));
        try (SortedEntries sorted = SortedEntries.of(new Source(input), runs, 1, 4)) {
            assertThat(sorted.runsWritten()).isEqualTo(4);
            assertThat(sorted.mergePasses()).isEqualTo(1);
            assertThat(drain(sorted)).extracting(BoomiAuditEntry::id).containsExactly("d", "a", "b", "c");
        }
    }

    @Test
    void closingIsIdempotentAndEndsTheDelivery() throws IOException {
        List<BoomiAuditEntry> input = List.of(entry("b", 2), entry("a", 1), entry("c", 3));
        SortedEntries sorted = SortedEntries.of(new Source(input), runs, 1, 2);
        assertThat(sorted.next().id()).isEqualTo("a");
        sorted.close();
        sorted.close();
        assertThat(sorted.hasNext()).isFalse();
        assertThatThrownBy(sorted::next).isInstanceOf(NoSuchElementException.class);
        assertThat(fileCount()).isZero();
    }

    @Test
    void aDirectoryThatCannotHoldRunsIsNamedAndTheSourceIsClosed() throws IOException {
        Path notADirectory = Files.writeString(runs.resolve("plain-file"), "x");
        Source source = new Source(List.of(entry("a", 1), entry("b", 2)));
        assertThatThrownBy(() -> SortedEntries.of(source, notADirectory, 1, 2))
                .isInstanceOf(AuditSdkException.class)
                .hasMessageStartingWith("boomi: cannot sort the staged archive in " + notADirectory + ": ");
        assertThat(source.closed).isTrue();
        assertThat(fileCount()).isEqualTo(1);
    }

    @Test
    void withinOneRunNothingTouchesTheDirectory() throws IOException {
        Path missing = runs.resolve("does-not-exist");
        try (SortedEntries sorted = SortedEntries.of(new Source(List.of(entry("b", 2), entry("a", 1))), missing,
                SortedEntries.DEFAULT_RUN_BYTES, SortedEntries.DEFAULT_FAN_IN)) {
            assertThat(drain(sorted)).extracting(BoomiAuditEntry::id).containsExactly("a", "b");
            assertThat(sorted.runsWritten()).isZero();
            assertThat(sorted.maxOpenFiles()).isZero();
        }
        assertThat(Files.exists(missing)).isFalse();
    }
}
