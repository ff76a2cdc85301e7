package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.CloseableIterator;

/**
 * The {@link AuditLogStream} every vendor source returns: a lazy entry iterator (a pager or a
 * reader) filtered through a {@link DeliveryTracker}, cut at the query's limit.
 *
 * <ul>
 * <li>Single use: {@link #iterator()} (and {@link #stream()}, which uses it) may be called once;
 *     a second call throws {@link IllegalStateException}.</li>
 * <li>An entry counts as delivered when {@code next()} returns it: {@link #checkpoint()} then
 *     covers it, and not before (an entry looked at by {@code hasNext()} is not yet delivered).</li>
 * <li>When the entries are used up (not cut by the limit, not closed), the tracker is told the
 *     range is complete; the underlying iterator is released as soon as reading ends.</li>
 * <li>{@link #close()} is idempotent, closes the underlying iterator (the open HTTP body, a
 *     pager's executor), and makes a running iteration end; closing the {@link #stream()} closes it.</li>
 * <li>A failure while reading is reported to the tracker ({@link DeliveryTracker#readFailed}),
 *     whose {@link dev.auditsdk.core.AuditLogListener} counts it, before it reaches the reader.</li>
 * </ul>
 *
 * @param <E> the vendor's entry type
 */
public final class PagedAuditLogStream<E extends AuditLogEntry> implements AuditLogStream<E> {
    private static final Logger LOG = LoggerFactory.getLogger(PagedAuditLogStream.class);

    private final DeliveryTracker tracker;
    private final CloseableIterator<? extends E> entries;
    private final long limit;
    private boolean iterated;
    private volatile boolean closed;

    private PagedAuditLogStream(DeliveryTracker tracker, CloseableIterator<? extends E> entries) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.limit = tracker.query().limit().orElse(Long.MAX_VALUE);
    }

    /**
     * A stream over entries delivered in ascending time ({@link DeliveryTracker#forQuery}).
     *
     * @param query the query being served
     * @param entries the lazy entries, e.g. a pager
     * @param <E> the entry type
     * @return the stream; nothing is read yet
     */
    public static <E extends AuditLogEntry> PagedAuditLogStream<E> of(AuditLogQuery query,
            CloseableIterator<? extends E> entries) {
        return new PagedAuditLogStream<>(DeliveryTracker.forQuery(query), entries);
    }

    /**
     * A stream with a configured tracker (newest-first order, a lateness window).
     *
     * @param tracker the tracker, built for the query being served
     * @param entries the lazy entries, e.g. a pager
     * @param <E> the entry type
     * @return the stream; nothing is read yet
     */
    public static <E extends AuditLogEntry> PagedAuditLogStream<E> of(DeliveryTracker tracker,
            CloseableIterator<? extends E> entries) {
        return new PagedAuditLogStream<>(tracker, entries);
    }

    /**
     * @return the entries; callable once
     * @throws IllegalStateException if called before, or after {@link #close()}
     */
    @Override
    public synchronized Iterator<E> iterator() {
        if (closed) {
            throw new IllegalStateException("this audit log stream is closed");
        }
        if (iterated) {
            throw new IllegalStateException("an audit log stream can be iterated only once; fetch again to re-read");
        }
        iterated = true;
        return new Delivering();
    }

    /**
     * @return a sequential stream of the entries; closing it closes this audit log stream
     * @throws IllegalStateException if the entries were already iterated, or after {@link #close()}
     */
    @Override
    public Stream<E> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    @Override
    public Checkpoint checkpoint() {
        return tracker.checkpoint();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        entries.close();
    }

    private final class Delivering implements Iterator<E> {
        private E pending;
        private boolean finished;
        private long handedOut;
        private long skipped;

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            if (finished || closed) {
                return false;
            }
            if (handedOut >= limit) {
                finish("limit of " + limit + " reached", false);
                return false;
            }
            try {
                while (entries.hasNext()) {
                    E entry = Objects.requireNonNull(entries.next(), "entry source returned null");
                    if (tracker.isNew(Objects.requireNonNull(entry.timestamp(), "entry timestamp"),
                            Objects.requireNonNull(entry.id(), "entry id"))) {
                        pending = entry;
                        return true;
                    }
                    skipped++;
                }
            } catch (RuntimeException e) {
                if (!closed) { // a read cut short by close() is the reader's choice, not a failure
                    tracker.readFailed(e);
                }
                throw e;
            }
            finish("entries used up", !closed);
            return false;
        }

        @Override
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            E entry = pending;
            pending = null;
            tracker.markDelivered(entry.timestamp(), entry.id());
            handedOut++;
            return entry;
        }

        private void finish(String why, boolean rangeComplete) {
            finished = true;
            if (rangeComplete) {
                tracker.rangeComplete();
            }
            LOG.debug("stream finished ({}): {} delivered, {} skipped", why, handedOut, skipped);
            entries.close();
        }
    }
}
