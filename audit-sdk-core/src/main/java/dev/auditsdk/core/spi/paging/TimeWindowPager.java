package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditSdkException;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.json.JsonLinesReader;

/**
 * Entries of a sequence of time windows (Lifecycle days, Jitterbit export windows, Boomi query
 * ranges, Informatica security-log ranges), fetched lazily and delivered strictly in window order.
 *
 * <p>With {@code parallelism(1)} (the default), and for a single window whatever the
 * parallelism, each window is fetched on the caller's thread when the previous one is used up,
 * and its entries are streamed straight from the vendor function's iterator. With {@code parallelism(n)}, up to {@code n} windows are read at once on
 * an executor; delivery still follows window order, and a new window is started only when one
 * has been fully delivered, so at most {@code n} windows are fetched or fetching but not yet
 * delivered. A window read ahead is streamed, not held whole: its task hands entries over
 * through a buffer of {@link Builder#bufferedEntries(int) bufferedEntries} and waits while that
 * is full, leaving the rest of the window in its response stream. Memory is therefore at most
 * {@code n × bufferedEntries} entries, whatever the windows hold. The result is the sequence a
 * sequential read gives: the same entries in the same order.
 *
 * <p>A failure in a window is thrown when delivery reaches it (entries of earlier windows, and
 * the entries of that window before the failure, are all delivered first). {@link #close()}
 * cancels the windows still in flight and shuts down the executor if the pager created it; an
 * executor passed to {@link Builder#executor(ExecutorService)} is the caller's and is left running.
 *
 * <pre>{@code
 * CloseableIterator<LifecycleEntry> entries = TimeWindowPager.builder(
 *             TimeWindow.utcDays(query.start(), query.to(), 1),
 *             window -> JsonLinesReader.of(api.auditLogs(window).body(), LifecycleEntry::from))
 *         .parallelism(3)
 *         .build();
 * }</pre>
 *
 * @param <T> the entry type
 */
public final class TimeWindowPager<T> extends PagedIterator<T> {
    /** Default {@link Builder#bufferedEntries(int)}. */
    public static final int DEFAULT_BUFFERED_ENTRIES = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(TimeWindowPager.class);

    private final Iterator<TimeWindow> pending;
    private final WindowFetcher<T> fetcher;
    private final int parallelism;
    /** One window at a time on the caller's thread: parallelism 1, or a single window (nothing to overlap). */
    private final boolean sequential;
    private final int bufferedEntries;
    private final FetchExecutor executor;
    // concurrent: close() may run on another thread while the reader is in nextPage()
    private final Deque<InFlight<T>> inFlight = new ConcurrentLinkedDeque<>();
    private InFlight<T> delivering;

    private TimeWindowPager(Builder<T> b) {
        this.pending = List.copyOf(b.windows).iterator();
        this.fetcher = b.fetcher;
        this.parallelism = b.parallelism;
        this.sequential = b.parallelism == 1 || b.windows.size() < 2;
        this.bufferedEntries = b.bufferedEntries;
        this.executor = new FetchExecutor("audit-sdk-window", b.parallelism, b.executor);
    }

    /**
     * @param windows the windows to read, ascending and not overlapping (e.g. {@link TimeWindow#utcDays})
     * @param fetcher the vendor's window function
     * @param <T> the entry type
     * @return a builder
     * @throws IllegalArgumentException if the windows are out of order or overlap
     */
    public static <T> Builder<T> builder(List<TimeWindow> windows, WindowFetcher<T> fetcher) {
        return new Builder<>(windows, fetcher);
    }

