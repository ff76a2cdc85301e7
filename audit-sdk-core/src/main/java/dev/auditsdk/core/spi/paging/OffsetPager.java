package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.EntryOrder;

/**
 * Entries of an offset-paged log that may change while it is read (UiPath {@code top/skip},
 * Informatica {@code batchId}), delivered without loss and without duplicates.
 *
 * <p><b>Why.</b> Offsets are positions in the log <em>as it is at each request</em>. In a
 * newest-first log, every entry written between two requests pushes all older entries one
 * position further: a naive pager re-reads them (duplicates). Entries removed at the head
 * (or, oldest-first, purged by retention) pull later entries forward: a naive pager skips them.
 *
 * <p><b>Algorithm.</b> The vendor supplies {@code fetch(offset, size)}, an identity and a
 * timestamp function; entries must come sorted by timestamp in the declared
 * {@link EntryOrder} (ties in any order; a page out of order raises {@link AuditDataException}).
 * <ol>
 * <li><em>Boundary.</em> The pager remembers the timestamp of the last entry it handed over
 *     in walk order (the oldest so far when newest-first) and the identities seen at exactly
 *     that timestamp. An entry is <em>new</em> when it lies beyond the boundary in walk order,
 *     or on it with an unseen identity. Everything else is a re-read (shifted by growth) or an
 *     entry written after the walk started (it is newer than the boundary, so the next run
 *     reads it) and is dropped. Memory: one page plus the identities at one timestamp.</li>
 * <li><em>Overlap.</em> After a full page at offset {@code o}, the next request is at
 *     {@code o + size - overlap}: the first {@code overlap} entries of each page should be
 *     re-reads of the end of the previous one. Growth at the head only adds re-reads.</li>
 * <li><em>Gap check.</em> When {@code overlap > 0} and a page (other than at offset 0) starts
 *     with a new entry, or is empty although the page before it was full, the log moved towards
 *     the head by more than the overlap (retention deleted entries in front of it), so entries
 *     between the pages may have been skipped: the pager steps back by {@code size - overlap}
 *     and reads again (re-reads are dropped by rule 1) until it finds its boundary.</li>
 * <li><em>End.</em> A page shorter than {@code size} is the last; a new entry matching
 *     {@link Builder#stopWhen(Predicate) stopWhen} (e.g. older than the query's {@code from}
 *     when newest-first) ends the walk before it. More than {@code maxPages} requests
 *     (including re-reads) fail with {@link AuditSdkException} rather than loop.</li>
 * <li><em>Progress.</em> More than {@link Builder#maxPagesWithoutProgress(int) maxPagesWithoutProgress}
 *     pages in a row that deliver no new entry (default {@value #DEFAULT_MAX_PAGES_WITHOUT_PROGRESS})
 *     fail with {@link AuditDataException} naming the limit: a server that ignores the offset
 *     answers the same page at every offset, and would otherwise be read until {@code maxPages}.
 *     When the pages were the same page again, the message names the fetcher's
 *     {@link OffsetPageFetcher#offsetParameter() offset parameter} as probably ignored.</li>
 * </ol>
 * A batch API that can only fetch multiples of {@code size} uses {@code overlap(0)}: rule 1
 * still removes the duplicates growth at the head causes, but rule 3 is then unavailable.
 * Entries with identical identity <em>and</em> timestamp are indistinguishable to this pager
 * and are delivered once; give derived identities enough content to tell events apart.
 *
 * <p><b>Fetching ahead.</b> With {@link Builder#parallelism(int) parallelism(n)} the pager,
 * once a first page came back full, requests the pages it will most likely need next (at {@code +(size - overlap)} steps, as if
 * every page were full) up to {@code n} at once on an executor, and runs the rules above on
 * them one after the other in offset order, exactly as if each had just been fetched: the
 * entries, their order and the drift handling are those of a sequential read. A page fetched
 * ahead at an offset the walk does not reach (after a short page, a stop, or a gap check's step
 * back) is cancelled or dropped. Pages fetched ahead may be answered in any order, so a page may
 * reflect the log as it was <em>before</em> the page in front of it; growth in between then shows
 * as a gap, and rule 3 reads again. A short page fetched ahead that begins with re-reads ends the
 * walk: when it was answered it held the rest of the log from its first entry, and what the log
 * gained since lies beyond the walk (newer entries, newest-first; entries appended after it,
 * oldest-first, read by the next run). An empty page fetched ahead shows no gap, so it is
 * requested again once the page in front of it has been answered, since a log that has grown
 * since may go on past it. That needs an overlap. Memory is {@code n} pages.
 *
 * <p><b>Fetching ahead without an overlap</b> ({@code overlap(0)}, a batch API): a gap cannot
 * be seen in the pages, so the pager proves there was none. It requests {@code n} pages at once
 * as a <em>round</em> and, once all are answered, checks each boundary between two full pages:
 * the entry now at the offset of page {@code i + 1} ({@code fetch(offset, 1)}) must still be that
 * page's first entry (or none, for an empty page). Positions only grow while the log grows (at
 * its head, or late entries behind it), so an entry found at the same offset before and after
 * stayed there, and the page in front of it, answered in between, ends right before it: the two
 * pages read like two pages in a row. When an entry moved, the entries that crossed the boundary
 * are read by a <em>bridge</em>, the page at that offset read again, which must reach the moved
 * entry; its entries in front of it are handed over before the page. A boundary that moved by a
 * page or more ends the round there: the pages in front of it are handed over and the next round
 * starts at it. Each round costs one one-entry request per boundary (and a bridge per moved
 * boundary); memory is {@code n} pages and their bridges. After a cut round the next
 * {@code n} pages are read one after the other (twice as many after each further cut round in a
 * row): a log that moves that fast gains nothing from rounds. A page is handed over only after its
 * round is proven, so the entries, their order and the drift handling are those of a
 * sequential read.
 *
 * <p>Entries come out in the vendor's order; pair a newest-first pager with a
 * {@link DeliveryTracker} in {@link EntryOrder#NEWEST_FIRST} mode.
 *
 * @param <T> the entry type
 */
