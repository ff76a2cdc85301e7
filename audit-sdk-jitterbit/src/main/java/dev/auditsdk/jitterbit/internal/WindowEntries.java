package dev.auditsdk.jitterbit.internal;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.paging.AbstractCloseableIterator;
import dev.auditsdk.core.paging.CloseableIterator;
import dev.auditsdk.core.paging.TimeWindow;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One window's entries, cut to the window: an export is requested at whole seconds (and a
 * locked request one second longer), so its file may hold entries just outside
 * {@code [start, end)}; they belong to the neighbouring window and are dropped here.
 *
 * <p>Also checks the file is oldest first, as requested with {@code ascendSort=true}: an
 * entry more than {@code tolerance} older than one before it would slip under the checkpoint,
 * so it fails the read instead of being lost.
 */
public final class WindowEntries extends AbstractCloseableIterator<JitterbitApiLogEntry> {
    private final CloseableIterator<? extends JitterbitApiLogEntry> source;
    private final TimeWindow window;
    private final Duration tolerance;
    private Instant newest;
    private long read;

    /**
     * @param source the export's entries
     * @param window the window they are for
     * @param tolerance how far out of order entries may be (the delivery tracker's lateness)
     */
    public WindowEntries(CloseableIterator<? extends JitterbitApiLogEntry> source, TimeWindow window, Duration tolerance) {
        this.source = Objects.requireNonNull(source, "source");
        this.window = Objects.requireNonNull(window, "window");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    protected JitterbitApiLogEntry computeNext() {
        while (source.hasNext()) {
            JitterbitApiLogEntry e = source.next();
            read++;
            Instant t = e.time();
            if (newest != null && t.plus(tolerance).isBefore(newest)) {
                throw new AuditDataException("jitterbit: the log file of window " + window + " is not oldest first: entry "
                        + read + " (" + e.requestId() + " at " + t + ") comes after one at " + newest
                        + "; refusing to go on, as older entries would be skipped", read, -1, null);
            }
            if (newest == null || t.isAfter(newest)) {
                newest = t;
            }
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
