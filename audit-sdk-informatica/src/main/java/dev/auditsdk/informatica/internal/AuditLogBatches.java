package dev.auditsdk.informatica.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.http.Endpoints;
import dev.auditsdk.core.http.HttpRequestSpec;
import dev.auditsdk.core.http.HttpResult;
import dev.auditsdk.core.json.BodyFormat;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.json.JsonArrayReader;
import dev.auditsdk.core.json.SniffedBody;
import dev.auditsdk.core.paging.OffsetPageFetcher;
import dev.auditsdk.informatica.model.InformaticaAuditEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v2 audit log's page function, {@code GET {serverUrl}/api/v2/auditlog?batchId=&batchSize=}
 * (batch 0 is the newest), and the seek that finds where a range ending in the past starts.
 */
public final class AuditLogBatches implements OffsetPageFetcher<InformaticaAuditEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogBatches.class);
    private static final String PATH = "api/v2/auditlog";

    private final InformaticaClient client;

    /**
     * @param client the connection
     */
    public AuditLogBatches(InformaticaClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * @param offset a multiple of {@code size}: the API reads whole batches
     * @param size the batch size
     * @return the batch's entries, newest first
     */
    @Override
    public List<InformaticaAuditEntry> fetch(long offset, int size) {
        if (offset % size != 0) {
            throw new IllegalArgumentException("the audit log is read in whole batches: offset " + offset
                    + " is not a multiple of the batch size " + size);
        }
        long batchId = offset / size;
        HttpRequestSpec spec = HttpRequestSpec.get(Endpoints.resolve(client.serverUrl(), PATH))
                .query("batchId", batchId)
                .query("batchSize", size)
                .header("Accept", "application/json")
                .build();
        String where = "batch " + batchId + " (batchSize " + size + ")";
        try (HttpResult result = client.send(spec); SniffedBody body = BodyFormat.sniff(result.body())) {
            if (body.format() == BodyFormat.JSON_OBJECT) {
                throw errorObject(spec, body, where);
            }
            if (body.format() != BodyFormat.JSON_ARRAY) {
                throw new AuditDataException("informatica: " + where + " of the audit log is not a JSON array but "
                        + body.format());
            }
            List<InformaticaAuditEntry> entries = new ArrayList<>(size);
            try (JsonArrayReader<InformaticaAuditEntry> reader =
                    JsonArrayReader.of(body.body(), null, InformaticaAuditEntry::of)) {
                reader.forEachRemaining(entries::add);
            } catch (AuditDataException e) {
                throw new AuditDataException("informatica: " + where + " of the audit log: " + e.getMessage(), e.line(),
                        e.offset(), e);
            }
            LOG.trace("informatica: {} -> {} entries", where, entries.size());
            return entries;
        }
    }

    /**
     * Finds a batch-aligned offset from which reading newest-first misses nothing older than
     * {@code to}: every entry before it is at or after {@code to}. Offsets only grow while the log
     * grows at its head, so the answer stays safe while entries are appended. Costs about
     * {@code 2 log2(n / size)} one-entry requests, where {@code n} is the number of entries at or
     * after {@code to}; one request when the newest batch already reaches {@code to}.
     *
     * @param to the exclusive end of the range to read
     * @param size the batch size the pager will use
     * @return the first offset to read, a multiple of {@code size}
     */
    public long startOffset(Instant to, int size) {
        if (!atOrAfter(size - 1L, to)) {
            return 0;
        }
        long good = 1; // batches [0, good) hold only entries at or after `to`
        long bad = 2;
        while (atOrAfter(bad * size - 1, to)) {
            good = bad;
            bad *= 2;
        }
        while (bad - good > 1) {
            long mid = good + (bad - good) / 2;
            if (atOrAfter(mid * size - 1, to)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        LOG.debug("informatica: the first {} entries are newer than {}; reading from batch {}", good * size, to, good);
        return good * size;
    }

    /** Whether the entry at {@code position} exists and is at or after {@code to}. */
    private boolean atOrAfter(long position, Instant to) {
        List<InformaticaAuditEntry> one = fetch(position, 1);
        return !one.isEmpty() && !one.get(0).timestamp().isBefore(to);
    }

    private static RuntimeException errorObject(HttpRequestSpec spec, SniffedBody body, String where) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body.body());
        } catch (IOException e) {
            return new AuditDataException("informatica: " + where + " of the audit log is neither an array nor an error"
                    + " object", e);
        }
        AuditApiException error = InformaticaErrorDecoder.fromBody("informatica", spec.describe(), node);
        return error != null ? error
                : new AuditDataException("informatica: " + where + " of the audit log is a JSON object, not an array");
    }
}
