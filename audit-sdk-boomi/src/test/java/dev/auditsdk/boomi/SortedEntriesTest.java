package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedEntriesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PAD = "x".repeat(40);

    @TempDir
    Path runs;

    /** {@code n} records in random order, about 100 bytes of JSON each; dates repeat, so ties need the id. */
    private static List<BoomiAuditEntry> shuffled(int n, long seed) {
        Random random = new Random(seed);
        List<BoomiAuditEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode raw = Json.mapper().createObjectNode();
            raw.put("documentId", String.format("doc-%05d", i));
            raw.put("date", T0.plusSeconds(random.nextInt(n / 3)).toString());
            raw.put("pad", PAD);
            out.add(BoomiAuditEntry.of(raw));
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    private static List<String> sortedIds(List<BoomiAuditEntry> entries) {
        return entries.stream().sorted(SortedEntries.ORDER).map(BoomiAuditEntry::id).collect(Collectors.toList());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            return list.collect(Collectors.toList());
        }
    }

    /** Open descriptors of this process, where the platform shows them (Linux); -1 elsewhere. */
    private static int openDescriptors() {
        File[] fds = new File("/proc/self/fd").listFiles();
        return fds == null ? -1 : fds.length;
    }

    @Test
    void aLargeArchiveIsMergedInThreePassesWithBoundedFanInAndExactOrder() throws IOException {
        List<BoomiAuditEntry> input = shuffled(600, 7);
        int fanIn = 4;
        int before = openDescriptors();

        List<String> got = new ArrayList<>();
        int filesDuringDelivery;
        int descriptorsDuringDelivery;
        try (SortedEntries sorted = SortedEntries.of(CloseableIterator.of(input), runs, 1024, fanIn)) {
            // ~100-byte records in runs of 1 KiB: 17..64 runs need 64 -> 16 -> 4 -> delivery, 3 passes
            assertThat(sorted.runsWritten()).isBetween(fanIn * fanIn + 1, fanIn * fanIn * fanIn);
            assertThat(sorted.mergePasses()).isEqualTo(3);
            assertThat(sorted.maxOpenFiles()).isLessThanOrEqualTo(fanIn + 1);
            filesDuringDelivery = files().size();
            descriptorsDuringDelivery = openDescriptors();
            sorted.forEachRemaining(e -> got.add(e.id()));
        }

        assertThat(got).containsExactlyElementsOf(sortedIds(input));
        assertThat(filesDuringDelivery).as("merged runs are deleted at once; only the last pass's inputs remain")
                .isLessThanOrEqualTo(fanIn);
        if (before >= 0) {
            assertThat(descriptorsDuringDelivery - before).isLessThanOrEqualTo(fanIn + 2);
            assertThat(openDescriptors()).isLessThanOrEqualTo(before);
        }
        assertThat(files()).as("every temporary run is deleted on close").isEmpty();
    }

    @Test
    void runsAreCutByBytesNotByRecords() {
        List<BoomiAuditEntry> input = shuffled(200, 3);
        try (SortedEntries small = SortedEntries.of(CloseableIterator.of(input), runs, 2048, 64);
                SortedEntries large = SortedEntries.of(CloseableIterator.of(input), runs, 8192, 64)) {
            // each record is about 100 bytes: a 2 KiB budget holds about 20, an 8 KiB one about 80
            assertThat(small.runsWritten()).isBetween(8, 11);
            assertThat(large.runsWritten()).isBetween(2, 3);
            assertThat(small.mergePasses()).isEqualTo(1);
        }
    }

    @Test
    void anArchiveWithinOneRunIsSortedInMemoryWithoutFiles() throws IOException {
        List<BoomiAuditEntry> input = shuffled(50, 5);
        List<String> got = new ArrayList<>();
        try (SortedEntries sorted = SortedEntries.of(CloseableIterator.of(input), runs, SortedEntries.DEFAULT_RUN_BYTES,
                SortedEntries.DEFAULT_FAN_IN)) {
            assertThat(sorted.runsWritten()).isZero();
            assertThat(files()).isEmpty();
            sorted.forEachRemaining(e -> got.add(e.id()));
        }
        assertThat(got).containsExactlyElementsOf(sortedIds(input));
    }

    @Test
    void closingBeforeTheEndDeletesEveryRun() throws IOException {
        SortedEntries sorted = SortedEntries.of(CloseableIterator.of(shuffled(600, 9)), runs, 1024, 3);
        sorted.next();
        sorted.next();
        assertThat(files()).isNotEmpty();
        sorted.close();
        assertThat(files()).isEmpty();
        assertThat(sorted.hasNext()).isFalse();
    }

    @Test
    void aFailingSourceLeavesNoRunBehindAndIsClosed() throws IOException {
        Iterator<BoomiAuditEntry> records = shuffled(600, 11).iterator();
        boolean[] closed = {false};
        CloseableIterator<BoomiAuditEntry> failing = new CloseableIterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public BoomiAuditEntry next() {
                if (n++ == 400) {
                    throw new IllegalStateException("archive cut short");
                }
                return records.next();
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThatThrownBy(() -> SortedEntries.of(failing, runs, 1024, 4))
                .isInstanceOf(IllegalStateException.class).hasMessage("archive cut short");
        assertThat(closed[0]).isTrue();
        assertThat(files()).isEmpty();
    }

    @Test
    void rejectsAFanInBelowTwoAndANonPositiveRunBudget() {
        assertThatThrownBy(() -> SortedEntries.of(CloseableIterator.empty(), runs, 1024, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fanIn");
        assertThatThrownBy(() -> SortedEntries.of(CloseableIterator.empty(), runs, 0, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runBytes");
    }
}
