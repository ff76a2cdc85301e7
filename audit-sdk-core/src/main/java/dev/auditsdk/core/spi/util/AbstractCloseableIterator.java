package dev.auditsdk.core.spi.util;

import java.util.NoSuchElementException;

/**
 * Base for lazy, closeable iterators: subclasses implement {@link #computeNext()}, which
 * returns the next element or {@link #endOfData()}. Nothing is computed before the first
 * {@code hasNext()} or {@code next()}.
 *
 * <p>After {@code computeNext()} throws, the iterator is failed: later calls throw
 * {@link IllegalStateException} instead of carrying on past the gap. After {@link #close()},
 * {@code hasNext()} returns {@code false}.
 *
 * @param <T> the element type
 */
public abstract class AbstractCloseableIterator<T> implements CloseableIterator<T> {
    private enum State { NOT_READY, READY, DONE, FAILED }

    private State state = State.NOT_READY;
    private T next;
    private volatile boolean closed;

    /** For subclasses. */
    protected AbstractCloseableIterator() {
    }

    /**
     * Computes the next element.
     *
     * @return the next element, or the value of {@link #endOfData()} when there is none
     */
    protected abstract T computeNext();

    /**
     * Marks the end of the data; call as {@code return endOfData();} from {@link #computeNext()}.
     *
     * @return null, for the convenience of the caller
     */
    protected final T endOfData() {
        state = State.DONE;
        return null;
    }

    /** Releases what the subclass holds; called once, by the first {@link #close()}. */
    protected void onClose() {
    }

    /** @return whether {@link #close()} was called */
    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final boolean hasNext() {
        if (closed) {
            return false;
        }
        // identity tests, not an enum switch (its ordinal lookup table), on this per-element path
        State current = state;
        if (current == State.READY) {
            return true;
        }
        if (current == State.DONE) {
            return false;
        }
        if (current == State.FAILED) {
            throw new IllegalStateException("this iterator failed earlier; it cannot continue past the failure");
        }
        state = State.FAILED;
        T computed = computeNext();
        if (state == State.DONE) {
            return false;
        }
        if (computed == null) {
            throw new NullPointerException("computeNext() returned null without endOfData()");
        }
        next = computed;
        state = State.READY;
        return true;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        state = State.NOT_READY;
        return result;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        onClose();
    }
}
