package dev.auditsdk.uipath;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.core.spi.paging.Page;
import dev.auditsdk.core.spi.paging.TokenPageFetcher;
import dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unified source's page function: fetches the unified API's pages for core's
 * {@code TokenPager}: the first with the query's
 * range and the source's filters, the following ones by the {@code previous} link of the page
 * before (towards older events), which is the continuation token.
 *
 * <ul>
 *   <li>The range sent is widened to whole seconds and by one second on each side, so the
 *       server's rounding and its inclusive or exclusive bounds cannot drop an entry at the
 *       edges; the delivery tracker keeps exactly {@code [from, to)}.</li>
 *   <li>Filters go out in the documented form ({@code source[]}, {@code target[]},
 *       {@code type[]}, {@code userIds[]}, {@code searchTerm}, {@code status}). The documented
 *       {@code previous} link carries only {@code to}, {@code before}, {@code beforeId} and
 *       {@code maxCount}, so every filter the link lacks is added to it again: each page is read
 *       with the source's filters.</li>
 *   <li>Links are followed only on the configured host.</li>
 *   <li>Walking stops once the range is covered: at a page holding an event older than the
 *       start, or a link whose {@code before} cursor is older, even if the server's links do
 *       not carry {@code from}.</li>
 *   <li>Events must come newest first, within a page and from page to page; otherwise the
 *       read fails rather than silently dropping entries.</li>
 * </ul>
 */
final class UiPathUnifiedPages implements TokenPageFetcher<UiPathUnifiedAuditEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(UiPathUnifiedPages.class);

    private final UiPathConnection connection;
    private final URI url;
    private final UnifiedFilters filters;
    private final int maxCount;
    private final Instant start;
    private final Instant to;
    private Instant oldestSoFar;
    private int pages;

    UiPathUnifiedPages(UiPathConnection connection, URI url, UnifiedFilters filters, int maxCount, Instant start,
            Instant to) {
        this.connection = connection;
        this.url = url;
        this.filters = filters;
        this.maxCount = maxCount;
        this.start = start;
        this.to = to;
    }

    @Override
    public Page<UiPathUnifiedAuditEvent> nextPage(Optional<String> token) {
        URI uri = token.isPresent() ? filters.addMissingTo(connection.link(token.get())) : firstPage();
        pages++;
        HttpRequestSpec spec = HttpRequestSpec.get(uri).header("Accept", "application/json").build();
        String what = "GET " + uri.getPath() + " (page " + pages + ")";
        UnifiedPage page = UnifiedPage.of(connection.readJson(spec), what);
        List<UiPathUnifiedAuditEvent> events = page.auditEvents();
        checkNewestFirst(events);
        Optional<String> previous = page.previous();
        if (previous.isPresent() && coversStart(events, previous.get())) {
            LOG.debug("uipath unified: page {} reaches before the start {}; not following 'previous'", pages, start);
            previous = Optional.empty();
        }
        return Page.of(events, previous.orElse(null));
    }

    private URI firstPage() {
        HttpRequestSpec.Builder b = HttpRequestSpec.get(url);
        if (start.isAfter(Instant.EPOCH)) {
            b.query("from", start.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString());
        }
        b.query("to", to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2).toString());
        filters.forEach(b::query);
        b.query("maxCount", maxCount);
        return b.build().uri();
    }

    private void checkNewestFirst(List<UiPathUnifiedAuditEvent> events) {
        for (UiPathUnifiedAuditEvent e : events) {
            Instant t = e.timestamp();
            if (oldestSoFar != null && t.isAfter(oldestSoFar)) {
                throw new AuditDataException("uipath: unified audit events must come newest first, but page " + pages
                        + " has an event at " + t + " after one at " + oldestSoFar
                        + "; stopping rather than dropping entries");
            }
            oldestSoFar = t;
        }
    }

    /** Whether nothing at or after the start can follow: an older event was seen, or the link's cursor is older. */
    private boolean coversStart(List<UiPathUnifiedAuditEvent> events, String previousLink) {
        if (!events.isEmpty() && events.get(events.size() - 1).timestamp().isBefore(start)) {
            return true;
        }
        return cursorTime(previousLink).map(t -> t.isBefore(start)).orElse(false);
    }

    /** The {@code before} cursor of a link, when it is there and readable. */
    static Optional<Instant> cursorTime(String link) {
        int q = link.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : link.substring(q + 1).split("&")) {
            if (pair.startsWith("before=")) {
                String value = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                try {
                    return Optional.of(Timestamps.parse("before", value));
                } catch (AuditDataException e) {
                    return Optional.empty(); // an opaque cursor: rely on the events and the server's range
                }
            }
        }
        return Optional.empty();
    }
}
