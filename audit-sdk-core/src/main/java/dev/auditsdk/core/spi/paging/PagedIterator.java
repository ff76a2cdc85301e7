package dev.auditsdk.core.spi.paging;

import java.util.Iterator;
import dev.auditsdk.core.spi.util.Closeables;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;

/**
 * Flattens pages into entries, holding one page at a time: the next page is fetched only
 * when the current one is used up (the AWS SDK v2 "paginated items iterator" shape).
 */
abstract class PagedIterator<T> extends AbstractCloseableIterator<T> {
    private Iterator<? extends T> page;

    /**
     * @return the next page's entries, or null when there are no more pages
     */
    protected abstract Iterator<? extends T> nextPage();

    /** Releases what the pager itself owns (an executor, a pending job); pages are closed here already. */
    protected void onPagerClose() {
    }

    @Override
    protected final T computeNext() {
        while (page == null || !page.hasNext()) {
            if (isClosed()) {
                // closed from another thread while reading: fetch nothing more
                return endOfData();
            }
            releasePage();
            page = nextPage();
            if (page == null) {
                return endOfData();
            }
        }
        return page.next();
    }

    @Override
    protected final void onClose() {
        try {
            releasePage();
        } finally {
            onPagerClose();
        }
    }

    private void releasePage() {
        Iterator<? extends T> done = page;
        page = null;
        if (done instanceof AutoCloseable) {
            Closeables.closeUnchecked((AutoCloseable) done);
        }
    }
}