public final class OffsetPager<T> extends PagedIterator<T> {
    /** Default {@link Builder#pageSize(int)}. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Default {@link Builder#maxPages(int)}. */
    public static final int DEFAULT_MAX_PAGES = 100_000;
    /** Default {@link Builder#maxPagesWithoutProgress(int)}. */
    public static final int DEFAULT_MAX_PAGES_WITHOUT_PROGRESS = ProgressGuard.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS;
    private static final Logger LOG = LoggerFactory.getLogger(OffsetPager.class);

    private final OffsetPageFetcher<T> fetcher;
    private final Function<? super T, String> identity;
    private final Function<? super T, Instant> timestamp;
    private final EntryOrder order;
    private final int size;
    private final int overlap;
    private final Predicate<? super T> stopWhen;
    private final int maxPages;
    private final ProgressGuard progress;
    private final int parallelism;
    private final FetchExecutor executor;
    // concurrent: close() may run on another thread while the reader waits for a page
    private final Deque<Ahead<T>> ahead = new ConcurrentLinkedDeque<>();

    private long offset;
    private final long startOffset;
    private boolean firstPage = true;
    private boolean done;
    private int requests;
    private Instant boundary;
    private final Set<String> idsAtBoundary = new HashSet<>();
    /** Entries of a bridge put in front of the page {@link #page(long)} returned last (counted out of its size). */
    private int bridged;
    /** Without an overlap: pages still to be read one after the other because a round was cut. */
    private int sequentialLeft;
    /** Without an overlap: rounds cut in a row (each doubles the pages read one after the other next). */
    private int cutRounds;
    private long previousOffset = -1;
    private int previousPageSize;
    private int previousPageHash;

    private OffsetPager(Builder<T> b) {
        this.fetcher = b.fetcher;
        this.identity = b.identity;
        this.timestamp = b.timestamp;
        this.order = b.order;
        this.size = b.pageSize;
        this.overlap = b.overlap < 0 ? Math.max(1, b.pageSize / 10) : b.overlap;
        if (overlap >= size) {
            throw new IllegalArgumentException("overlap (" + overlap + ") must be smaller than pageSize (" + size + ")");
        }
        this.stopWhen = b.stopWhen;
        this.maxPages = b.maxPages;
        this.progress = new ProgressGuard(b.maxPagesWithoutProgress, "OffsetPager");
        this.offset = b.startOffset;
        this.startOffset = b.startOffset;
        this.parallelism = b.parallelism;
        this.executor = new FetchExecutor("audit-sdk-pages", b.parallelism, b.executor);
    }

