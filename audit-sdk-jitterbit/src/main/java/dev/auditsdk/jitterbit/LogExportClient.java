package dev.auditsdk.jitterbit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.Redactor;
import dev.auditsdk.core.spi.json.BodyFormat;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.json.SniffedBody;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.ExportStatus;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import dev.auditsdk.jitterbit.model.LogExportStatus;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API Manager Log Service's three calls: request an export ({@code debuglogs-async}, with
 * the locked-request workaround), poll it ({@code log-async/{orgId}/{key}}), and read the
 * COMPLETE file it answers with, entry by entry.
 */
final class LogExportClient {
    private static final Logger LOG = LoggerFactory.getLogger(LogExportClient.class);
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    /** A status answer is a few dozen bytes; anything longer than this is a file. */
    private static final int STATUS_PEEK = 16 * 1024;

    private final HttpTransport transport;
    private final URI service;
    private final int lockWorkarounds;
    private final String jsonArrayField;

    LogExportClient(HttpTransport transport, URI service, int lockWorkarounds, String jsonArrayField) {
        this.transport = transport;
        this.service = service;
        this.lockWorkarounds = lockWorkarounds;
        this.jsonArrayField = jsonArrayField;
    }

    /**
     * Requests an export and returns its reference key. When Harmony answers ERROR straight away,
     * the exact request is locked after an earlier failure (until its key expires, 23 hours): as
     * the vendor recommends, it is re-sent as a distinct request, its range end one second later
     * each time (the extra second is filtered out again), up to {@code lockWorkarounds} times.
     */
    String submit(DebugLogsAsyncRequest request) {
        DebugLogsAsyncRequest current = request;
        for (int workaround = 0; ; workaround++) {
            LogExportStatus answer = put(current);
            String key = answer.key().orElseThrow(() -> new AuditDataException(
                    "jitterbit: debuglogs-async answered status " + answer.status() + " without a key"));
            requireSafeKey(key);
            if (!LogExportStatus.ERROR.equals(answer.status())) {
                LOG.debug("jitterbit: export of [{}, {}] has key {} ({})", current.timeRangeFrom(), current.timeRangeTo(),
                        key, answer.status());
                return key;
            }
            if (workaround >= lockWorkarounds) {
                throw new AuditApiException("jitterbit: the export request for [" + request.timeRangeFrom() + ", "
                        + current.timeRangeTo() + "] is still locked by an earlier failure after " + workaround
                        + " distinct re-requests" + answer.errorMessage().map(m -> ": " + m).orElse("")
                        + " (Harmony unlocks it when its key expires, 23 hours after the failure)",
                        0, LogExportStatus.ERROR, null, null);
            }
            DebugLogsAsyncRequest distinct = current.withTimeRangeTo(current.timeRangeTo().plusSeconds(1));
            LOG.warn("jitterbit: the export request for [{}, {}] is locked after an earlier failure (key {}); "
                    + "re-requesting it as a distinct request ending one second later, at {}, as Harmony recommends",
                    current.timeRangeFrom(), current.timeRangeTo(), key, distinct.timeRangeTo());
            current = distinct;
        }
    }

    /** Polls an export: its status, or (COMPLETE) the file, handed on open. */
    ExportStatus poll(String orgId, String key) {
        Answer answer = get(orgId, key);
        if (answer.file != null) {
            return ExportStatus.readyWithBody(LogExportStatus.COMPLETE, answer.file);
        }
        LogExportStatus s = answer.status;
        switch (s.status()) {
            case LogExportStatus.RECEIVED:
            case LogExportStatus.PROCESSING:
                return ExportStatus.pending(s.status());
            case LogExportStatus.COMPLETE:
                return ExportStatus.ready(s.status());
            case LogExportStatus.NO_DATA:
                return ExportStatus.empty(s.status());
            case LogExportStatus.ERROR:
                return ExportStatus.failed(s.status(), "Harmony could not generate the log file: "
                        + s.errorMessage().orElse("no reason given"));
            case LogExportStatus.INVALID:
                return ExportStatus.failed(s.status(), "Harmony does not know the reference key " + key
                        + " (unknown, or older than its 23 hours)");
            default:
                LOG.warn("jitterbit: unknown export status '{}' for key {}; polling on", s.status(), key);
                return ExportStatus.pending(s.status());
        }
    }

    /** Opens a COMPLETE export's file (the poll's body, or a new download) as entries. */
    CloseableIterator<JitterbitApiLogEntry> open(String orgId, String key, ExportStatus status, ZoneId clientTimeZone) {
        InputStream file = status.body().orElseGet(() -> {
            Answer again = get(orgId, key);
            if (again.file == null) {
                throw new AuditDataException("jitterbit: log-async reported " + again.status.status()
                        + " for key " + key + " but did not send the log file");
            }
            return again.file;
        });
        return entries(file, key, clientTimeZone);
    }

