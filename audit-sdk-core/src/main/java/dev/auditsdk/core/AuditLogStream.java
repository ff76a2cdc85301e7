package dev.auditsdk.core;

import java.util.stream.Stream;

/**
 * A lazy, single-use, closeable sequence of entries. Entries are fetched as they are
 * iterated; at most one page (plus a bounded prefetch) is held at a time.
 *
 * <p>{@link #checkpoint()} is the position after the last entry handed out so far: store it
 * after processing, and pass it to the query builder's {@code resumeFrom(checkpoint)} to
 * continue later without losing or repeating an entry.
 *
 * @param <E> the entry type
 */
public interface AuditLogStream<E> extends Iterable<E>, AutoCloseable {

    /**
     * @return a sequential {@link Stream} over the remaining entries; closing it closes this stream
     */
    Stream<E> stream();

    /**
     * @return the position after the last entry handed out so far (the query's own resume
     *     point, or its start, before the first entry)
     */
    Checkpoint checkpoint();

    /** Stops reading and releases the connection. Idempotent. */
    @Override
    void close();
}
