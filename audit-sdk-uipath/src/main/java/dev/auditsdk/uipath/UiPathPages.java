package dev.auditsdk.uipath;

import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.paging.OffsetPageFetcher;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic source's page function: fetches positions of the classic audit log sorted newest
 * first ({@code sortBy=createdOn&sortOrder=desc}) for core's {@code OffsetPager}, with two UiPath
 * specifics:
 * <ul>
 *   <li><b>Seek past {@code to}.</b> The API has no time filter. When the whole first page is
 *       newer than the query's {@code to} (a historical range), the position of the first entry
 *       older than {@code to} is found with single-entry probes (galloping, then binary search,
 *       O(log n) requests) and paging starts there instead of reading everything newer. Entries
 *       written meanwhile only push positions further back, so the seek can only land early
 *       (re-reads, dropped) and never skip.</li>
 *   <li><b>Capped pages.</b> A page shorter than asked while {@code totalCount} says more entries
 *       follow means the server caps {@code top}: the rest is fetched with further requests, so a
 *       short page reaches the pager only at the end of the log.</li>
 * </ul>
 * Offsets the pager asks for are relative to the seek position. One instance per stream.
 */
final class UiPathPages implements OffsetPageFetcher<UiPathAuditEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(UiPathPages.class);

    private final UiPathConnection connection;
    private final URI url;
    private final String language;
    private final String apiVersion;
    private final Instant to;
    private Long base;
    private boolean capLogged;
    private int requests;
    private volatile OptionalLong totalCount = OptionalLong.empty();

    UiPathPages(UiPathConnection connection, URI url, String language, String apiVersion, Instant to) {
        this.connection = connection;
        this.url = url;
        this.language = language;
        this.apiVersion = apiVersion;
        this.to = to;
    }

    @Override
    public List<UiPathAuditEntry> fetch(long offset, int size) {
        if (base != null) {
            return read(base + offset, size);
        }
        List<UiPathAuditEntry> head = read(offset, size);
        base = 0L;
        boolean moreFollow = totalCount.isEmpty() || totalCount.getAsLong() > head.size();
        if (offset == 0 && head.size() == size && moreFollow && !head.get(size - 1).timestamp().isBefore(to)) {
            long start = seek(size - 1);
            LOG.debug("uipath classic: the {} newest entries are not before 'to' ({}); paging from skip={}", start, to, start);
            base = start;
            return read(start, size);
        }
        return head;
    }

    /** @return the latest {@code totalCount} the API reported */
    OptionalLong totalCount() {
        return totalCount;
    }

    /** @return how many requests were sent (probes and top-ups included) */
    int requests() {
        return requests;
    }

    /** Up to {@code size} entries from {@code skip}, in as many requests as a capped {@code top} needs. */
    private List<UiPathAuditEntry> read(long skip, int size) {
        List<UiPathAuditEntry> out = new ArrayList<>(size);
        while (out.size() < size) {
            int wanted = size - out.size();
            ClassicPage page = request(skip + out.size(), wanted);
            int got = page.results().size();
            out.addAll(page.results());
            if (got == 0) {
                break;
            }
            if (got >= wanted) {
                continue;
            }
            if (page.totalCount().isPresent() && skip + out.size() < page.totalCount().getAsLong()) {
                if (!capLogged) {
                    capLogged = true;
                    LOG.debug("uipath classic: asked for top={} and got {} although more follow; the server caps"
                            + " pages, fetching the rest separately", wanted, got);
                }
                continue;
            }
            break;
        }
        return out;
    }

    /**
     * The first position whose entry is older than {@code to}, given one that is not.
     * Galloping then binary search with {@code top=1} probes.
     */
    private long seek(long notOlder) {
        long lo = notOlder;
        long step = notOlder + 1;
        long hi;
        while (true) {
            hi = lo + step;
            if (totalCount.isPresent() && hi >= totalCount.getAsLong()) {
                hi = Math.max(lo + 1, totalCount.getAsLong());
                break;
            }
            Instant t = probe(hi);
            if (t == null || t.isBefore(to)) {
                break;
            }
            lo = hi;
            step *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            Instant t = probe(mid);
            if (t == null || t.isBefore(to)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** @return the time of the entry at a position, or null past the end */
    private Instant probe(long position) {
        List<UiPathAuditEntry> one = request(position, 1).results();
        return one.isEmpty() ? null : one.get(0).timestamp();
    }

    private ClassicPage request(long skip, int top) {
        if (skip > Integer.MAX_VALUE) {
            throw new AuditSdkException("uipath: the classic audit log offset " + skip + " exceeds the API's int32 'skip';"
                    + " narrow the range");
        }
        HttpRequestSpec.Builder spec = HttpRequestSpec.get(url)
                .query("language", language)
                .query("top", top)
                .query("skip", skip)
                .query("sortBy", "createdOn")
                .query("sortOrder", "desc")
                .header("Accept", "application/json");
        if (apiVersion != null) {
            spec.query("api-version", apiVersion);
        }
        requests++;
        String what = "GET " + url.getPath() + " (skip=" + skip + ", top=" + top + ")";
        ClassicPage page = ClassicPage.of(connection.readJson(spec.build()), what);
        if (page.totalCount().isPresent()) {
            totalCount = page.totalCount();
        }
        return page;
    }
}