    /**
     * Downloads a COMPLETE export's file again from its start, after a read of it failed part-way.
     *
     * @return its entries; empty when Harmony no longer serves the file for that key (it
     *     answers a status instead, e.g. INVALID once the key's 23 hours are over, or 404)
     */
    Optional<CloseableIterator<JitterbitApiLogEntry>> reopen(String orgId, String key, ZoneId clientTimeZone) {
        Answer again;
        try {
            again = get(orgId, key);
        } catch (AuditNotFoundException gone) {
            LOG.info("jitterbit: the log file of key {} is gone (HTTP 404)", key);
            return Optional.empty();
        }
        if (again.file == null) {
            LOG.info("jitterbit: log-async answers {} for key {} instead of its log file", again.status.status(), key);
            return Optional.empty();
        }
        return Optional.of(entries(again.file, key, clientTimeZone));
    }

    private CloseableIterator<JitterbitApiLogEntry> entries(InputStream file, String key, ZoneId clientTimeZone) {
        Function<JsonNode, JitterbitApiLogEntry> toEntry = node -> JitterbitApiLogEntry.fromRecord(node, clientTimeZone);
        ReadLimits limits = transport.limits();
        SniffedBody sniffed = BodyFormat.sniff(file, limits, "the log file of key " + key);
        LOG.debug("jitterbit: reading the {} log file of key {}", sniffed.format(), key);
        return sniffed.entries(jsonArrayField, toEntry);
    }

    private LogExportStatus put(DebugLogsAsyncRequest request) {
        HttpRequestSpec spec = HttpRequestSpec.put(Endpoints.resolve(service, "api/analytics/debuglogs-async"))
                .header("Accept", "application/json")
                .jsonBody(request.toJson())
                .operation(Operation.SUBMIT).build();
        JsonNode answer = transport.sendForJson(spec); // read inside the attempt: a cut-off answer is asked for again
        try {
            return Json.mapper().treeToValue(answer, LogExportStatus.class);
        } catch (IOException e) {
            throw new AuditDataException("jitterbit: the answer of debuglogs-async is not {\"key\",\"status\"}: "
                    + Redactor.excerpt(answer.toString()), e);
        }
    }

    /** One answer of log-async: a status document, or the file (positioned at its start). */
    private Answer get(String orgId, String key) {
        requireSafeKey(key);
        HttpRequestSpec spec = HttpRequestSpec.get(Endpoints.resolve(service, "api/analytics/log-async/" + orgId + "/" + key))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .operation(Operation.STATUS).build();
        // the start of the answer is read inside the transport's attempt: a status document or the
        // head of a file cut short on the way is asked for again; the file itself stays open
        return transport.open(spec, result -> {
            SniffedBody sniffed = BodyFormat.sniff(result.body(), transport.limits(),
                    "the log-async answer for key " + key);
            if (sniffed.format() == BodyFormat.EMPTY) {
                sniffed.close();
                throw new AuditDataException("jitterbit: log-async answered an empty body for key " + key
                        + "; expected a status or the log file");
            }
            if (sniffed.format() != BodyFormat.JSON_OBJECT) {
                return new Answer(null, sniffed.body()); // the file (a zip of several files too)
            }
            InputStream body = sniffed.body().markSupported() ? sniffed.body()
                    : new BufferedInputStream(sniffed.body(), STATUS_PEEK + 1);
            Optional<LogExportStatus> status = statusDocument(body);
            if (status.isPresent()) {
                body.close();
                return new Answer(status.get(), null);
            }
            return new Answer(null, body);
        });
    }

    /** A status answer is one small object with a textual {@code status}; a one-record JSON file is not. */
    private static Optional<LogExportStatus> statusDocument(InputStream body) throws IOException {
        body.mark(STATUS_PEEK + 1);
        byte[] head = body.readNBytes(STATUS_PEEK + 1);
        body.reset();
        if (head.length > STATUS_PEEK) {
            return Optional.empty();
        }
        JsonNode node;
        try (JsonParser parser = Json.mapper().createParser(head)) {
            node = Json.mapper().readTree(parser);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.path("status").isTextual()) {
            return Optional.empty();
        }
        boolean looksLikeRecord = node.has("requestId") || node.has("requestid") || node.has("time");
        if (!node.has("key") && looksLikeRecord) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().treeToValue(node, LogExportStatus.class));
    }

    private static void requireSafeKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new AuditDataException("jitterbit: the export reference key has unexpected characters: "
                    + Redactor.excerpt(key));
        }
    }

    private static final class Answer {
        final LogExportStatus status;
        final InputStream file;

        Answer(LogExportStatus status, InputStream file) {
            this.status = status;
            this.file = file;
        }
    }
}
