package dev.auditsdk.core.spi.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.EntryOrder;

/**
 * The entries of a newest-first source: the {@linkplain DeliveryTracker#windows() windows} its
 * tracker lists, read one after the other, each by an iterator the source opens for it (newest
 * entry first). When one window's entries are used up the tracker is told
 * ({@link DeliveryTracker#windowRead()}) before the next window is opened; the stream the
 * entries feed reports the end of the last one as {@link DeliveryTracker#rangeComplete()}.
 *
 * <p>Each window's iterator is opened lazily, when the previous one is used up, and closed then.
 *
 * @param <E> the entry type
 */
public final class NewestFirstWindows<E> extends AbstractCloseableIterator<E> {
    private final DeliveryTracker tracker;
    private final Function<TimeWindow, ? extends CloseableIterator<? extends E>> reader;
    private final List<TimeWindow> windows;
    private int index = -1;
    private CloseableIterator<? extends E> current;

    private NewestFirstWindows(DeliveryTracker tracker, Function<TimeWindow, ? extends CloseableIterator<? extends E>> reader) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.reader = Objects.requireNonNull(reader, "reader");
        if (tracker.order() != EntryOrder.NEWEST_FIRST) {
            throw new IllegalArgumentException("NewestFirstWindows needs a NEWEST_FIRST tracker, got " + tracker.order());
        }
        this.windows = tracker.windows();
    }

    /**
     * @param tracker the newest-first tracker of the stream these entries feed
     * @param reader opens the entries of one window, newest first; called once per window, lazily
     * @param <E> the entry type
     * @return the entries of every window, in the tracker's order
     */
    public static <E> NewestFirstWindows<E> of(DeliveryTracker tracker,
            Function<TimeWindow, ? extends CloseableIterator<? extends E>> reader) {
        return new NewestFirstWindows<>(tracker, reader);
    }

    @Override
    protected E computeNext() {
        while (true) {
            if (current != null && current.hasNext()) {
                return current.next();
            }
            if (current != null) {
                current.close();
                current = null;
                if (index + 1 < windows.size()) {
                    tracker.windowRead();
                }
            }
            if (index + 1 >= windows.size()) {
                return endOfData();
            }
            index++;
            current = Objects.requireNonNull(reader.apply(windows.get(index)), "reader returned null");
        }
    }

    @Override
    protected void onClose() {
        if (current != null) {
            current.close();
        }
    }
}
