package dev.auditsdk.core.spi.paging;

import static dev.auditsdk.core.spi.paging.TestEntry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.json.JsonLinesReader;
import dev.auditsdk.core.EntryOrder;

/**
 * Exactly-once over chains of runs through each real pager, fed by an in-memory fake vendor
 * ({@link FakeVendorLog}) that serves a generated log: many entries sharing a timestamp, entries
 * stored or answered twice, a log that grows while it is read. Each run is stopped at random (read
 * to the end, a {@code limit}, the caller stopping after a random number of entries, a vendor
 * request failing, the entry iterator failing at a random position); the next run resumes from
 * {@code Checkpoint.parse(previous.serialize())}. The chain ends with a run that read its range
 * to the end while the log no longer grew. Then the union of all deliveries is exactly the set of
 * entries of {@code [from, to)} in the final log, with no duplicates.
 *
 * <ul>
 * <li>{@link OffsetPager} newest first, through {@link NewestFirstWindows} and a
 *     {@link EntryOrder#NEWEST_FIRST} tracker, as UiPath classic and Informatica use it
 *     ({@code stopWhen} older than the window's start; overlap 0 and more; the vendor filtering
 *     {@code < to} itself or not), with new entries written at the head between requests, newer
 *     than {@code to} or inside the range, some at the head's own timestamp.
 *     <b>Stated bound:</b> every checkpoint of the chain holds at most {@code 3 × m} identities,
 *     where {@code m} is the most entries sharing one timestamp in the log (the identities at the
 *     watermark, at where the run stopped, and at where the run before stopped), and its
 *     serialized form is at most {@code 400 + 2 × 3m × (L + 3)} characters for identities of at
 *     most {@code L} characters: independent of how many entries the range holds (checked also
 *     over ranges of 2,000 to 5,000 entries in chains of 25+ runs).</li>
 * <li>{@link OffsetPager} oldest first (sorted answers: it rejects entries out of order, so the
 *     lateness here is the tracker's only), offsets from the log's oldest entry, entries appended
 *     at the tail between requests and, with an overlap, entries before {@code from} deleted at the
 *     head by retention between requests (pulling the unread ones forward, past the overlap).</li>
 * <li>{@link TokenPager} over a live cursor: entries out of order by less than the lateness,
 *     pages re-sending entries of the page before, entries followed by a copy of the one before them.</li>
 * <li>{@link TimeWindowPager} over random sub-windows of the range, in parallel or not, the log
 *     growing between runs.</li>
 * <li>{@link ResumingEntries} as the unit a {@link TimeWindowPager} reads (one unit per run, the
 *     range's export, so entries appended between reads belong to the unit being read): JSON Lines
 *     bodies read by {@code JsonLinesReader}, cut after a random byte, re-read and resumed within
 *     the retry budget, entries appended to the body between reads; a cut past the budget fails the run.</li>
 * </ul>
 * Not modelled, as no pager can make up for it: entries deleted under an offset pager with
 * overlap 0, and entries made visible behind a cursor or a window already read by more than the
 * lateness (the settle lag's job). 150 tries per property (8 for the large ranges); the class
 * runs in about 8 s on 2 cores.
 * The oldest-first chains use an {@link EntryOrder#OLDEST_FIRST} tracker with the log's lateness
 * (entries become visible less than that after their time) and its default {@code FAIL} policy
 * for late entries, so an entry the tracker thought late fails the property too.
 */
class PagerExactlyOnceProperties {
    private static final Instant FROM = T0.plusSeconds(5);
    private static final Instant TO = T0.plusSeconds(35);
    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();

