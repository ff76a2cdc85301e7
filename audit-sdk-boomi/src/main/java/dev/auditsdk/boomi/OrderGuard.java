package dev.auditsdk.boomi;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.paging.CloseableIterator;
import dev.auditsdk.core.paging.EntryOrder;
import java.time.Instant;

/**
 * Fails loudly when entries stop arriving in the date order the delivery tracker relies on.
 * Exactly-once resumption in {@link EntryOrder#OLDEST_FIRST} mode skips what is older than the
 * newest delivered entry; Boomi does not document its order, so if it ever differed, entries
 * would be skipped in silence. This turns that into an error instead.
 *
 * @param <E> the entry type
 */
final class OrderGuard<E extends AuditLogEntry> implements CloseableIterator<E> {
    private final CloseableIterator<? extends E> source;
    private final EntryOrder order;
    private final String what;
    private Instant previous;
    private String previousId;

    private OrderGuard(CloseableIterator<? extends E> source, EntryOrder order, String what) {
        this.source = source;
        this.order = order;
        this.what = what;
    }

    /**
     * @param source the entries
     * @param order the order they must come in; {@link EntryOrder#UNORDERED} checks nothing
     * @param what the API, for messages
     * @param <E> the entry type
     * @return the guarded entries
     */
    static <E extends AuditLogEntry> CloseableIterator<E> of(CloseableIterator<? extends E> source, EntryOrder order,
            String what) {
        if (order == EntryOrder.UNORDERED) {
            return CloseableIterator.of(source);
        }
        return new OrderGuard<>(source, order, what);
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public E next() {
        E e = source.next();
        Instant t = e.timestamp();
        if (previous != null && (order == EntryOrder.OLDEST_FIRST ? t.isBefore(previous) : t.isAfter(previous))) {
            throw new AuditDataException("boomi: " + what + " returned entry " + e.id() + " dated " + t
                    + " after entry " + previousId + " dated " + previous + ", out of the "
                    + (order == EntryOrder.OLDEST_FIRST ? "ascending" : "descending") + " date order the SDK relies on"
                    + " to deliver every entry exactly once; it stops instead of skipping entries"
                    + " (resultOrder(EntryOrder.UNORDERED) reads in any order)");
        }
        previous = t;
        previousId = e.id();
        return e;
    }

    @Override
    public void close() {
        source.close();
    }
}