    /**
     * @param fetcher the vendor's page function
     * @param identity the entry's id (vendor id or a derived identity)
     * @param timestamp the entry's time
     * @param <T> the entry type
     * @return a builder
     */
    public static <T> Builder<T> builder(OffsetPageFetcher<T> fetcher, Function<? super T, String> identity,
            Function<? super T, Instant> timestamp) {
        return new Builder<>(fetcher, identity, timestamp);
    }

    /** @return how many pages the walk used so far, re-reads included (pages fetched ahead and dropped, boundary checks and bridges not counted) */
    public int requests() {
        return requests;
    }

    @Override
    protected Iterator<? extends T> nextPage() {
        while (!done) {
            if (requests >= maxPages) {
                throw new AuditSdkException("stopped after " + maxPages + " page requests (maxPages) at offset " + offset
                        + ": the log changes faster than it can be paged, or is longer than maxPages allows");
            }
            long at = offset;
            List<T> page = page(at);
            int read = page.size() - bridged; // the entries at this offset; a bridge's come in front of them
            requests++;
            checkSorted(page, at);
            boolean samePageAgain = isSamePageAgain(page, at);
            // after a full page, the next one begins with re-reads: one that begins with a new entry,
            // or is empty, comes from a log that lost entries in front of it (retention)
            if (!firstPage && overlap > 0 && at > startOffset && (page.isEmpty() || isNew(page.get(0)))) {
                offset = Math.max(startOffset, at - (size - overlap));
                LOG.debug("offset {}: page starts past the last entry read (the log shifted by more than the overlap"
                        + " of {}); reading again from offset {}", at, overlap, offset);
                progress.onPage(false, samePageAgain, "offset " + at, offsetParameter());
                continue;
            }
            firstPage = false;
            List<T> fresh = new ArrayList<>(page.size());
            for (T item : page) {
                if (!isNew(item)) {
                    continue;
                }
                if (stopWhen.test(item)) {
                    done = true;
                    break;
                }
                advanceBoundary(item);
                fresh.add(item);
            }
            if (read < size) {
                done = true;
            } else {
                offset = at + read - overlap;
            }
            LOG.debug("offset {}: {} entries, {} new{}", at, page.size(), fresh.size(), done ? ", last page" : "");
            if (!done) {
                progress.onPage(!fresh.isEmpty(), samePageAgain, "offset " + at, offsetParameter());
            }
            if (!fresh.isEmpty()) {
                return fresh.iterator();
            }
        }
        cancelAhead();
        executor.finish();
        return null;
    }

    /** The page at {@code at}: fetched now, or taken from the pages fetched ahead. */
    private List<T> page(long at) {
        bridged = 0;
        if (parallelism == 1 || firstPage) {
            // the first page alone: a log that fits in it (an incremental read) costs one request
            return fetch(at);
        }
        return overlap == 0 ? verifiedPage(at) : aheadPage(at);
    }

    /** With an overlap: pages fetched ahead, gaps found by rule 3. */
    private List<T> aheadPage(long at) {
        if (!ahead.isEmpty() && ahead.peekFirst().offset != at) {
            LOG.debug("offset {}: not the page fetched ahead (offset {}); dropping {} page(s) fetched ahead", at,
                    ahead.peekFirst().offset, ahead.size());
            cancelAhead();
        }
        long next = ahead.isEmpty() ? at : ahead.peekLast().offset + (size - overlap);
        while (ahead.size() < parallelism) {
            long o = next;
            ahead.addLast(new Ahead<>(o, executor.get().submit(() -> fetch(o))));
            next += size - overlap;
        }
        List<T> page = await(ahead.pollFirst());
        if (page.isEmpty()) {
            // an empty page ends the walk, but one answered before the page in front of it may only
            // show the log before it grew, and shows no gap: ask again, as a sequential read would
            LOG.debug("offset {}: empty page fetched ahead; requesting it again", at);
            cancelAhead();
            return fetch(at);
        }
        // a short page that begins with re-reads (rule 3 checks) held the rest of the log when answered
        return page;
    }

