package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;

/** Test entries that fail with "injected failure" when the entry at a given position is asked for. */
final class FailingEntries {
    private FailingEntries() {
    }

    /**
     * @param entries the entries
     * @param failAt the 0-based position whose read throws; negative for never
     * @return the entries, failing there
     */
    static CloseableIterator<TestEntry> of(CloseableIterator<TestEntry> entries, int failAt) {
        if (failAt < 0) {
            return entries;
        }
        return new AbstractCloseableIterator<>() {
            private int read;

            @Override
            protected TestEntry computeNext() {
                if (read++ == failAt) {
                    throw new IllegalStateException("injected failure");
                }
                return entries.hasNext() ? entries.next() : endOfData();
            }

            @Override
            protected void onClose() {
                entries.close();
            }
        };
    }
}
