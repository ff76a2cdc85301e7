package dev.auditsdk.core.spi.paging;

import java.util.List;

/**
 * A vendor's offset page function (UiPath {@code skip}/{@code top}, Informatica
 * {@code batchId}/{@code batchSize}): stateless, one request per call.
 *
 * @param <T> the entry type
 */
@FunctionalInterface
public interface OffsetPageFetcher<T> {

    /**
     * Fetches the entries at positions {@code [offset, offset + size)} of the log as it is now.
     * A batch API maps this as {@code batchId = offset / size}: with
     * {@link OffsetPager.Builder#overlap(int) overlap 0} the pager only asks for multiples of {@code size}.
     *
     * @param offset the position of the first entry, 0 being the vendor's first entry
     * @param size how many entries to return at most
     * @return the entries, in the vendor's order; fewer than {@code size} only at the end of the log
     */
    List<T> fetch(long offset, int size);

    /**
     * The name of the request parameter that carries the offset, in the vendor's words, for
     * error messages (e.g. when the server seems to ignore it).
     *
     * @return the parameter's name; default {@code "offset"}
     */
    default String offsetParameter() {
        return "offset";
    }
}
