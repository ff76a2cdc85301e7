package dev.auditsdk.core.spi.paging;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of a continuation-token API: its entries and the token for the next page, if any.
 * A missing or empty token means this is the last page.
 *
 * @param <T> the entry type
 */
@Value.Immutable
public abstract class Page<T> {

    /** @return the page's entries, in the vendor's order */
    public abstract List<T> items();

    /** @return the token that fetches the next page; empty on the last page */
    public abstract Optional<String> nextToken();

    /** @return true when there is no next page */
    public final boolean isLast() {
        return nextToken().isEmpty();
    }

    /**
     * @param items the page's entries
     * @param nextToken the token of the next page; null or empty when this is the last page
     * @param <T> the entry type
     * @return the page
     */
    public static <T> Page<T> of(List<? extends T> items, String nextToken) {
        return ImmutablePage.<T>builder()
                .addAllItems(items)
                .nextToken(nextToken == null || nextToken.isEmpty() ? Optional.empty() : Optional.of(nextToken))
                .build();
    }

    /**
     * @param items the entries of the last page
     * @param <T> the entry type
     * @return a page without a next token
     */
    public static <T> Page<T> last(List<? extends T> items) {
        return of(items, null);
    }

    @Override
    public String toString() {
        // tokens may be long and opaque; they do not belong in logs
        return "Page{items=" + items().size() + ", last=" + isLast() + "}";
    }
}
