package dev.auditsdk.core.paging;

import dev.auditsdk.core.error.AuditSdkException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries of a sequence of time windows (Lifecycle days, Informatica security-log ranges),
 * fetched lazily and delivered strictly in window order.
 *
 * <p>With {@code parallelism(1)} (the default) each window is fetched on the caller's thread
 * when the previous one is used up, and its entries are streamed straight from the vendor
 * function's iterator. With {@code parallelism(n)}, up to {@code n} windows are read at once on
 * an executor, each one drained into memory by its task; delivery still follows window order,
 * and a new window is started only when one has been fully delivered, so at most {@code n}
 * windows are fetched or fetching but not yet delivered. That bound is the prefetch: memory
 * is at most {@code n} windows' entries.
 *
 * <p>A failure in a window is thrown when delivery reaches that window (entries of earlier
 * windows are all delivered first). {@link #close()} cancels the windows still in flight and
 * shuts down the executor if the pager created it; an executor passed to
 * {@link Builder#executor(ExecutorService)} is the caller's and is left running.
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
    private static final Logger LOG = LoggerFactory.getLogger(TimeWindowPager.class);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final Iterator<TimeWindow> pending;
    private final WindowFetcher<T> fetcher;
    private final int parallelism;
    private final ExecutorService givenExecutor;
    private ExecutorService ownedExecutor;
    // concurrent: close() may run on another thread while the reader is in nextPage()
    private final Deque<InFlight<T>> inFlight = new ConcurrentLinkedDeque<>();

    private TimeWindowPager(Builder<T> b) {
        this.pending = List.copyOf(b.windows).iterator();
        this.fetcher = b.fetcher;
        this.parallelism = b.parallelism;
        this.givenExecutor = b.executor;
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
        if (parallelism == 1) {
            if (!pending.hasNext()) {
                return null;
            }
            TimeWindow window = pending.next();
            LOG.debug("fetching window {}", window);
            return Objects.requireNonNull(fetcher.fetch(window), "window fetcher returned null");
        }
        while (inFlight.size() < parallelism && pending.hasNext() && !isClosed()) {
            TimeWindow window = pending.next();
            inFlight.addLast(new InFlight<>(window, executor().submit(() -> drain(window))));
        }
        InFlight<T> head = inFlight.pollFirst();
        if (head == null) {
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
            }
            return null;
        }
        return await(head).iterator();
    }

    private List<T> drain(TimeWindow window) {
        LOG.debug("fetching window {}", window);
        try (CloseableIterator<T> entries = Objects.requireNonNull(fetcher.fetch(window), "window fetcher returned null")) {
            List<T> items = new ArrayList<>();
            while (entries.hasNext()) {
                items.add(entries.next());
            }
            LOG.debug("window {}: {} entries", window, items.size());
            return items;
        }
    }

    private List<T> await(InFlight<T> head) {
        try {
            return head.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            head.future.cancel(true);
            throw new AuditSdkException("interrupted while waiting for window " + head.window, e);
        } catch (CancellationException e) {
            throw new AuditSdkException("window " + head.window + " was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AuditSdkException("reading window " + head.window + " failed", cause);
        }
    }

    private ExecutorService executor() {
        if (givenExecutor != null) {
            return givenExecutor;
        }
        if (ownedExecutor == null) {
            // idle threads time out, so an iterator that is abandoned unclosed does not pin threads
            ThreadPoolExecutor pool = new ThreadPoolExecutor(parallelism, parallelism, 10, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemonThreads());
            pool.allowCoreThreadTimeOut(true);
            ownedExecutor = pool;
        }
        return ownedExecutor;
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "audit-sdk-window-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    protected void onPagerClose() {
        for (InFlight<T> f : inFlight) {
            f.future.cancel(true);
        }
        inFlight.clear();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private static final class InFlight<T> {
        final TimeWindow window;
        final Future<List<T>> future;

        InFlight(TimeWindow window, Future<List<T>> future) {
            this.window = window;
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
         * @param parallelism the most windows read at once (and held undelivered); 1 (the default)
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