    /** Without an overlap: pages fetched ahead in rounds, each boundary proven (or bridged) before a page is handed over. */
    private List<T> verifiedPage(long at) {
        if (!ahead.isEmpty() && ahead.peekFirst().offset != at) {
            cancelAhead();
        }
        if (ahead.isEmpty()) {
            if (sequentialLeft > 0) {
                sequentialLeft--;
                return fetch(at);
            }
            for (int i = 0; i < parallelism; i++) {
                long o = at + (long) i * size;
                ahead.addLast(new Ahead<>(o, executor.get().submit(() -> fetch(o))));
            }
            if (proveRound()) {
                cutRounds = 0;
            } else {
                // the log moves faster than a round can be proven: its requests only add to the churn
                cutRounds = Math.min(cutRounds + 1, 10);
                sequentialLeft = parallelism << (cutRounds - 1);
            }
        }
        Ahead<T> next = ahead.pollFirst();
        List<T> page = await(next);
        if (next.bridge.isEmpty()) {
            return page;
        }
        List<T> joined = new ArrayList<>(next.bridge.size() + page.size());
        joined.addAll(next.bridge);
        joined.addAll(page);
        bridged = next.bridge.size();
        return joined;
    }

    /**
     * Checks the boundaries of the round in {@link #ahead} (all its pages answered first), bridges
     * those that moved less than a page, and drops the pages from the first that moved more.
     *
     * @return false if the round was cut at a boundary that moved by a page or more
     */
    private boolean proveRound() {
        List<Ahead<T>> round = new ArrayList<>(ahead);
        List<List<T>> pages = new ArrayList<>(round.size());
        for (Ahead<T> a : round) {
            pages.add(await(a));
        }
        // boundaries in front of pages 1.., up to the first page after a short one (the walk ends there)
        int last = 1;
        while (last < round.size() && pages.get(last - 1).size() >= size) {
            last++;
        }
        List<Future<List<T>>> probes = new ArrayList<>();
        for (int i = 1; i < last; i++) {
            long o = round.get(i).offset;
            probes.add(executor.get().submit(() -> fetch(o, 1)));
        }
        List<Future<List<T>>> bridges = new ArrayList<>();
        for (int i = 1; i < last; i++) {
            long o = round.get(i).offset;
            List<T> now = await(o, probes.get(i - 1));
            List<T> page = pages.get(i);
            boolean held = now.isEmpty() ? page.isEmpty() : !page.isEmpty() && sameEntry(now.get(0), page.get(0));
            bridges.add(held ? null : executor.get().submit(() -> fetch(o)));
        }
        for (int i = 1; i < last; i++) {
            Future<List<T>> bridge = bridges.get(i - 1);
            if (bridge == null) {
                continue;
            }
            Ahead<T> a = round.get(i);
            List<T> crossed = crossed(await(a.offset, bridge), pages.get(i));
            if (crossed == null) {
                LOG.debug("offset {}: the log moved by a page or more while the round was read; the next round starts here",
                        a.offset);
                while (ahead.peekLast() != a) {
                    ahead.pollLast().future.cancel(true);
                }
                ahead.pollLast();
                return false;
            }
            LOG.debug("offset {}: {} entries crossed the boundary while the round was read; handing them over first",
                    a.offset, crossed.size());
            a.bridge = crossed;
        }
        return true;
    }

    /**
     * The entries of a bridge in front of the page's first entry, or null if the bridge does not
     * reach it (it moved by a page or more). An empty page ends the log: the bridge then holds
     * all that crossed, unless it is full (more may follow).
     */
    private List<T> crossed(List<T> bridge, List<T> page) {
        if (page.isEmpty()) {
            return bridge.size() < size ? bridge : null;
        }
        T first = page.get(0);
        for (int i = 0; i < bridge.size(); i++) {
            if (sameEntry(bridge.get(i), first)) {
                return new ArrayList<>(bridge.subList(0, i));
            }
        }
        return null;
    }