    @Override
    protected Iterator<? extends T> nextPage() {
        if (sequential) {
            if (!pending.hasNext()) {
                return null;
            }
            TimeWindow window = pending.next();
            LOG.debug("fetching window {}", window);
            return Objects.requireNonNull(fetcher.fetch(window), "window fetcher returned null");
        }
        if (delivering != null) {
            // the window before is fully delivered: its slot is free
            inFlight.remove(delivering);
            delivering = null;
        }
        while (inFlight.size() < parallelism && pending.hasNext() && !isClosed()) {
            TimeWindow window = pending.next();
            WindowBuffer<T> buffer = new WindowBuffer<>(window, bufferedEntries);
            inFlight.addLast(new InFlight<>(buffer, executor.get().submit(() -> stream(window, buffer))));
        }
        InFlight<T> head = inFlight.peekFirst();
        if (head == null) {
            executor.finish();
            return null;
        }
        delivering = head;
        return head.buffer.entries();
    }

    /** The task of one window read ahead: streams its entries into its buffer. */
    private void stream(TimeWindow window, WindowBuffer<T> buffer) {
        LOG.debug("fetching window {}", window);
        int count = 0;
        try (CloseableIterator<T> entries = Objects.requireNonNull(fetcher.fetch(window), "window fetcher returned null")) {
            while (entries.hasNext()) {
                buffer.put(entries.next());
                count++;
            }
            LOG.debug("window {}: {} entries", window, count);
            buffer.finish();
        } catch (InterruptedException e) {
            // closed while waiting for the reader: nobody reads this window any more
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            buffer.fail(e);
        }
    }

    @Override
    protected void onPagerClose() {
        for (InFlight<T> f : inFlight) {
            f.future.cancel(true);
            // a reader waiting in another thread must not wait for a window nobody reads any more
            f.buffer.fail(new AuditSdkException("the pager was closed while window " + f.buffer.window() + " was read"));
        }
        inFlight.clear();
        executor.shutdownNow();
    }

    private static final class InFlight<T> {
        final WindowBuffer<T> buffer;
        final Future<?> future;

        InFlight(WindowBuffer<T> buffer, Future<?> future) {
            this.buffer = buffer;
            this.future = future;
        }
    }

    /**
     * Configures a {@link TimeWindowPager}.
     *
     * @param <T> the entry type
     */
    public static final class Builder<T> {
        private final List<TimeWindow> windows;
        private final WindowFetcher<T> fetcher;
        private int parallelism = 1;
        private int bufferedEntries = DEFAULT_BUFFERED_ENTRIES;
        private ExecutorService executor;

        private Builder(List<TimeWindow> windows, WindowFetcher<T> fetcher) {
            this.windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            for (int i = 1; i < this.windows.size(); i++) {
                if (this.windows.get(i).start().isBefore(this.windows.get(i - 1).end())) {
                    throw new IllegalArgumentException("windows must be ascending and must not overlap: "
                            + this.windows.get(i - 1) + " then " + this.windows.get(i));
                }
            }
        }

        /**
         * @param parallelism the most windows read at once (and not yet delivered); 1 (the default)
         *     streams each window on the caller's thread
         * @return this builder
         */
        public Builder<T> parallelism(int parallelism) {
            if (parallelism <= 0) {
                throw new IllegalArgumentException("parallelism must be positive, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * @param bufferedEntries the most entries of one window read ahead that are held in memory
         *     undelivered; its task waits (leaving the rest in the response stream) while that many
         *     are; default {@value TimeWindowPager#DEFAULT_BUFFERED_ENTRIES}
         * @return this builder
         */
        public Builder<T> bufferedEntries(int bufferedEntries) {
            if (bufferedEntries <= 0) {
                throw new IllegalArgumentException("bufferedEntries must be positive, was " + bufferedEntries);
            }
            this.bufferedEntries = bufferedEntries;
            return this;
        }

        /**
         * @param executor a caller-owned executor for parallel fetches (never shut down by the pager);
         *     without one the pager creates its own when it first needs it and shuts it down on close
         * @return this builder
         */
        public Builder<T> executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** @return the pager; nothing is fetched and no thread is started yet */
        public TimeWindowPager<T> build() {
            return new TimeWindowPager<>(this);
        }
    }
}