    @Provide
    Arbitrary<List<Integer>> seconds() {
        // times 0..30 s: same-timestamp runs, entries before 'from'; growth carries the head past 'to' (35 s)
        return Arbitraries.integers().between(0, 30).list().ofMaxSize(120).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<Integer>> headGrowth() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<int[]>> lateGrowth() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 4))
                .as((after, back) -> new int[] {after, back}).list().ofMaxSize(30)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 150)
    void newestFirstOffsetPagingOfAGrowingLogDeliversTheRangeOnceWithBoundedCheckpoints(
            @ForAll("seconds") List<Integer> seconds, @ForAll("headGrowth") List<Integer> growth,
            @ForAll @IntRange(min = 2, max = 9) int pageSize, @ForAll @IntRange(min = 0, max = 4) int overlap,
            @ForAll @IntRange(min = 1, max = 3) int parallelism, @ForAll boolean vendorFiltersTo, @ForAll long seed) {
        int lap = Math.min(overlap, pageSize - 1);
        FakeVendorLog.NewestFirst vendor = FakeVendorLog.NewestFirst.ofSeconds(seconds, growth, vendorFiltersTo, seed);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.NEWEST_FIRST, Duration.ZERO, () -> { });
        List<Checkpoint> checkpoints = new ArrayList<>();
        chain.run(tracker -> NewestFirstWindows.of(tracker, w -> CloseableIterator.lazily(() ->
                OffsetPager.builder(vendor.fetcher(w), TestEntry::id, TestEntry::timestamp)
                        .order(EntryOrder.NEWEST_FIRST)
                        .pageSize(pageSize)
                        .overlap(lap)
                        .parallelism(parallelism)
                        .stopWhen(e -> e.timestamp().isBefore(w.start()))
                        .build())), checkpoints::add);

        chain.assertDeliveredTheRangeOnce();
        int bound = 3 * vendor.maxSharingATimestamp();
        int longestId = vendor.entries().stream().mapToInt(e -> e.id().length()).max().orElse(0);
        for (Checkpoint checkpoint : checkpoints) {
            assertThat(idCount(checkpoint)).as("identities in %s", checkpoint).isLessThanOrEqualTo(bound);
            assertThat(checkpoint.serialize().length()).as("size of %s", checkpoint)
                    .isLessThanOrEqualTo(400 + 2 * bound * (longestId + 3));
        }
    }

    /**
     * A batch API (no overlap) read in rounds of pages fetched at once, answered in a shuffled
     * order while the head grows: every boundary is proven or bridged, so the range comes once.
     */
    @Property(tries = 60)
    void newestFirstBatchPagingInRoundsAnsweredOutOfOrderDeliversTheRangeOnce(
            @ForAll("seconds") List<Integer> seconds, @ForAll("headGrowth") List<Integer> growth,
            @ForAll @IntRange(min = 2, max = 6) int pageSize, @ForAll @IntRange(min = 2, max = 4) int parallelism,
            @ForAll boolean vendorFiltersTo, @ForAll long seed) {
        FakeVendorLog.NewestFirst vendor = FakeVendorLog.NewestFirst.ofSeconds(seconds, growth, vendorFiltersTo, seed);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.NEWEST_FIRST, Duration.ZERO, () -> { });
        chain.run(tracker -> NewestFirstWindows.of(tracker, w -> CloseableIterator.lazily(() ->
                OffsetPager.builder(vendor.fetcher(w, true), TestEntry::id, TestEntry::timestamp)
                        .order(EntryOrder.NEWEST_FIRST)
                        .pageSize(pageSize)
                        .overlap(0)
                        .parallelism(parallelism)
                        .stopWhen(e -> e.timestamp().isBefore(w.start()))
                        .build())), checkpoint -> { });
        chain.assertDeliveredTheRangeOnce();
    }

    /** The same over ranges of thousands of entries: the checkpoint's bound does not grow with the range. */
    @Property(tries = 8)
    void newestFirstCheckpointsOfLargeRangesStayWithinTheBound(@ForAll @IntRange(min = 2_000, max = 5_000) int size,
            @ForAll("headGrowth") List<Integer> growth, @ForAll @IntRange(min = 20, max = 200) int pageSize,
            @ForAll boolean vendorFiltersTo, @ForAll long seed) {
        Random times = new Random(seed);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            millis.add((long) times.nextInt(32_000)); // mostly distinct times, some shared
        }
        FakeVendorLog.NewestFirst vendor = new FakeVendorLog.NewestFirst(millis, growth, vendorFiltersTo, seed);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.NEWEST_FIRST, Duration.ZERO, () -> { });
        chain.chunk = 400;
        chain.stoppedRuns = 25; // a chain of dozens of runs
        List<Checkpoint> checkpoints = new ArrayList<>();
        chain.run(tracker -> NewestFirstWindows.of(tracker, w -> CloseableIterator.lazily(() ->
                OffsetPager.builder(vendor.fetcher(w), TestEntry::id, TestEntry::timestamp)
                        .order(EntryOrder.NEWEST_FIRST)
                        .pageSize(pageSize)
                        .overlap(pageSize / 10)
                        .stopWhen(e -> e.timestamp().isBefore(w.start()))
                        .build())), checkpoints::add);

        chain.assertDeliveredTheRangeOnce();
        int bound = 3 * vendor.maxSharingATimestamp();
        int longestId = vendor.entries().stream().mapToInt(e -> e.id().length()).max().orElse(0);
        for (Checkpoint checkpoint : checkpoints) {
            assertThat(idCount(checkpoint)).as("identities in %s", checkpoint).isLessThanOrEqualTo(bound);
            assertThat(checkpoint.serialize().length()).as("size of %s", checkpoint)
                    .isLessThanOrEqualTo(400 + 2 * bound * (longestId + 3));
        }
    }

    @Property(tries = 150)
    void oldestFirstOffsetPagingOfAGrowingLogDeliversTheRangeOnce(@ForAll("seconds") List<Integer> seconds,
            @ForAll("lateGrowth") List<int[]> growth, @ForAll @IntRange(min = 2, max = 9) int pageSize,
            @ForAll @IntRange(min = 0, max = 4) int overlap, @ForAll @IntRange(min = 0, max = 3) int trackerLateness,
            @ForAll @IntRange(min = 1, max = 3) int parallelism, @ForAll boolean retention, @ForAll long seed) {
        int lap = Math.min(overlap, pageSize - 1);
        // retention deleting entries already read pulls the rest forward: only the overlap's gap check
        // can notice (overlap 0 is for batch APIs of newest-first logs, where that does not happen)
        Instant purgeBefore = retention && lap > 0 ? FROM : null;
        FakeVendorLog.OldestFirst vendor = new FakeVendorLog.OldestFirst(seconds, growth, 0, true, seed);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.OLDEST_FIRST, Duration.ofSeconds(trackerLateness),
                () -> { });
        chain.run(tracker -> oneWindow(tracker, w -> OffsetPager.builder(vendor.offsetFetcher(purgeBefore), TestEntry::id,
                TestEntry::timestamp)
                .order(EntryOrder.OLDEST_FIRST)
                .pageSize(pageSize)
                .overlap(lap)
                .parallelism(parallelism)
                .stopWhen(e -> !e.timestamp().isBefore(w.end()))
                .build()), checkpoint -> { });

        chain.assertDeliveredTheRangeOnce();
    }

    /**
     * Found by the property above: retention emptied the page after a full one (the entries it
     * should have begun with were deleted), and the empty page was taken as the end of the log.
     */
    @net.jqwik.api.Example
    void anEmptyPageAfterAFullOneIsRetentionNotTheEnd() {
        oldestFirstOffsetPagingOfAGrowingLogDeliversTheRangeOnce(List.of(0, 0, 0, 0, 0, 0, 0, 5), List.of(), 2, 1, 0, 1,
                true, 1L);
    }

    @Property(tries = 150)
    void tokenPagingOfALiveLogOutOfOrderWithinTheLatenessDeliversTheRangeOnce(@ForAll("seconds") List<Integer> seconds,
            @ForAll("lateGrowth") List<int[]> growth, @ForAll @IntRange(min = 1, max = 9) int pageSize,
            @ForAll @IntRange(min = 0, max = 3) int resend, @ForAll @IntRange(min = 0, max = 4) int lateness,
            @ForAll long seed) {
        FakeVendorLog.OldestFirst vendor = new FakeVendorLog.OldestFirst(seconds, growth, lateness, false, seed);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.OLDEST_FIRST, Duration.ofSeconds(lateness), () -> { });
        chain.run(tracker -> oneWindow(tracker, w -> TokenPager.builder(vendor.tokenFetcher(w, pageSize, resend))
                .identity(TestEntry::id)
                .build()), checkpoint -> { });

        chain.assertDeliveredTheRangeOnce();
    }

    @Property(tries = 150)
    void timeWindowPagingOutOfOrderWithinTheLatenessDeliversTheRangeOnce(@ForAll("seconds") List<Integer> seconds,
            @ForAll("lateGrowth") List<int[]> growth, @ForAll @IntRange(min = 1, max = 12) int windowSeconds,
            @ForAll @IntRange(min = 1, max = 3) int parallelism, @ForAll @IntRange(min = 0, max = 4) int lateness,
            @ForAll long seed) {
        FakeVendorLog.OldestFirst vendor = new FakeVendorLog.OldestFirst(seconds, growth, lateness, false, seed);
        Random split = new Random(seed * 31 + 7);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.OLDEST_FIRST, Duration.ofSeconds(lateness),
                vendor::maybeGrow);
        chain.run(tracker -> oneWindow(tracker, w -> TimeWindowPager.builder(split(w, windowSeconds, split),
                vendor.windowFetcher()).parallelism(parallelism).build()), checkpoint -> { });

        chain.assertDeliveredTheRangeOnce();
    }

    @Property(tries = 150)
    void resumingEntriesOfBodiesCutAtRandomBytesDeliverTheRangeOnce(@ForAll("seconds") List<Integer> seconds,
            @ForAll("lateGrowth") List<int[]> growth, @ForAll @IntRange(min = 2, max = 4) int cutEvery,
            @ForAll @IntRange(min = 0, max = 4) int lateness, @ForAll long seed) {
        FakeVendorLog.OldestFirst vendor = new FakeVendorLog.OldestFirst(seconds, growth, lateness, false, seed);
        Chain chain = new Chain(new Random(seed), vendor, EntryOrder.OLDEST_FIRST, Duration.ofSeconds(lateness), () -> { });
        // one unit per run (an export of the range), so entries appended between reads are in the unit being read
        chain.run(tracker -> oneWindow(tracker, w -> TimeWindowPager.builder(List.of(w), window -> ResumingEntries
                .<TestEntry>builder(attempt -> vendor.body(window, attempt, cutEvery), TestEntry::id)
                .retryPolicy(FAST)
                .unit("test window " + window)
                .open()).build()), checkpoint -> { });

        chain.assertDeliveredTheRangeOnce();
    }

    /** The single window of an oldest-first tracker, read by {@code reader}; nothing when the range is empty. */
    private static CloseableIterator<TestEntry> oneWindow(DeliveryTracker tracker,
            Function<TimeWindow, CloseableIterator<TestEntry>> reader) {
        List<TimeWindow> windows = tracker.windows();
        assertThat(windows).hasSizeLessThanOrEqualTo(1);
        return windows.isEmpty() ? CloseableIterator.empty() : CloseableIterator.lazily(() -> reader.apply(windows.get(0)));
    }

    /** {@code window} cut into ascending sub-windows of 1 ms to {@code maxSeconds} s each. */
    private static List<TimeWindow> split(TimeWindow window, int maxSeconds, Random random) {
        List<TimeWindow> out = new ArrayList<>();
        Instant start = window.start();
        while (start.isBefore(window.end())) {
            Instant end = start.plusMillis(1 + random.nextInt(maxSeconds * 1000));
            if (end.isAfter(window.end())) {
                end = window.end();
            }
            out.add(TimeWindow.of(start, end));
            start = end;
        }
        return out;
    }

    /**
     * Runs until one reads its range to the end while the log did not grow and has nothing left to
     * add; each run stopped at random, resuming from the last checkpoint's text.
     */
    private static final class Chain {
        /** How runs end, weighted: read to the end once in eight. */
        static final int[] STOPS = {0, 1, 1, 2, 2, 3, 3, 4};
        final Random random;
        final FakeVendorLog vendor;
        final EntryOrder order;
        final Duration lateness;
        final Runnable betweenRuns;
        final List<String> delivered = new ArrayList<>();
        /** The most entries a run is let read before its limit, stop or failure; 0: the log's size. */
        int chunk;
        /** How many runs at least are stopped before reading to the end. */
        int stoppedRuns;
        int runs;

        Chain(Random random, FakeVendorLog vendor, EntryOrder order, Duration lateness, Runnable betweenRuns) {
            this.random = random;
            this.vendor = vendor;
            this.order = order;
            this.lateness = lateness;
            this.betweenRuns = betweenRuns;
        }

        void run(Function<DeliveryTracker, CloseableIterator<TestEntry>> source, Consumer<Checkpoint> checkpointCheck) {
            Checkpoint checkpoint = null;
            for (runs = 0; ; runs++) {
                int size = vendor.entries().size();
                if (runs > 20 * size + 300) {
                    fail("no end after %d runs: delivered %s of %s", runs, delivered.size(), vendor);
                }
                boolean lastChance = runs > 4 * size + 60;
                betweenRuns.run();
                int grownBefore = vendor.grown();
                dev.auditsdk.core.ImmutableAuditLogQuery.Builder query = AuditLogQuery.builder().to(TO);
                if (checkpoint == null) {
                    query.from(FROM);
                } else {
                    query.resumeFrom(Checkpoint.parse(checkpoint.serialize()));
                }
                int most = chunk > 0 ? chunk : size;
                // 0: read to the end, 1: limit, 2: caller stops, 3: a request fails, 4: the entries fail
                int stop = lastChance ? 0 : runs < stoppedRuns ? STOPS[1 + random.nextInt(STOPS.length - 1)]
                        : STOPS[random.nextInt(STOPS.length)];
                if (stop == 1) {
                    query.limit(1 + random.nextInt(most / 4 + 1));
                }
                DeliveryTracker tracker = DeliveryTracker.builder(query.build()).order(order).lateness(lateness).build();
                vendor.beginRun(stop == 3 ? 1 + random.nextInt(5) : -1, lastChance);
                CloseableIterator<TestEntry> entries = source.apply(tracker);
                if (stop == 4) {
                    entries = FailingEntries.of(entries, random.nextInt(most + 2));
                }
                int callerStopsAfter = stop == 2 ? random.nextInt(most + 1) : Integer.MAX_VALUE;
                boolean ended = false;
                try (AuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker, entries)) {
                    Iterator<TestEntry> it = stream.iterator();
                    int taken = 0;
                    try {
                        while (taken < callerStopsAfter && it.hasNext()) {
                            delivered.add(it.next().id());
                            taken++;
                        }
                        ended = stop != 1 && taken < callerStopsAfter; // the entries ran out
                    } catch (IllegalStateException injected) {
                        assertThat(injected).hasMessage("injected failure");
                    } catch (AuditTransportException failure) {
                        // a request failure we armed, or a cut body past the retry budget
                        String why = failure.getMessage() + (failure.getCause() == null ? "" : ": " + failure.getCause().getMessage());
                        assertThat(why).containsAnyOf("injected failure", "(cut)");
                    }
                    checkpoint = stream.checkpoint();
                }
                checkpointCheck.accept(checkpoint);
                if (ended && vendor.grown() == grownBefore && vendor.settled()) {
                    return;
                }
            }
        }

        void assertDeliveredTheRangeOnce() {
            net.jqwik.api.statistics.Statistics.label("runs").collect(runs < 3 ? "1-2" : runs < 10 ? "3-9" : runs < 40 ? "10-39" : runs < 100 ? "40-99" : ">=100");
            net.jqwik.api.statistics.Statistics.label("delivered").collect(delivered.size() < 10 ? "<10" : delivered.size() < 40 ? "10-39" : ">=40");
            net.jqwik.api.statistics.Statistics.label("grown").collect(vendor.grown() == 0 ? "0" : vendor.grown() < 10 ? "1-9" : ">=10");
            assertThat(delivered).as("delivered over %d runs", runs).doesNotHaveDuplicates();
            assertThat(delivered).as("delivered over %d runs from %s", runs, vendor)
                    .containsExactlyInAnyOrderElementsOf(vendor.idsIn(FROM, TO));
        }
    }

    private static int idCount(Checkpoint checkpoint) {
        return checkpoint.deliveredIds().size() + checkpoint.unread().map(u -> u.deliveredIds().size()).orElse(0);
    }
}
