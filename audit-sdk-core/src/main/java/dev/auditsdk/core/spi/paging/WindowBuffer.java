package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditSdkException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The hand-over of one window read ahead by a {@link TimeWindowPager}: its reading task
 * {@linkplain #put puts} entries as they stream in and waits while {@code capacity} of them
 * are undelivered; the reader takes them in order through {@link #entries()}. So a window
 * read ahead holds at most {@code capacity} entries in memory, however long it is; the rest
 * waits in the response stream until the reader gets there.
 *
 * @param <T> the entry type
 */
final class WindowBuffer<T> {
    private final TimeWindow window;
    private final int capacity;
    private final Deque<T> items = new ArrayDeque<>();
    private boolean finished;
    private Throwable failure;

    WindowBuffer(TimeWindow window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    /**
     * Adds the window's next entry, waiting while the buffer is full.
     *
     * @param item the entry
     * @throws InterruptedException when the pager is closed while waiting
     */
    synchronized void put(T item) throws InterruptedException {
        while (items.size() >= capacity) {
            wait();
        }
        items.addLast(item);
        notifyAll();
    }

    /** Marks the window as read to its end. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /**
     * Marks the window as failed: the reader gets the failure after the entries before it.
     *
     * @param e what went wrong
     */
    synchronized void fail(Throwable e) {
        failure = e;
        notifyAll();
    }

    /** @return the window this buffer holds entries of */
    TimeWindow window() {
        return window;
    }

    /** @return the entries as they arrive; {@code hasNext} waits for the next one or the end */
    Iterator<T> entries() {
        return new Iterator<T>() {
            @Override
            public boolean hasNext() {
                return awaitNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (WindowBuffer.this) {
                    T item = items.pollFirst();
                    WindowBuffer.this.notifyAll();
                    return item;
                }
            }
        };
    }

    private synchronized boolean awaitNext() {
        while (items.isEmpty() && !finished && failure == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditSdkException("interrupted while waiting for window " + window, e);
            }
        }
        if (!items.isEmpty()) {
            return true;
        }
        if (failure != null) {
            throw rethrowable(failure);
        }
        return false;
    }

    private RuntimeException rethrowable(Throwable e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return new AuditSdkException("reading window " + window + " failed", e);
    }
}
