package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.CloseableIterator;

/**
 * Entries of a continuation-token API (Boomi {@code queryToken}, UiPath unified cursors),
 * fetched lazily one page at a time.
 *
 * <p>Nothing is requested before the first {@code hasNext()}/{@code next()}; the next page is
 * requested only when the current one is used up. Three guards stop a misbehaving server instead
 * of looping forever: a token that was already used (among the last {@value #REMEMBERED_TOKENS})
 * raises {@link AuditDataException} "continuation token repeated"; more than
 * {@link Builder#maxPagesWithoutProgress(int) maxPagesWithoutProgress} pages in a row (default
 * {@value #DEFAULT_MAX_PAGES_WITHOUT_PROGRESS}) that bring no new entry (empty pages with a
 * token, or the same page again under a fresh token) raise {@link AuditDataException} naming that
 * limit; and more than {@link Builder#maxPages(int) maxPages} pages raise {@link AuditSdkException}.
 * None ends the iteration silently.
 *
 * <pre>{@code
 * CloseableIterator<JsonNode> entries = TokenPager.builder(token -> token.isEmpty()
 *         ? api.query(filter) : api.queryMore(token.get())).build();
 * }</pre>
 *
 * @param <T> the entry type
 */
public final class TokenPager<T> extends PagedIterator<T> {
    /** How many recent tokens are remembered to detect a repeat (bounded, so memory stays flat). */
    public static final int REMEMBERED_TOKENS = 1024;
    /** Default for {@link Builder#maxPages(int)}. */
    public static final int DEFAULT_MAX_PAGES = 100_000;
    /** Default for {@link Builder#maxPagesWithoutProgress(int)}. */
    public static final int DEFAULT_MAX_PAGES_WITHOUT_PROGRESS = ProgressGuard.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS;
    private static final Logger LOG = LoggerFactory.getLogger(TokenPager.class);

    private final TokenPageFetcher<T> fetcher;
    private final int maxPages;
    private final Function<? super T, ?> identity;
    private final ProgressGuard progress;
    private final LinkedHashSet<String> usedTokens = new LinkedHashSet<>();
    private Optional<String> nextToken;
    private Optional<String> currentToken = Optional.empty();
    private boolean last;
    private int pages;
    private int previousPageSize;
    private int previousPageHash;

    private TokenPager(Builder<T> b) {
        this.fetcher = b.fetcher;
        this.maxPages = b.maxPages;
        this.identity = b.identity;
        this.progress = new ProgressGuard(b.maxPagesWithoutProgress, "TokenPager");
        this.nextToken = Optional.ofNullable(b.startToken);
    }

    /**
     * @param fetcher the vendor's page function
     * @param <T> the entry type
     * @return a builder
     */
    public static <T> Builder<T> builder(TokenPageFetcher<T> fetcher) {
        return new Builder<>(fetcher);
    }

    /** @return the token that fetched the page being iterated (empty for the first page) */
    public Optional<String> currentToken() {
        return currentToken;
    }

    /** @return how many pages were fetched so far */
    public int pagesFetched() {
        return pages;
    }

    @Override
    protected Iterator<? extends T> nextPage() {
        if (last) {
            return null;
        }
        if (pages >= maxPages) {
            throw new AuditSdkException("stopped after " + maxPages + " pages (maxPages): the server kept returning"
                    + " a next token; raise maxPages if the log really is this long");
        }
        Optional<String> token = nextToken;
        if (token.isPresent() && !remember(token.get())) {
            throw new AuditDataException("continuation token repeated: the server returned, after page " + pages
                    + ", a token it had already returned; stopping instead of looping");
        }
        Page<T> page = Objects.requireNonNull(fetcher.nextPage(token), "page fetcher returned null");
        pages++;
        currentToken = token;
        last = page.isLast();
        nextToken = page.nextToken();
        LOG.debug("page {}: {} entries, {}", pages, page.items().size(), last ? "last page" : "more follow");
        boolean samePageAgain = isSamePageAgain(page.items());
        if (!last) {
            progress.onPage(!page.items().isEmpty() && !samePageAgain, samePageAgain, "page " + pages,
                    "the continuation token");
        }
        return page.items().iterator();
    }

    /**
     * Whether a non-empty page holds the same entries as the page before it (compared by a hash
     * of identities: a collision at worst counts one page as bringing nothing new).
     */
    private boolean isSamePageAgain(List<T> items) {
        int hash = 1;
        for (T item : items) {
            hash = 31 * hash + Objects.hashCode(identity.apply(item));
        }
        boolean same = !items.isEmpty() && pages > 1 && items.size() == previousPageSize && hash == previousPageHash;
        previousPageSize = items.size();
        previousPageHash = hash;
        return same;
    }

    private boolean remember(String token) {
        if (!usedTokens.add(token)) {
            return false;
        }
        if (usedTokens.size() > REMEMBERED_TOKENS) {
            Iterator<String> oldest = usedTokens.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /**
     * Configures a {@link TokenPager}.
     *
     * @param <T> the entry type
     */
    public static final class Builder<T> {
        private final TokenPageFetcher<T> fetcher;
        private String startToken;
        private int maxPages = DEFAULT_MAX_PAGES;
        private int maxPagesWithoutProgress = DEFAULT_MAX_PAGES_WITHOUT_PROGRESS;
        private Function<? super T, ?> identity = Function.identity();

        private Builder(TokenPageFetcher<T> fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        }

        /**
         * @param token a token to start from (e.g. a stored vendor cursor) instead of the first page; null for none
         * @return this builder
         */
        public Builder<T> startToken(String token) {
            this.startToken = token == null || token.isEmpty() ? null : token;
            return this;
        }

        /**
         * @param maxPages the most pages to fetch before failing (a guard against endless paging)
         * @return this builder
         */
        public Builder<T> maxPages(int maxPages) {
            if (maxPages <= 0) {
                throw new IllegalArgumentException("maxPages must be positive, was " + maxPages);
            }
            this.maxPages = maxPages;
            return this;
        }

        /**
         * @param maxPagesWithoutProgress the most pages in a row that may bring no new entry (empty, or
         *     the same entries as the page before) while the server still sends a next token; one more
         *     fails with {@link AuditDataException}; default {@value TokenPager#DEFAULT_MAX_PAGES_WITHOUT_PROGRESS}
         * @return this builder
         */
        public Builder<T> maxPagesWithoutProgress(int maxPagesWithoutProgress) {
            this.maxPagesWithoutProgress = ProgressGuard.requireValid(maxPagesWithoutProgress);
            return this;
        }

        /**
         * @param identity what tells entries apart when a page is compared with the one before it
         *     (e.g. the vendor's entry id); default the entries themselves, by {@code equals}/{@code hashCode}
         * @return this builder
         */
        public Builder<T> identity(Function<? super T, ?> identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** @return the pager; nothing is fetched yet */
        public TokenPager<T> build() {
            return new TokenPager<>(this);
        }
    }
}