    private boolean sameEntry(T a, T b) {
        return idOf(a).equals(idOf(b)) && timestampOf(a).equals(timestampOf(b));
    }

    private List<T> fetch(long at) {
        return fetch(at, size);
    }

    private List<T> fetch(long at, int n) {
        return Objects.requireNonNull(fetcher.fetch(at, n), "page fetcher returned null");
    }

    private List<T> await(Ahead<T> page) {
        return await(page.offset, page.future);
    }

    /** The answer for {@code offset}, fetched on the executor (a page, a boundary check or a bridge). */
    private List<T> await(long offset, Future<List<T>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAhead();
            throw new AuditSdkException("interrupted while waiting for the page at offset " + offset, e);
        } catch (CancellationException e) {
            throw new AuditSdkException("the page at offset " + offset + " was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AuditSdkException("reading the page at offset " + offset + " failed", cause);
        }
    }

    private void cancelAhead() {
        for (Ahead<T> a : ahead) {
            a.future.cancel(true);
        }
        ahead.clear();
    }

    @Override
    protected void onPagerClose() {
        cancelAhead();
        executor.shutdownNow();
    }

    /** A page requested ahead of the walk. */
    private static final class Ahead<T> {
        final long offset;
        final Future<List<T>> future;
        /** Without an overlap: entries that crossed into the page in front while its round was read. */
        List<T> bridge = List.of();

        Ahead(long offset, Future<List<T>> future) {
            this.offset = offset;
            this.future = future;
        }
    }

    /**
     * Whether a non-empty page holds the same entries as the page fetched before it at another
     * offset (compared by a hash of identities and times: a collision only words a message).
     */
    private boolean isSamePageAgain(List<T> page, long at) {
        int hash = 1;
        for (T item : page) {
            hash = 31 * (31 * hash + idOf(item).hashCode()) + timestampOf(item).hashCode();
        }
        boolean same = !page.isEmpty() && previousOffset >= 0 && previousOffset != at
                && page.size() == previousPageSize && hash == previousPageHash;
        previousOffset = at;
        previousPageSize = page.size();
        previousPageHash = hash;
        return same;
    }

    private String offsetParameter() {
        return "the offset parameter '" + fetcher.offsetParameter() + "'";
    }

    private boolean isNew(T item) {
        if (boundary == null) {
            return true;
        }
        int c = compareInWalkOrder(timestampOf(item), boundary);
        return c > 0 || (c == 0 && !idsAtBoundary.contains(idOf(item)));
    }

    private void advanceBoundary(T item) {
        Instant ts = timestampOf(item);
        if (boundary == null || compareInWalkOrder(ts, boundary) > 0) {
            boundary = ts;
            idsAtBoundary.clear();
        }
        idsAtBoundary.add(idOf(item));
    }

    /** Positive when {@code a} comes after {@code b} in the order the walk proceeds. */
    private int compareInWalkOrder(Instant a, Instant b) {
        return order == EntryOrder.OLDEST_FIRST ? a.compareTo(b) : b.compareTo(a);
    }

    private void checkSorted(List<T> page, long at) {
        for (int i = 1; i < page.size(); i++) {
            if (compareInWalkOrder(timestampOf(page.get(i)), timestampOf(page.get(i - 1))) < 0) {
                throw new AuditDataException("offset paging needs entries sorted " + order + " but the page at offset " + at
                        + " has entry " + (i + 1) + " out of order; without the order, drift cannot be corrected",
                        -1, at + i, null);
            }
        }
    }

    private Instant timestampOf(T item) {
        return Objects.requireNonNull(timestamp.apply(item), "timestamp function returned null");
    }

    private String idOf(T item) {
        return Objects.requireNonNull(identity.apply(item), "identity function returned null");
    }

