package dev.auditsdk.core.spi.paging;

import static dev.auditsdk.core.spi.paging.TestEntry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.EntryOrder;

/**
 * Exactly-once over chains of runs: a generated log (many entries sharing a timestamp), read by a
 * paged reader that re-reads across page boundaries, each run stopped by a limit, by the caller
 * or by a failure at a random position, the next one resumed from the previous checkpoint's text.
 * The union of all deliveries is the log, with no duplicates, and a newest-first checkpoint never
 * holds more identities than those at three instants (its watermark, where it stopped, and the
 * previous watermark), however long the log.
 */
class ExactlyOnceProperties {
    private static final Instant TO = T0.plusSeconds(3600);

    @Provide
    Arbitrary<List<TestEntry>> logs() {
        return Arbitraries.integers().between(0, 40).list().ofMaxSize(160).map(seconds -> {
            List<TestEntry> log = new ArrayList<>();
            for (int i = 0; i < seconds.size(); i++) {
                log.add(TestEntry.at("e" + i, seconds.get(i)));
            }
            return log;
        });
    }

    @Property(tries = 300)
    void newestFirstResumeChainsDeliverTheLogExactlyOnceWithSmallCheckpoints(@ForAll("logs") List<TestEntry> log,
            @ForAll @IntRange(min = 1, max = 9) int pageSize, @ForAll @IntRange(min = 0, max = 4) int overlap,
            @ForAll long seed) {
        List<TestEntry> newestFirst = new ArrayList<>(log);
        newestFirst.sort(Comparator.comparing(TestEntry::timestamp).reversed().thenComparing(TestEntry::id));
        int bound = 3 * maxSharingATimestamp(log);
        Chain chain = new Chain(new Random(seed), EntryOrder.NEWEST_FIRST, Duration.ZERO);
        chain.run(window -> paged(inWindow(newestFirst, window), pageSize, overlap), log.size(),
                checkpoint -> assertThat(idCount(checkpoint)).as("identities in %s", checkpoint).isLessThanOrEqualTo(bound));
        assertThat(chain.delivered).doesNotHaveDuplicates();
        assertThat(chain.delivered).containsExactlyInAnyOrderElementsOf(ids(log));
    }

    @Property(tries = 300)
    void oldestFirstResumeChainsDeliverTheLogExactlyOnce(@ForAll("logs") List<TestEntry> log,
            @ForAll @IntRange(min = 1, max = 9) int pageSize, @ForAll @IntRange(min = 0, max = 4) int overlap,
            @ForAll long seed) {
        List<TestEntry> ascending = new ArrayList<>(log);
        ascending.sort(Comparator.comparing(TestEntry::timestamp).thenComparing(TestEntry::id));
        Chain chain = new Chain(new Random(seed), EntryOrder.OLDEST_FIRST, Duration.ZERO);
        chain.run(window -> paged(inWindow(ascending, window), pageSize, overlap), log.size(),
                checkpoint -> assertThat(idCount(checkpoint)).isLessThanOrEqualTo(maxSharingATimestamp(log)));
        assertThat(chain.delivered).doesNotHaveDuplicates();
        assertThat(chain.delivered).containsExactlyInAnyOrderElementsOf(ids(log));
    }

    @Property(tries = 300)
    void entriesOutOfOrderWithinTheLatenessAreDeliveredExactlyOnce(@ForAll("logs") List<TestEntry> log,
            @ForAll @IntRange(min = 1, max = 9) int pageSize, @ForAll @IntRange(min = 0, max = 4) int overlap,
            @ForAll @IntRange(min = 1, max = 5) int latenessSeconds, @ForAll long seed) {
        // each entry shows up behind newer ones by less than the lateness: sorted by time plus a delay
        Random delays = new Random(seed ^ 0x5DEECE66DL);
        Map<String, Long> shownAt = new HashMap<>();
        log.forEach(e -> shownAt.put(e.id(), e.timestamp().toEpochMilli() + delays.nextInt(latenessSeconds * 1000)));
        List<TestEntry> arrival = new ArrayList<>(log);
        arrival.sort(Comparator.comparing((TestEntry e) -> shownAt.get(e.id())).thenComparing(TestEntry::id));
        Chain chain = new Chain(new Random(seed), EntryOrder.OLDEST_FIRST, Duration.ofSeconds(latenessSeconds));
        chain.run(window -> paged(inWindow(arrival, window), pageSize, overlap), log.size(), checkpoint -> { });
        assertThat(chain.delivered).doesNotHaveDuplicates();
        assertThat(chain.delivered).containsExactlyInAnyOrderElementsOf(ids(log));
    }

