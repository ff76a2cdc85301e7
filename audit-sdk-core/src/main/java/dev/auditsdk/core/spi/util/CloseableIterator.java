package dev.auditsdk.core.spi.util;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An {@link Iterator} over something that must be released: an HTTP body, a parser, an
 * executor. {@link #close()} is idempotent and never throws a checked exception. Pagers,
 * the JSON/CSV readers and vendor page functions all speak this type, so whatever is open
 * is closed by whoever stops reading.
 *
 * <p>Not thread-safe, except that {@code close()} may be called from another thread to stop a
 * read in progress.
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    /** Releases what this iterator holds. Idempotent. */
    @Override
    void close();

    /**
     * Maps each element. Closing the result closes this iterator.
     *
     * @param mapper the function applied to each element as it is read
     * @param <R> the mapped type
     * @return a lazy view of this iterator
     */
    default <R> CloseableIterator<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        CloseableIterator<T> source = this;
        return new CloseableIterator<R>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public R next() {
                return mapper.apply(source.next());
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /**
     * Keeps the elements that match, e.g. the entries of a query answer that fall inside the
     * window it was asked for. Closing the result closes this iterator.
     *
     * @param keep true for the elements to keep
     * @return a lazy view of this iterator
     */
    default CloseableIterator<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        CloseableIterator<T> source = this;
        return new AbstractCloseableIterator<T>() {
            @Override
            protected T computeNext() {
                while (source.hasNext()) {
                    T item = source.next();
                    if (keep.test(item)) {
                        return item;
                    }
                }
                return endOfData();
            }

            @Override
            protected void onClose() {
                source.close();
            }
        };
    }

    /**
     * Adapts a plain iterator; if it is also {@link AutoCloseable}, closing the adapter closes it.
     *
     * @param iterator the iterator
     * @param <T> the element type
     * @return the adapter (the same object when it already is a {@code CloseableIterator})
     */
    @SuppressWarnings("unchecked")
    static <T> CloseableIterator<T> of(Iterator<? extends T> iterator) {
        Objects.requireNonNull(iterator, "iterator");
        if (iterator instanceof CloseableIterator) {
            return (CloseableIterator<T>) iterator;
        }
        return new CloseableIterator<T>() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                return !closed && iterator.hasNext();
            }

            @Override
            public T next() {
                if (closed) {
                    throw new NoSuchElementException("iterator is closed");
                }
                return iterator.next();
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                if (iterator instanceof AutoCloseable) {
                    Closeables.closeUnchecked((AutoCloseable) iterator);
                }
            }
        };
    }

    /**
     * Iterates a collection already in memory (a parsed page).
     *
     * @param items the elements
     * @param <T> the element type
     * @return an iterator whose {@code close()} does nothing but stop it
     */
    static <T> CloseableIterator<T> of(Iterable<? extends T> items) {
        return of(Objects.requireNonNull(items, "items").iterator());
    }

    /**
     * @param <T> the element type
     * @return an iterator with no elements
     */
    static <T> CloseableIterator<T> empty() {
        return of(java.util.Collections.<T>emptyIterator());
    }

    /**
     * Defers opening until the first {@code hasNext()} or {@code next()}: nothing is requested
     * when the iterator is created, and nothing at all if it is closed unread.
     *
     * @param opener opens the underlying iterator (e.g. sends a request and parses its body)
     * @param <T> the element type
     * @return the lazy iterator
     */
    static <T> CloseableIterator<T> lazily(Supplier<? extends CloseableIterator<? extends T>> opener) {
        return new LazyIterator<>(opener);
    }
}
