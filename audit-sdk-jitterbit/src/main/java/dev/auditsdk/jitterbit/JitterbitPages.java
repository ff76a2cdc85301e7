package dev.auditsdk.jitterbit;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.paging.ExportJobPager;
import dev.auditsdk.core.spi.paging.ResumingEntries;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.WindowFetcher;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import dev.auditsdk.jitterbit.model.OrgAttr;
import java.net.URI;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window function of the API log ({@link WindowFetcher}): one export job per window, built
 * on core's {@link ExportJobPager} — submit ({@code debuglogs-async}, oldest first), poll
 * ({@code log-async}) with backoff, download the COMPLETE file — and cut to the window. A
 * download that fails part-way is downloaded again from the same key and read on after the
 * entries already handed out ({@link ResumingEntries}); if Harmony no longer serves that key's
 * file, the window is exported anew.
 */
final class JitterbitPages implements WindowFetcher<JitterbitApiLogEntry> {
    /** What an organization id looks like, configured or answered by the login. */
    static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(JitterbitPages.class);

    private final JitterbitConnection connection;
    private final LogExportClient client;
    private final String orgId;
    private final ZoneId clientTimeZone;
    private final JitterbitLogQuery filter;
    private final boolean retrieveLogMessages;
    private final boolean csvFormat;
    private final int lockWorkarounds;
    private final ExportJobOptions exportJob;

    JitterbitPages(JitterbitConnection connection, JitterbitSourceBuilder b) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.orgId = b.orgId;
        this.clientTimeZone = b.clientTimeZone;
        this.filter = b.filter;
        this.retrieveLogMessages = b.retrieveLogMessages;
        this.csvFormat = b.csvFormat;
        this.lockWorkarounds = b.lockWorkarounds;
        this.exportJob = b.exportJob;
        this.client = new LogExportClient(connection.transport(), connection.service(), lockWorkarounds, b.jsonArrayField);
    }

    @Override
    public CloseableIterator<JitterbitApiLogEntry> fetch(TimeWindow window) {
        String org = resolveOrgId();
        DebugLogsAsyncRequest export = DebugLogsAsyncRequest.builder()
                .orgId(org)
                .timeRangeFrom(window.start().truncatedTo(ChronoUnit.SECONDS))
                .timeRangeTo(Timestamps.ceilToSecond(window.end()))
                .clientTimeZone(clientTimeZone)
                .queryString(Optional.ofNullable(filter))
                .ascendSort(true)
                .retrieveLogMessages(retrieveLogMessages)
                .csvFormat(csvFormat)
                .build();
        return new WindowEntries(exportJob(org, export, window), window);
    }

    /**
     * Submit, poll, download; a download cut short is downloaded again from the same key and
     * read on after the entries already handed out ({@link ResumingEntries}).
     */
    private CloseableIterator<JitterbitApiLogEntry> exportJob(String org, DebugLogsAsyncRequest export, TimeWindow window) {
        return ExportJobPager.<String, JitterbitApiLogEntry>builder()
                .submit(() -> client.submit(export))
                // a job that fails or hangs locks its exact request: submit a variant that ends a few
                // seconds later (each submit may add up to lockWorkarounds seconds of its own; the extra
                // seconds are cut off again by the window)
                .reissue(lockWorkarounds, n -> client.submit(export.withTimeRangeTo(
                        export.timeRangeTo().plusSeconds((long) n * (lockWorkarounds + 1)))))
                .poll(key -> client.poll(org, key))
                .download((key, status) -> ResumingEntries.<JitterbitApiLogEntry>builder(attempt -> attempt == 1
                                ? client.open(org, key, status, clientTimeZone) : reopen(org, key, export, window),
                        JitterbitApiLogEntry::id)
                        .retryPolicy(connection.retryPolicy())
                        .unit("jitterbit export " + key + " of window " + window)
                        .open())
                .options(exportJob)
                .build();
    }

    /**
     * The export's file from its start again: downloaded from the same key, or, when Harmony no
     * longer serves it (the key expired), exported anew for the same window.
     */
    private CloseableIterator<JitterbitApiLogEntry> reopen(String org, String key, DebugLogsAsyncRequest export,
            TimeWindow window) {
        return client.reopen(org, key, clientTimeZone).orElseGet(() -> {
            LOG.info("jitterbit: requesting the export of window {} again, as the file of key {} is no longer served", window, key);
            return exportJob(org, export, window);
        });
    }

    /** The configured organization, checked against the user's; or the user's default one. */
    private String resolveOrgId() {
        JitterbitSession session = connection.session();
        String org = orgId != null ? orgId : session.defaultOrgId().map(JitterbitPages::checkedDefaultOrgId)
                .orElseThrow(() -> new AuditDataException(
                        "jitterbit: the login answer names no defaultOrgId; set orgId(...) on the source builder"));
        if (orgId != null && session.org(orgId).isEmpty()) {
            throw new AuditAccessDeniedException("jitterbit: organization " + orgId + " is not one of the user's "
                    + "organizations " + session.orgAttrs().stream().map(OrgAttr::orgId).collect(Collectors.toList())
                    + "; set orgId(...) to one of them", 0, null, null, null);
        }
        URI service = connection.service();
        session.org(org).flatMap(OrgAttr::orgZoneUrl).ifPresent(zone -> {
            URI zoneUri = URI.create(zone);
            if (zoneUri.getHost() != null && !zoneUri.getHost().equalsIgnoreCase(service.getHost())) {
                LOG.warn("jitterbit: organization {} lives at {}, but the source talks to {}; Harmony serves an "
                        + "organization's logs only in its own region: use that region or baseUrl", org, zoneUri.getHost(),
                        service.getHost());
            }
        });
        return org;
    }

    /**
     * The server's {@code defaultOrgId} goes into request paths: it must look like an organization
     * id, as a configured one must. The message describes the value's shape, without quoting it.
     */
    private static String checkedDefaultOrgId(String serverValue) {
        if (ORG_ID.matcher(serverValue).matches()) {
            return serverValue;
        }
        String shape = serverValue.length() + " characters";
        int bad = serverValue.chars().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')))
                .findFirst().orElse(-1);
        if (bad >= 0) {
            shape += ", including " + (bad > 32 && bad < 127 ? "'" + (char) bad + "'" : String.format("U+%04X", bad));
        }
        throw new AuditDataException("jitterbit: the login answer's defaultOrgId is not an organization id (" + shape
                + "; expected 1 to 64 letters, digits, '-' or '_'); set orgId(...) on the source builder");
    }
}
