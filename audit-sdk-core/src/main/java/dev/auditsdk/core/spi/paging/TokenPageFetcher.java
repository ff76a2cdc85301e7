package dev.auditsdk.core.spi.paging;

import java.util.Optional;

/**
 * A vendor's continuation-token page function: stateless, one request per call.
 *
 * @param <T> the entry type
 */
@FunctionalInterface
public interface TokenPageFetcher<T> {

    /**
     * Fetches one page.
     *
     * @param token empty for the first page, otherwise the {@link Page#nextToken()} of the previous page
     * @return the page; {@link Page#last(java.util.List)} when no more follow
     */
    Page<T> nextPage(Optional<String> token);
}
