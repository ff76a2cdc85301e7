package dev.auditsdk.lifecycle;

import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpResult;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.json.StableIdentity;
import dev.auditsdk.core.spi.paging.ResumingEntries;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.WindowFetcher;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The page function of the REST source: one time window is one
 * {@code GET /api/v2/auditLogs?startUtcDate=&endUtcDate=} for the window's UTC days (widened by
 * the day margin), streamed line by line, keeping the window's own entries. A body cut short is
 * requested again and continued after the entries already handed out ({@link ResumingEntries}).
 * Stateless: windows may be read side by side.
 */
final class LifecyclePages implements WindowFetcher<LifecycleAuditEntry> {
    /** The endpoint, relative to the server URL. */
    static final String AUDIT_LOGS_PATH = "api/v2/auditLogs";

    private final HttpTransport transport;
    private final URI auditLogsUri;
    private final int dayMargin;

    LifecyclePages(HttpTransport transport, URI baseUrl, int dayMargin) {
        this.transport = transport;
        this.auditLogsUri = Endpoints.resolve(baseUrl, AUDIT_LOGS_PATH);
        this.dayMargin = dayMargin;
    }

    @Override
    public CloseableIterator<LifecycleAuditEntry> fetch(TimeWindow window) {
        return ResumingEntries.<LifecycleAuditEntry>builder(attempt -> read(window), LifecycleAuditEntry::id)
                .retryPolicy(transport.retryPolicy())
                .unit("lifecycle window " + window)
                .open();
    }

    /** One read of the window from its start: a fresh identity numbering, so a re-read numbers lines the same way. */
    private CloseableIterator<LifecycleAuditEntry> read(TimeWindow window) {
        LocalDate first = window.start().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(dayMargin);
        LocalDate last = window.end().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(dayMargin);
        HttpRequestSpec request = HttpRequestSpec.get(auditLogsUri)
                .query("startUtcDate", first)
                .query("endUtcDate", last)
                .header("Accept", "text/plain")
                .build();
        HttpResult result = transport.send(request);
        String source = "lifecycle audit log " + first + ".." + last;
        return LifecycleAuditLogParser.parse(result.body(), StableIdentity.withPrefix(LifecycleAuditLogParser.ID_PREFIX),
                source, window, transport.limits());
    }
}