    /**
     * Configures an {@link OffsetPager}.
     *
     * @param <T> the entry type
     */
    public static final class Builder<T> {
        private final OffsetPageFetcher<T> fetcher;
        private final Function<? super T, String> identity;
        private final Function<? super T, Instant> timestamp;
        private EntryOrder order = EntryOrder.NEWEST_FIRST;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int overlap = -1;
        private long startOffset;
        private Predicate<? super T> stopWhen = item -> false;
        private int maxPages = DEFAULT_MAX_PAGES;
        private int maxPagesWithoutProgress = DEFAULT_MAX_PAGES_WITHOUT_PROGRESS;
        private int parallelism = 1;
        private ExecutorService executor;

        private Builder(OffsetPageFetcher<T> fetcher, Function<? super T, String> identity,
                Function<? super T, Instant> timestamp) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            this.identity = Objects.requireNonNull(identity, "identity");
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        }

        /**
         * @param order how the vendor sorts the entries it pages through; default {@link EntryOrder#NEWEST_FIRST}
         * @return this builder
         * @throws IllegalArgumentException for {@link EntryOrder#UNORDERED}
         */
        public Builder<T> order(EntryOrder order) {
            if (Objects.requireNonNull(order, "order") == EntryOrder.UNORDERED) {
                throw new IllegalArgumentException("offset paging under drift needs a time order; UNORDERED is not supported");
            }
            this.order = order;
            return this;
        }

        /**
         * @param pageSize entries per request; default {@value OffsetPager#DEFAULT_PAGE_SIZE}
         * @return this builder
         */
        public Builder<T> pageSize(int pageSize) {
            if (pageSize <= 0) {
                throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * @param overlap entries of the previous page to read again with each request, smaller than
         *     the page size; 0 for batch APIs; default a tenth of the page size, at least 1
         * @return this builder
         */
        public Builder<T> overlap(int overlap) {
            if (overlap < 0) {
                throw new IllegalArgumentException("overlap must not be negative, was " + overlap);
            }
            this.overlap = overlap;
            return this;
        }

        /**
         * @param startOffset the offset of the first request; default 0
         * @return this builder
         */
        public Builder<T> startOffset(long startOffset) {
            if (startOffset < 0) {
                throw new IllegalArgumentException("startOffset must not be negative, was " + startOffset);
            }
            this.startOffset = startOffset;
            return this;
        }

        /**
         * @param stopWhen ends the walk at the first new entry that matches (that entry is not delivered),
         *     e.g. {@code e -> e.timestamp().isBefore(query.start())} for a newest-first log
         * @return this builder
         */
        public Builder<T> stopWhen(Predicate<? super T> stopWhen) {
            this.stopWhen = Objects.requireNonNull(stopWhen, "stopWhen");
            return this;
        }

        /**
         * @param maxPages the most requests, re-reads included, before failing; default {@value OffsetPager#DEFAULT_MAX_PAGES}
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
         * @param maxPagesWithoutProgress the most pages in a row, re-reads included, that may deliver
         *     no new entry; one more fails with {@link AuditDataException}; default
         *     {@value OffsetPager#DEFAULT_MAX_PAGES_WITHOUT_PROGRESS}
         * @return this builder
         */
        public Builder<T> maxPagesWithoutProgress(int maxPagesWithoutProgress) {
            this.maxPagesWithoutProgress = ProgressGuard.requireValid(maxPagesWithoutProgress);
            return this;
        }

        /**
         * @param parallelism the most pages requested at once, fetched ahead of the walk (see the
         *     class description); 1 (the default) requests each page when it is needed, on the
         *     caller's thread; with {@code overlap(0)} pages are fetched in rounds whose
         *     boundaries are proven before a page is handed over
         * @return this builder
         */
        public Builder<T> parallelism(int parallelism) {
            if (parallelism <= 0) {
                throw new IllegalArgumentException("parallelism must be positive, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * @param executor a caller-owned executor for pages fetched ahead (never shut down by the
         *     pager); without one the pager creates its own when it first needs it and shuts it
         *     down when the walk ends or the pager is closed
         * @return this builder
         */
        public Builder<T> executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @return the pager; nothing is fetched yet
         * @throws IllegalArgumentException if the overlap is not smaller than the page size
         */
        public OffsetPager<T> build() {
            return new OffsetPager<>(this);
        }
    }
}