    /** Runs until one reads its range to the end, each stopped at random, resuming from the last checkpoint's text. */
    private static final class Chain {
        final Random random;
        final EntryOrder order;
        final Duration lateness;
        final List<String> delivered = new ArrayList<>();

        Chain(Random random, EntryOrder order, Duration lateness) {
            this.random = random;
            this.order = order;
            this.lateness = lateness;
        }

        void run(java.util.function.Function<TimeWindow, CloseableIterator<TestEntry>> reader, int size,
                java.util.function.Consumer<Checkpoint> checkpointCheck) {
            Checkpoint checkpoint = null;
            for (int run = 0; ; run++) {
                boolean lastChance = run > 4 * size + 20;
                dev.auditsdk.core.ImmutableAuditLogQuery.Builder query = AuditLogQuery.builder().to(TO);
                if (checkpoint == null) {
                    query.from(T0);
                } else {
                    query.resumeFrom(Checkpoint.parse(checkpoint.serialize()));
                }
                int stop = lastChance ? 0 : random.nextInt(4); // 0: read to the end, 1: limit, 2: caller stops, 3: failure
                if (stop == 1) {
                    query.limit(1 + random.nextInt(Math.max(1, size / 3 + 1)));
                }
                DeliveryTracker tracker = DeliveryTracker.builder(query.build()).order(order).lateness(lateness).build();
                int failAt = stop == 3 ? random.nextInt(size + 2) : -1;
                CloseableIterator<TestEntry> entries = order == EntryOrder.NEWEST_FIRST
                        ? NewestFirstWindows.of(tracker, w -> FailingEntries.of(reader.apply(w), failAt))
                        : FailingEntries.of(reader.apply(tracker.windows().get(0)), failAt);
                int callerStopsAfter = stop == 2 ? random.nextInt(size + 1) : Integer.MAX_VALUE;
                boolean ended = false;
                try (AuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker, entries)) {
                    Iterator<TestEntry> it = stream.iterator();
                    int taken = 0;
                    try {
                        while (taken < callerStopsAfter && it.hasNext()) {
                            delivered.add(it.next().id());
                            taken++;
                        }
                        ended = stop == 0;
                    } catch (IllegalStateException injected) {
                        assertThat(injected).hasMessage("injected failure");
                    }
                    checkpoint = stream.checkpoint();
                }
                checkpointCheck.accept(checkpoint);
                if (ended) {
                    return;
                }
            }
        }
    }

    private static List<TestEntry> inWindow(List<TestEntry> entries, TimeWindow window) {
        return entries.stream().filter(e -> !e.timestamp().isBefore(window.start()) && e.timestamp().isBefore(window.end()))
                .collect(Collectors.toList());
    }

    /** Pages of {@code size}, each but the first also repeating the last {@code overlap} entries of the previous one. */
    private static CloseableIterator<TestEntry> paged(List<TestEntry> entries, int size, int overlap) {
        List<TestEntry> out = new ArrayList<>();
        for (int start = 0; start < entries.size(); start += size) {
            out.addAll(entries.subList(Math.max(0, start - overlap), Math.min(entries.size(), start + size)));
        }
        return CloseableIterator.of(out);
    }

    private static int idCount(Checkpoint checkpoint) {
        return checkpoint.deliveredIds().size() + checkpoint.unread().map(u -> u.deliveredIds().size()).orElse(0);
    }

    private static int maxSharingATimestamp(List<TestEntry> log) {
        Map<Instant, Integer> counts = new HashMap<>();
        log.forEach(e -> counts.merge(e.timestamp(), 1, Integer::sum));
        return counts.values().stream().max(Integer::compare).orElse(0);
    }

    private static Set<String> ids(List<TestEntry> log) {
        Set<String> ids = new HashSet<>();
        log.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
