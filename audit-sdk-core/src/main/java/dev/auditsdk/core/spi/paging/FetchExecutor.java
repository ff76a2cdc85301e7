package dev.auditsdk.core.spi.paging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a pager reads ahead on: the caller's, or one the pager creates on first use
 * (daemon threads that time out when idle, so an iterator abandoned unclosed pins no thread)
 * and shuts down when it is done or closed. One per pager instance; not thread-safe.
 */
final class FetchExecutor {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final String threadPrefix;
    private final int threads;
    private final ExecutorService given;
    private ExecutorService owned;

    /**
     * @param threadPrefix names the threads, e.g. {@code audit-sdk-window}
     * @param threads the pool size of an owned executor
     * @param given a caller-owned executor, or null to create one when needed
     */
    FetchExecutor(String threadPrefix, int threads, ExecutorService given) {
        this.threadPrefix = threadPrefix;
        this.threads = threads;
        this.given = given;
    }

    /** @return the executor, created on first call unless the caller gave one */
    ExecutorService get() {
        if (given != null) {
            return given;
        }
        if (owned == null) {
            int pool = POOL_NUMBER.incrementAndGet();
            AtomicInteger thread = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, threadPrefix + "-" + pool + "-" + thread.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            owned = executor;
        }
        return owned;
    }

    /** Lets an owned executor finish its tasks and end; a caller's executor is left alone. */
    void finish() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    /** Interrupts the tasks of an owned executor and ends it; a caller's executor is left alone. */
    void shutdownNow() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
