package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.CloseableIterator;

class TimeWindowPagerTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<TimeWindow> TEN_DAYS = TimeWindow.utcDays(START, START.plus(Duration.ofDays(10)), 1);

    private final AtomicInteger started = new AtomicInteger();
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private ExecutorService callerExecutor;

    @AfterEach
    void shutDown() {
        if (callerExecutor != null) {
            callerExecutor.shutdownNow();
        }
    }

    private static int dayOf(TimeWindow w) {
        return (int) Duration.between(START, w.start()).toDays();
    }

    /** Window k holds k % 3 + 1 entries "k.j"; later windows answer faster, to tempt out-of-order delivery. */
    private CloseableIterator<String> fetchDay(TimeWindow w) {
        started.incrementAndGet();
        workerThreads.add(Thread.currentThread());
        int k = dayOf(w);
        sleep(10 - k);
        List<String> entries = new ArrayList<>();
        for (int j = 0; j <= k % 3; j++) {
            entries.add(k + "." + j);
        }
        return CloseableIterator.of(entries);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> drain(CloseableIterator<String> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void parallelDeliveryIsInOrderAndIdenticalToSequential() {
        List<String> sequential = drain(TimeWindowPager.builder(TEN_DAYS, this::fetchDay).build());
        List<String> parallel = drain(TimeWindowPager.builder(TEN_DAYS, this::fetchDay).parallelism(3).build());

        assertThat(sequential).hasSize(19).startsWith("0.0", "1.0", "1.1", "2.0", "2.1", "2.2", "3.0");
        assertThat(parallel).containsExactlyElementsOf(sequential);
    }

    @Test
    void neverHoldsMoreThanParallelismWindowsFetchedButUndelivered() {
        int maxUndelivered = 0;
        try (TimeWindowPager<String> pager = TimeWindowPager.builder(TEN_DAYS, this::fetchDay).parallelism(3).build()) {
            while (pager.hasNext()) {
                int delivering = Integer.parseInt(pager.next().split("\\.")[0]);
                // windows before the one being delivered are fully delivered
                maxUndelivered = Math.max(maxUndelivered, started.get() - delivering);
                sleep(1);
            }
        }
        assertThat(maxUndelivered).isLessThanOrEqualTo(3);
        assertThat(started.get()).isEqualTo(10);
    }

    @Test
    void fetchesUpToParallelismWindowsAtOnce() {
        CountDownLatch allThreeRunning = new CountDownLatch(3);
        WindowFetcher<String> meetAtLatch = w -> {
            allThreeRunning.countDown();
            try {
                if (!allThreeRunning.await(5, TimeUnit.SECONDS)) {
                    throw new AssertionError("three windows were not fetched at the same time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CloseableIterator.of(List.of(String.valueOf(dayOf(w))));
        };
        List<String> out = drain(TimeWindowPager.builder(TEN_DAYS.subList(0, 3), meetAtLatch).parallelism(3).build());
        assertThat(out).containsExactly("0", "1", "2");
    }

    @Test
    void makesNoCallAndStartsNoThreadBeforeTheFirstNext() {
        TimeWindowPager<String> pager = TimeWindowPager.builder(TEN_DAYS, this::fetchDay).parallelism(3).build();
        sleep(20);
        assertThat(started.get()).isZero();
        assertThat(pager.next()).isEqualTo("0.0");
        pager.close();
    }

    @Test
    void sequentialModeStreamsOnTheCallersThreadAndClosesEachWindow() {
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        WindowFetcher<String> fetcher = w -> {
            CloseableIterator<String> inner = fetchDay(w);
            return new CloseableIterator<String>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public String next() {
                    return inner.next();
                }

                @Override
                public void close() {
                    closed.add(w.start().toString());
                }
            };
        };
        try (TimeWindowPager<String> pager = TimeWindowPager.builder(TEN_DAYS, fetcher).build()) {
            assertThat(pager.next()).isEqualTo("0.0");
            assertThat(pager.next()).isEqualTo("1.0");
            assertThat(closed).hasSize(1);
            assertThat(started.get()).as("one window at a time").isEqualTo(2);
        }
        assertThat(closed).hasSize(2);
        assertThat(workerThreads).containsExactly(Thread.currentThread());
    }

    @Test
    void aFailedWindowIsThrownWhenReachedAndCloseStopsTheRest() throws InterruptedException {
        WindowFetcher<String> failOnDay2 = w -> {
            if (dayOf(w) == 2) {
                throw new AuditServerException("day 2 failed", 503, null, null, null);
            }
            return fetchDay(w);
        };
        TimeWindowPager<String> pager = TimeWindowPager.builder(TEN_DAYS, failOnDay2).parallelism(3).build();
        List<String> before = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (pager.hasNext()) {
                before.add(pager.next());
            }
        }).isInstanceOf(AuditServerException.class).hasMessage("day 2 failed");
        assertThat(before).containsExactly("0.0", "1.0", "1.1");

        pager.close();
        assertThat(started.get()).isLessThanOrEqualTo(5);
        for (Thread t : workerThreads) {
            t.join(2000);
            assertThat(t.isAlive()).as("owned executor shut down on close").isFalse();
        }
    }

    @Test
    void aCallerOwnedExecutorIsNotShutDown() {
        callerExecutor = Executors.newFixedThreadPool(2);
        List<String> out = drain(TimeWindowPager.builder(TEN_DAYS, this::fetchDay).parallelism(2)
                .executor(callerExecutor).build());
        assertThat(out).hasSize(19);
        assertThat(callerExecutor.isShutdown()).isFalse();
    }

    @Test
    void rejectsOverlappingWindows() {
        List<TimeWindow> overlapping = List.of(TimeWindow.of(START, START.plusSeconds(10)),
                TimeWindow.of(START.plusSeconds(5), START.plusSeconds(20)));
        assertThatThrownBy(() -> TimeWindowPager.builder(overlapping, this::fetchDay))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }

    @Test
    void aWindowReadAheadIsStreamedThroughABoundedBufferNotHeldWhole() {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        WindowFetcher<String> bigWindows = w -> new CloseableIterator<String>() {
            int left = 5_000;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public String next() {
                left--;
                maxHeld.accumulateAndGet(produced.incrementAndGet() - consumed.get(), Math::max);
                return dayOf(w) + "." + left;
            }

            @Override
            public void close() {
            }
        };
        List<String> out = new ArrayList<>();
        try (TimeWindowPager<String> pager = TimeWindowPager.builder(TEN_DAYS.subList(0, 4), bigWindows)
                .parallelism(3).bufferedEntries(50).build()) {
            while (pager.hasNext()) {
                out.add(pager.next());
                consumed.incrementAndGet();
            }
        }
        assertThat(out).hasSize(20_000).startsWith("0.4999").endsWith("3.0");
        // three windows of at most 50 buffered each, one entry in each task's hand, one in the reader's
        assertThat(maxHeld.get()).isLessThanOrEqualTo(3 * 51 + 1);
    }

    @Test
    void rejectsANonPositiveBuffer() {
        assertThatThrownBy(() -> TimeWindowPager.builder(TEN_DAYS, this::fetchDay).bufferedEntries(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bufferedEntries must be positive");
    }

    @Test
    void aSingleWindowIsStreamedOnTheCallersThreadWhateverTheParallelism() {
        List<String> out = drain(TimeWindowPager.builder(TEN_DAYS.subList(0, 1), this::fetchDay).parallelism(4).build());
        assertThat(out).containsExactly("0.0");
        assertThat(workerThreads).containsExactly(Thread.currentThread());
    }
}
