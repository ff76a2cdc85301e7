package dev.auditsdk.informatica;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.WindowFetcher;
import dev.auditsdk.informatica.model.InformaticaSecurityLogEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v3 security log's window function:
 * {@code GET {baseApiUrl}/public/core/v3/securityLog?q=entryTime>="start";entryTime<="end"&limit=cap}.
 * The API has no paging beyond a row cap: a window whose answer holds {@code cap} rows may have
 * lost some, so it is split in halves, recursively, until each answer is under the cap. A window
 * of one millisecond that still reaches the cap is read with the documented {@code skip}
 * parameter. Each (sub-)window's rows (at most the cap) are sorted ascending before delivery;
 * memory stays at one answer.
 *
 * <p>{@code limit} and {@code skip} are not documented, so the source does not trust them. An
 * answer with more rows than the {@code limit} sent shows a server that ignores it; so does, once
 * per source, a second look at the first answer that holds more than {@value #MIN_LIMIT} rows
 * but fewer than the cap: the same window asked with {@code limit=}{@value #MIN_LIMIT} must answer
 * exactly that many. From then on neither parameter is sent and windows are split by the
 * server's own cap, learnt from its answers: the server answered that many rows at least once,
 * so an answer with fewer is complete, and one with as many or more is split. (A server that
 * ignored {@code limit} and answered at most {@value #MIN_LIMIT} rows could not be told apart;
 * it is assumed not to exist, as {@value #MIN_LIMIT} is the smallest {@code limit} accepted.)
 *
 * <p>Each {@code skip} answer must bring rows not read before: one that holds only rows already
 * read means the server ignores {@code skip} (it would answer the same rows forever), and ends
 * the read with an {@link AuditDataException} naming {@code skip} after that one request. Rows
 * answered twice (an entry inserted in that millisecond meanwhile shifts the others) are kept once.
 * A one-millisecond window that reaches the cap of a server that ignores {@code limit} cannot be
 * read whole either, and ends the read the same way.
 */
final class InformaticaSecurityLogPages implements WindowFetcher<InformaticaSecurityLogEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(InformaticaSecurityLogPages.class);
    private static final String PATH = "public/core/v3/securityLog";
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Comparator<InformaticaSecurityLogEntry> ASCENDING =
            Comparator.comparing(InformaticaSecurityLogEntry::timestamp).thenComparing(InformaticaSecurityLogEntry::id);

    /** The smallest {@code limit} the security log accepts, and the probe's limit. */
    static final int MIN_LIMIT = 100;

    /** What the source has learnt of the server's {@code limit} handling. */
    private enum Paging {
        UNKNOWN, HONOURED, IGNORED
    }

    private final InformaticaConnection client;
    private final int rowCap;
    private volatile Paging paging = Paging.UNKNOWN;
    /** The most rows one answer held: with {@code limit} ignored, a lower bound of the server's own cap. */
    private final AtomicInteger largestAnswer = new AtomicInteger();

    /**
     * @param client the connection
     * @param rowCap the most rows one answer holds (the {@code limit} sent), 100 to 1,000
     */
    InformaticaSecurityLogPages(InformaticaConnection client, int rowCap) {
        this.client = Objects.requireNonNull(client, "client");
        this.rowCap = rowCap;
    }

    @Override
    public CloseableIterator<InformaticaSecurityLogEntry> fetch(TimeWindow window) {
        return new Splitting(window);
    }

    /** Reads one window depth-first, earlier half first, so delivery stays ascending. */
    private final class Splitting extends AbstractCloseableIterator<InformaticaSecurityLogEntry> {
        private final Deque<TimeWindow> todo = new ArrayDeque<>();
        private Iterator<InformaticaSecurityLogEntry> current;

        Splitting(TimeWindow window) {
            todo.add(window);
        }

        @Override
        protected InformaticaSecurityLogEntry computeNext() {
            while (current == null || !current.hasNext()) {
                TimeWindow w = todo.pollFirst();
                if (w == null) {
                    return endOfData();
                }
                List<InformaticaSecurityLogEntry> rows = request(w, 0, limit());
                if (full(w, rows.size())) {
                    Instant mid = w.start().plus(java.time.Duration.between(w.start(), w.end()).dividedBy(2))
                            .truncatedTo(ChronoUnit.MILLIS);
                    if (mid.isAfter(w.start()) && mid.isBefore(w.end())) {
                        LOG.debug("informatica: security log window {} returned the cap of {} rows; splitting it at {}", w,
                                rowCap, mid);
                        todo.addFirst(TimeWindow.of(mid, w.end()));
                        todo.addFirst(TimeWindow.of(w.start(), mid));
                        continue;
                    }
                    if (paging == Paging.IGNORED) {
                        throw new AuditDataException("informatica: the security log ignores the 'limit' parameter and"
                                + " answered " + rows.size() + " rows, the most it answers at once, for " + w + ", a"
                                + " window too short to split: its rows cannot all be read; stopping");
                    }
                    rows = readAllWithSkip(w, rows);
                }
                List<InformaticaSecurityLogEntry> inWindow = new ArrayList<>(rows.size());
                for (InformaticaSecurityLogEntry e : rows) {
                    // the request's end is inclusive; entries at the end belong to the next window
                    if (!e.timestamp().isBefore(w.start()) && e.timestamp().isBefore(w.end())) {
                        inWindow.add(e);
                    }
                }
                inWindow.sort(ASCENDING);
                current = inWindow.iterator();
            }
            return current.next();
        }

        private List<InformaticaSecurityLogEntry> readAllWithSkip(TimeWindow w, List<InformaticaSecurityLogEntry> first) {
            LOG.debug("informatica: security log window {} cannot be split further and holds {} rows or more; reading it"
                    + " with skip", w, rowCap);
            List<InformaticaSecurityLogEntry> all = new ArrayList<>(first);
            Set<String> ids = new HashSet<>();
            first.forEach(e -> ids.add(e.id()));
            List<InformaticaSecurityLogEntry> page = first;
            int skip = first.size();
            while (page.size() >= rowCap) {
                page = request(w, skip, rowCap);
                int added = 0;
                for (InformaticaSecurityLogEntry e : page) {
                    if (ids.add(e.id())) {
                        all.add(e);
                        added++;
                    }
                }
                if (added == 0 && !page.isEmpty()) {
                    throw new AuditDataException("informatica: the security log answered, for " + w + " with skip="
                            + skip + ", only rows it had already answered before that skip: the server seems to ignore"
                            + " the 'skip' parameter, so the " + rowCap + " or more rows of this millisecond cannot all"
                            + " be read; stopping instead of requesting the same rows forever");
                }
                if (page.size() > Integer.MAX_VALUE - skip) {
                    throw new AuditDataException("informatica: the security log holds more than " + Integer.MAX_VALUE
                            + " rows in " + w + ", more than 'skip' can count; stopping");
                }
                skip += page.size(); // the rows the server has passed, repeats included
            }
            return all;
        }
    }

    /** @return the {@code limit} to send: the row cap, or none once the server proved to ignore it */
    private Integer limit() {
        return paging == Paging.IGNORED ? null : rowCap;
    }

    /**
     * Whether an answer of {@code rows} rows for {@code w} may have left rows out, learning from
     * it (and, once, from a probe) whether the server honours {@code limit}.
     */
    private boolean full(TimeWindow w, int rows) {
        largestAnswer.accumulateAndGet(rows, Math::max);
        if (paging == Paging.UNKNOWN) {
            if (rows > rowCap) {
                limitIgnored(w, rows + " rows for limit=" + rowCap);
            } else if (rows > MIN_LIMIT && rows < rowCap) {
                int probe = request(w, 0, MIN_LIMIT).size();
                largestAnswer.accumulateAndGet(probe, Math::max);
                if (probe > MIN_LIMIT) {
                    limitIgnored(w, probe + " rows for limit=" + MIN_LIMIT);
                } else {
                    LOG.debug("informatica: the security log honours 'limit' (answered {} rows for limit={})", probe,
                            MIN_LIMIT);
                    paging = Paging.HONOURED;
                }
            }
        }
        return paging == Paging.IGNORED ? rows >= largestAnswer.get() : rows >= rowCap;
    }

    private void limitIgnored(TimeWindow w, String evidence) {
        if (paging != Paging.IGNORED) {
            paging = Paging.IGNORED;
            LOG.warn("informatica: the security log ignores the undocumented 'limit' parameter (it answered {} for {});"
                    + " no longer sending limit or skip: windows are split whenever an answer holds as many rows as the"
                    + " most the server has answered at once", evidence, w);
        }
    }

    private List<InformaticaSecurityLogEntry> request(TimeWindow w, int skip, Integer limit) {
        // Entry times are whole milliseconds and the request's end is inclusive: the window's end cut down
        // to its millisecond still takes in every entry before it (entries at the end are the next
        // window's, dropped below). Rounding it up instead made a window of exactly 14 days whose
        // bounds have a sub-millisecond part (a range from Instant.now()) ask for 14 days and 1 ms,
        // which the API refuses (HTTP 400, "The maximum date range is 14 days").
        Instant end = w.end().truncatedTo(ChronoUnit.MILLIS);
        String q = "entryTime>=\"" + FORMAT.format(w.start()) + "\";entryTime<=\"" + FORMAT.format(end) + "\"";
        HttpRequestSpec.Builder b = HttpRequestSpec.get(Endpoints.resolve(client.serverUrl(), PATH))
                .query("q", q)
                .header("Accept", "application/json");
        if (limit != null) {
            b.query("limit", limit);
        }
        if (skip > 0) {
            b.query("skip", skip);
        }
        HttpRequestSpec spec = b.build();
        // read inside the transport's attempt: an answer cut short or stalled on the way is asked for again;
        // one that is not JSON is an AuditDataException naming the request
        JsonNode answer = client.read(spec, result -> result.readJson("informatica: the security log answer for " + w));
        AuditApiException error = answer == null ? null : InformaticaErrorDecoder.fromBody("informatica", spec.describe(), answer);
        if (error != null) {
            throw error;
        }
        JsonNode entries = answer == null ? null : answer.isArray() ? answer : answer.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new AuditDataException("informatica: the security log answer for " + w
                    + " has no 'entries' array");
        }
        List<InformaticaSecurityLogEntry> rows = new ArrayList<>(entries.size());
        int i = 0;
        for (JsonNode node : entries) {
            try {
                rows.add(InformaticaSecurityLogEntry.of(node));
            } catch (IllegalArgumentException e) {
                throw new AuditDataException("informatica: security log entry #" + (i + 1) + " of " + w + ": "
                        + e.getMessage(), -1, i, e);
            }
            i++;
        }
        LOG.trace("informatica: security log {} (skip {}) -> {} rows", w, skip, rows.size());
        return rows;
    }
}
