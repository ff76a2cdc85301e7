package dev.auditsdk.jitterbit;

import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * One window's entries, cut to the window: an export is requested at whole seconds (and a
 * locked request one second longer), so its file may hold entries just outside
 * {@code [start, end)}; they belong to the neighbouring window and are dropped here.
 * Whether the file is oldest first, as requested with {@code ascendSort=true}, is the delivery
 * tracker's to judge (an entry further back than the source's lateness goes to its late-entry
 * policy, never skipped in silence).
 */
final class WindowEntries extends AbstractCloseableIterator<JitterbitApiLogEntry> {
    private final CloseableIterator<? extends JitterbitApiLogEntry> source;
    private final TimeWindow window;

    /**
     * @param source the export's entries
     * @param window the window they are for
     */
    WindowEntries(CloseableIterator<? extends JitterbitApiLogEntry> source, TimeWindow window) {
        this.source = Objects.requireNonNull(source, "source");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    protected JitterbitApiLogEntry computeNext() {
        while (source.hasNext()) {
            JitterbitApiLogEntry e = source.next();
            Instant t = e.time();
            if (!t.isBefore(window.start()) && t.isBefore(window.end())) {
                return e;
            }
        }
        return endOfData();
    }

    @Override
    protected void onClose() {
        source.close();
    }
}
