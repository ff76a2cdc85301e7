package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.EntryOrder;

class OffsetPagerTest {

    /**
     * A log served by offset, mutated after every request the way real logs change while paged.
     * Index 0 is the vendor's first entry (the newest when newest-first).
     */
    private static final class FakeLog {
        final List<TestEntry> entries = new ArrayList<>();
        final List<Long> offsetsRequested = new ArrayList<>();
        Runnable afterEachRequest = () -> { };
        int fetched;
        int nextNewId;
        long nextNewSecond = 1_000_000;

        List<TestEntry> fetch(long offset, int size) {
            offsetsRequested.add(offset);
            int from = (int) Math.min(offset, entries.size());
            List<TestEntry> page = new ArrayList<>(entries.subList(from, Math.min(entries.size(), from + size)));
            fetched += page.size();
            afterEachRequest.run();
            return page;
        }

        /** New entries, newer than all, written at the head of a newest-first log. */
        void insertAtHead(int n) {
            for (int i = 0; i < n; i++) {
                entries.add(0, TestEntry.at("new-" + nextNewId++, nextNewSecond++));
            }
        }
    }

    /** {@code n} entries newest-first; three share each second, so ties straddle page boundaries. */
    private static List<TestEntry> newestFirst(int n) {
        List<TestEntry> list = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            list.add(TestEntry.at("e" + i, i / 3));
        }
        return list;
    }

    private static OffsetPager.Builder<TestEntry> pager(FakeLog log) {
        return OffsetPager.builder(log::fetch, TestEntry::id, TestEntry::timestamp);
    }

    private static List<TestEntry> drain(CloseableIterator<TestEntry> it) {
        List<TestEntry> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void makesNoRequestBeforeTheFirstNextAndHoldsOnePage() {
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(25));
        OffsetPager<TestEntry> pager = pager(log).pageSize(10).overlap(2).build();
        assertThat(log.offsetsRequested).isEmpty();
        for (int i = 0; i < 10; i++) {
            pager.next();
        }
        assertThat(log.offsetsRequested).containsExactly(0L);
        pager.next();
        assertThat(log.offsetsRequested).containsExactly(0L, 8L);
    }

    @Test
    void isExactWhenNewEntriesAreInsertedAtTheHeadBetweenEveryPage() {
        FakeLog log = new FakeLog();
        List<TestEntry> original = newestFirst(95);
        log.entries.addAll(original);
        // one new entry per request: four requests in flight shift a page by up to four, more than the overlap of 3
        log.afterEachRequest = () -> log.insertAtHead(1);

        List<TestEntry> delivered = drain(pager(log).pageSize(10).overlap(2).build());

        assertThat(delivered).containsExactlyElementsOf(original);
        assertThat(log.fetched).as("growth made pages re-read entries").isGreaterThan(original.size() + 20);
    }

    @Test
    void isExactWhenTheHeadGrowsAlmostAsFastAsThePagesAdvance() {
        FakeLog log = new FakeLog();
        List<TestEntry> original = newestFirst(60);
        log.entries.addAll(original);
        log.afterEachRequest = () -> log.insertAtHead(7);

        assertThat(drain(pager(log).pageSize(10).overlap(2).build())).containsExactlyElementsOf(original);
    }

    @Test
    void batchModeWithoutOverlapAsksOnlyForMultiplesOfThePageSizeAndStaysExact() {
        FakeLog log = new FakeLog();
        List<TestEntry> original = newestFirst(47);
        log.entries.addAll(original);
        log.afterEachRequest = () -> log.insertAtHead(4);

        assertThat(drain(pager(log).pageSize(10).overlap(0).build())).containsExactlyElementsOf(original);
        assertThat(log.offsetsRequested).allMatch(o -> o % 10 == 0);
    }

    @Test
    void stepsBackWhenTheLogShiftsTowardsTheHeadByMoreThanTheOverlap() {
        FakeLog log = new FakeLog();
        List<TestEntry> original = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            original.add(TestEntry.at("e" + i, i)); // oldest first
        }
        log.entries.addAll(original);
        boolean[] purged = {false};
        log.afterEachRequest = () -> {
            if (!purged[0]) { // retention removes five already-read entries at the head once
                purged[0] = true;
                log.entries.subList(0, 5).clear();
            }
        };

        List<TestEntry> delivered = drain(pager(log).order(EntryOrder.OLDEST_FIRST).pageSize(10).overlap(2).build());

        assertThat(delivered).containsExactlyElementsOf(original);
        assertThat(log.offsetsRequested).containsSubsequence(0L, 8L, 0L, 8L);
    }

    @Test
    void stopWhenEndsTheWalkWithoutFetchingFurther() {
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(100)); // seconds 33 down to 0
        List<TestEntry> delivered = drain(pager(log).pageSize(10).overlap(2)
                .stopWhen(e -> e.timestamp().isBefore(TestEntry.T0.plusSeconds(30))).build());

        assertThat(delivered).extracting(TestEntry::id).containsExactly("e99", "e98", "e97", "e96", "e95", "e94",
                "e93", "e92", "e91", "e90");
        assertThat(log.offsetsRequested).containsExactly(0L, 8L);
    }

    @Test
    void aPageOutOfOrderIsAnError() {
        FakeLog log = new FakeLog();
        log.entries.add(TestEntry.at("a", 1));
        log.entries.add(TestEntry.at("b", 2));
        OffsetPager<TestEntry> pager = pager(log).pageSize(10).build(); // newest-first expected
        assertThatThrownBy(pager::next).isInstanceOf(AuditDataException.class).hasMessageContaining("out of order");
    }

    @Test
    void theMaxPagesGuardStopsWhenTheLogOutrunsThePager() {
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(50));
        log.afterEachRequest = () -> log.insertAtHead(9); // faster than pageSize - overlap
        OffsetPager<TestEntry> pager = pager(log).pageSize(10).overlap(2).maxPages(20).build();
        assertThatThrownBy(() -> drain(pager)).isInstanceOf(AuditSdkException.class).hasMessageContaining("maxPages");
        assertThat(pager.requests()).isEqualTo(20);
    }

    @Test
    void rejectsAnOverlapThatIsNotSmallerThanThePageAndAnUnorderedLog() {
        FakeLog log = new FakeLog();
        assertThatThrownBy(() -> pager(log).pageSize(5).overlap(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> pager(log).order(EntryOrder.UNORDERED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNORDERED");
    }

    @Test
    void anEmptyLogEndsAfterOneRequest() {
        FakeLog log = new FakeLog();
        OffsetPager<TestEntry> pager = pager(log).build();
        assertThat(pager.hasNext()).isFalse();
        assertThat(log.offsetsRequested).containsExactly(0L);
    }

    @Test
    void aServerIgnoringTheOffsetStopsAfterMaxPagesWithoutProgressNamingTheParameter() {
        List<TestEntry> newest = newestFirst(30).subList(0, 10);
        List<Long> offsets = new ArrayList<>();
        OffsetPageFetcher<TestEntry> ignoresSkip = new OffsetPageFetcher<>() {
            @Override
            public List<TestEntry> fetch(long offset, int size) {
                offsets.add(offset);
                return newest; // whatever the offset
            }

            @Override
            public String offsetParameter() {
                return "skip";
            }
        };
        OffsetPager<TestEntry> pager = OffsetPager.builder(ignoresSkip, TestEntry::id, TestEntry::timestamp)
                .pageSize(10).overlap(2).maxPagesWithoutProgress(5).build();
        List<TestEntry> delivered = new ArrayList<>();
        assertThatThrownBy(() -> pager.forEachRemaining(delivered::add))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("6 pages in a row")
                .hasMessageContaining("maxPagesWithoutProgress = 5")
                .hasMessageContaining("ignore the offset parameter 'skip'")
                .hasMessageContaining("OffsetPager.Builder.maxPagesWithoutProgress(int)");
        assertThat(delivered).containsExactlyElementsOf(newest);
        assertThat(offsets).containsExactly(0L, 8L, 16L, 24L, 32L, 40L, 48L); // 1 with progress + 6 without
    }

    @Test
    void theDefaultLimitOfPagesWithoutProgressIsOneHundred() {
        List<TestEntry> newest = newestFirst(30).subList(0, 10);
        int[] requests = {0};
        OffsetPager<TestEntry> pager = OffsetPager.<TestEntry>builder((offset, size) -> {
            requests[0]++;
            return newest;
        }, TestEntry::id, TestEntry::timestamp).pageSize(10).build();
        assertThatThrownBy(() -> drain(pager)).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("maxPagesWithoutProgress = 100")
                .hasMessageContaining("offset parameter 'offset'");
        assertThat(OffsetPager.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS).isEqualTo(100);
        assertThat(requests[0]).isEqualTo(1 + 101);
        assertThat(pager.requests()).isEqualTo(102);
    }

    @Test
    void pagesWithoutProgressUpToTheLimitDoNotStopTheWalk() {
        // the log grows by exactly pageSize - overlap after each of the first four requests: the next
        // four pages are the first page again (nothing new), then the walk moves on
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(50));
        int[] n = {0};
        log.afterEachRequest = () -> {
            if (n[0]++ < 4) {
                log.insertAtHead(8);
            }
        };
        List<TestEntry> all = drain(pager(log).pageSize(10).overlap(2).maxPagesWithoutProgress(4).build());
        assertThat(all).containsExactlyElementsOf(newestFirst(50));
        assertThat(log.offsetsRequested).startsWith(0L, 8L, 16L, 24L, 32L, 40L);

        FakeLog again = new FakeLog();
        again.entries.addAll(newestFirst(50));
        int[] m = {0};
        again.afterEachRequest = () -> {
            if (m[0]++ < 4) {
                again.insertAtHead(8);
            }
        };
        OffsetPager<TestEntry> strict = pager(again).pageSize(10).overlap(2).maxPagesWithoutProgress(3).build();
        assertThatThrownBy(() -> drain(strict)).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("4 pages in a row, up to offset 32")
                .hasMessageContaining("maxPagesWithoutProgress = 3");
        assertThat(strict.requests()).isEqualTo(5);
    }

    @Test
    void rejectsANonPositiveLimitOfPagesWithoutProgress() {
        FakeLog log = new FakeLog();
        assertThatThrownBy(() -> pager(log).maxPagesWithoutProgress(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPagesWithoutProgress");
    }

    @Test
    void fetchingAheadDeliversTheSequentialReadAndRequestsPagesAtOnce() {
        FakeLog sequentialLog = new FakeLog();
        sequentialLog.entries.addAll(newestFirst(95));
        List<TestEntry> sequential = drain(pager(sequentialLog).pageSize(10).overlap(2).build());

        CountDownLatch threeAtOnce = new CountDownLatch(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(95));
        // the first page is requested alone; after it came back full, three meet here
        OffsetPageFetcher<TestEntry> meetThree = (offset, size) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (offset > 0) {
                threeAtOnce.countDown();
                try {
                    threeAtOnce.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                synchronized (log) {
                    return log.fetch(offset, size);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        };
        List<TestEntry> parallel = drain(OffsetPager.builder(meetThree, TestEntry::id, TestEntry::timestamp)
                .pageSize(10).overlap(2).parallelism(3).build());

        assertThat(parallel).containsExactlyElementsOf(sequential).hasSize(95);
        assertThat(maxInFlight.get()).isEqualTo(3);
        assertThat(threeAtOnce.getCount()).isZero();
    }

    @Test
    void fetchingAheadStaysExactWhenTheHeadGrowsWhilePagesAreInFlight() {
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(200));
        // one new entry per request: four requests in flight shift a page by up to four, more than the overlap of 3
        log.afterEachRequest = () -> log.insertAtHead(1);
        OffsetPageFetcher<TestEntry> shared = (offset, size) -> {
            synchronized (log) {
                return log.fetch(offset, size);
            }
        };
        List<TestEntry> out = drain(OffsetPager.builder(shared, TestEntry::id, TestEntry::timestamp)
                .pageSize(10).overlap(3).parallelism(4).stopWhen(e -> e.id().startsWith("new")).build());
        assertThat(out).extracting(TestEntry::id).doesNotHaveDuplicates()
                .containsAll(newestFirst(200).stream().map(TestEntry::id).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void aLogThatFitsTheFirstPageCostsOneRequestWhateverTheParallelism() {
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(7));
        List<TestEntry> out = drain(pager(log).pageSize(10).overlap(2).parallelism(4).build());
        assertThat(out).hasSize(7);
        assertThat(log.offsetsRequested).containsExactly(0L);
    }

    @Test
    void aShortPageAnsweredBeforeThePageInFrontOfItIsAskedAgainBeforeTheWalkEnds() {
        // the page ahead (offset 8) is answered before the page at offset 4, when the log ended at
        // offset 8 (an empty page, which shows no gap); the page at 4 is answered after 6 entries
        // were written: the walk must not stop at the empty page, which no longer shows the end
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(8));
        OffsetPageFetcher<TestEntry> reordered = answeredLate(log, 4, 8, 6);
        List<TestEntry> out = drain(OffsetPager.builder(reordered, TestEntry::id, TestEntry::timestamp)
                .pageSize(5).overlap(1).parallelism(2).build());
        assertThat(out).extracting(TestEntry::id).doesNotHaveDuplicates()
                .containsAll(newestFirst(8).stream().map(TestEntry::id).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void aShortPageAnsweredBeforeThePageInFrontOfItEndsTheWalkWhenItBeginsWithReReads() {
        // 13 entries, pages of 5 overlapping by 2: 0, 3, 6, 9 (short); the page at 6 is answered after
        // the page at 9 and after 1 entry was written (less than the overlap): the short page still
        // begins with a re-read, nothing crossed unseen, so it is not requested again
        for (int written : new int[] {1, 4}) {
            FakeLog log = new FakeLog();
            log.entries.addAll(newestFirst(13));
            OffsetPageFetcher<TestEntry> reordered = answeredLate(log, 6, 9, written);
            List<TestEntry> out = drain(OffsetPager.builder(reordered, TestEntry::id, TestEntry::timestamp)
                    .pageSize(5).overlap(2).parallelism(3).build());
            assertThat(out).as("%d written", written).containsExactlyElementsOf(newestFirst(13));
            if (written == 1) {
                assertThat(log.offsetsRequested).as("no page asked twice").doesNotHaveDuplicates();
            } else {
                // more than the overlap: the short page begins with a new entry, rule 3 steps back
                assertThat(log.offsetsRequested.stream().filter(o -> o == 6L).count()).isEqualTo(2);
            }
        }
    }

    @Test
    void aBatchPagerFetchesARoundAtOnceAndChecksEachBoundaryBetweenFullPages() {
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(55));
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        OffsetPageFetcher<TestEntry> counting = (offset, size) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (size == 10 && offset >= 10 && offset <= 40) {
                    fourAtOnce.countDown(); // the first round: its four pages meet here
                    fourAtOnce.await(5, TimeUnit.SECONDS);
                }
                synchronized (log) {
                    requests.add(offset + "/" + size);
                    return log.fetch(offset, size);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        List<TestEntry> out = drain(OffsetPager.builder(counting, TestEntry::id, TestEntry::timestamp)
                .pageSize(10).overlap(0).parallelism(4).build());

        assertThat(out).containsExactlyElementsOf(newestFirst(55));
        assertThat(maxInFlight.get()).isEqualTo(4);
        // the first page alone; a round of four; one-entry checks of the boundaries between full
        // pages (in front of 20, 30 and 40); a second round ending at the short page at 50
        assertThat(requests.subList(0, 1)).containsExactly("0/10");
        assertThat(requests.subList(1, 5)).containsExactlyInAnyOrder("10/10", "20/10", "30/10", "40/10");
        assertThat(requests.subList(5, 8)).containsExactlyInAnyOrder("20/1", "30/1", "40/1");
        assertThat(requests.subList(8, requests.size())).containsExactlyInAnyOrder("50/10", "60/10", "70/10", "80/10");
    }

    @Test
    void aBatchRoundAnsweredOutOfOrderWhileTheLogGrewBridgesTheBoundaryAndLosesNothing() {
        // the page at 20 is answered first; then 3 entries are written at the head, and the page at
        // 10 answered: the 3 entries that were at 17..19 are now at 20..22, in neither page
        List<TestEntry> original = newestFirst(60);
        List<TestEntry> out = drainReordered(original, 3);
        assertThat(out).containsExactlyElementsOf(original);
    }

    @Test
    void aBatchRoundWhoseBoundaryMovedByAPageOrMoreEndsThereAndTheNextRoundStartsAtIt() {
        List<TestEntry> original = newestFirst(60);
        List<TestEntry> out = drainReordered(original, 12); // more than a page: no bridge can reach
        assertThat(out).containsExactlyElementsOf(original);
    }

    @Test
    void aServerThatIgnoresTheSizeOfABoundaryCheckCostsBridgesButLosesNothing() {
        // a hostile server: a one-entry request is answered as a whole batch of its own size (7)
        // at that batch number, so no check finds the entry it expects; every boundary is bridged
        FakeLog log = new FakeLog();
        log.entries.addAll(newestFirst(95));
        OffsetPageFetcher<TestEntry> ignoresSize = (offset, size) -> {
            synchronized (log) {
                return size == 1 ? log.fetch(offset * 7, 7) : log.fetch(offset, size);
            }
        };
        List<TestEntry> out = drain(OffsetPager.builder(ignoresSize, TestEntry::id, TestEntry::timestamp)
                .pageSize(10).overlap(0).parallelism(4).build());
        assertThat(out).containsExactlyElementsOf(newestFirst(95));
    }

    /** A batch pager (page 10, 4 at once) over a log whose page at 10 is answered after the page at 20 and after {@code written} entries were written at the head. */
    private static List<TestEntry> drainReordered(List<TestEntry> original, int written) {
        FakeLog log = new FakeLog();
        log.entries.addAll(original);
        return drain(OffsetPager.builder(answeredLate(log, 10, 20, written), TestEntry::id, TestEntry::timestamp)
                .pageSize(10).overlap(0).parallelism(4).build());
    }

    /**
     * A fetcher over {@code log} that answers its first request at offset {@code late} only after
     * a request at offset {@code early} was answered, and after {@code written} entries were
     * written at the head meanwhile; every other request is answered at once.
     */
    private static OffsetPageFetcher<TestEntry> answeredLate(FakeLog log, long late, long early, int written) {
        CountDownLatch earlyAnswered = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        return (offset, size) -> {
            if (offset == late && once.compareAndSet(false, true)) {
                try {
                    earlyAnswered.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (log) {
                    log.insertAtHead(written);
                    return log.fetch(offset, size);
                }
            }
            synchronized (log) {
                List<TestEntry> page = log.fetch(offset, size);
                if (offset == early) {
                    earlyAnswered.countDown();
                }
                return page;
            }
        };
    }

    @Test
    void rejectsANonPositiveParallelism() {
        assertThatThrownBy(() -> pager(new FakeLog()).parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism must be positive, was 0");
    }
}
