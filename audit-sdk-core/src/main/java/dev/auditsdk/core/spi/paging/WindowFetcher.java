package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.spi.util.CloseableIterator;

/**
 * A vendor's time-window function: reads every entry of one window (Lifecycle: the UTC days
 * it covers; Informatica security log: one {@code entryTime} range, splitting it further itself
 * when the vendor caps the rows per answer). Stateless; may be called from several threads at
 * once when a {@link TimeWindowPager} fetches windows in parallel.
 *
 * @param <T> the entry type
 */
@FunctionalInterface
public interface WindowFetcher<T> {

    /**
     * @param window the window to read
     * @return its entries in ascending time, typically a streaming reader over the response body;
     *     closed by the pager
     */
    CloseableIterator<T> fetch(TimeWindow window);
}
