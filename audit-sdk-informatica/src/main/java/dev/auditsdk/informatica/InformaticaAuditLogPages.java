package dev.auditsdk.informatica;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.json.BodyFormat;
import dev.auditsdk.core.spi.json.JsonArrayReader;
import dev.auditsdk.core.spi.json.SniffedBody;
import dev.auditsdk.core.spi.paging.OffsetPageFetcher;
import dev.auditsdk.informatica.model.InformaticaAuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.json.JsonTrees;

/**
 * The v2 audit log's page function, {@code GET {serverUrl}/api/v2/auditlog?batchId=&batchSize=}
 * (batch 0 is the newest), and the seek that finds where a range ending in the past starts.
 */
final class InformaticaAuditLogPages implements OffsetPageFetcher<InformaticaAuditEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(InformaticaAuditLogPages.class);
    private static final String PATH = "api/v2/auditlog";
    /**
     * Probes in a row, at growing positions, that may answer the very entry the probe before
     * answered before the seek concludes that the server ignores {@code batchId}. A healthy log
     * repeats an entry only if exactly as many entries are written as the probes are apart (and
     * the distance doubles each time): three in a row does not happen.
     */
    static final int SAME_ENTRY_PROBES_LIMIT = 3;

    private final InformaticaConnection client;

    /**
     * @param client the connection
     */
    InformaticaAuditLogPages(InformaticaConnection client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** @return {@code "batchId"}, the parameter that carries the position, for the pager's messages */
    @Override
    public String offsetParameter() {
        return "batchId";
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
        // read inside the transport's attempt: a batch cut short or stalled on the way is asked for again
        return client.read(spec, result -> {
            try (SniffedBody body = BodyFormat.sniff(result.body(), client.limits(), "informatica: " + where)) {
                if (body.format() == BodyFormat.JSON_OBJECT) {
                    throw errorObject(spec, body, where);
                }
                if (body.format() != BodyFormat.JSON_ARRAY) {
                    throw new AuditDataException("informatica: " + where + " of the audit log is not a JSON array but "
                            + body.format());
                }
                List<InformaticaAuditEntry> entries = new ArrayList<>(size);
                try (JsonArrayReader<InformaticaAuditEntry> reader =
                        JsonArrayReader.of(body.body(), null, InformaticaAuditEntry::of, client.limits())) {
                    reader.forEachRemaining(entries::add);
                } catch (AuditDataException e) {
                    throw new AuditDataException("informatica: " + where + " of the audit log: " + e.getMessage(), e.line(),
                            e.offset(), e);
                }
                LOG.trace("informatica: {} -> {} entries", where, entries.size());
                return entries;
            }
        });
    }

    /**
     * Finds a batch-aligned offset from which reading newest-first misses nothing older than
     * {@code to}: every entry before it is at or after {@code to}. Offsets only grow while the log
     * grows at its head, so the answer stays safe while entries are appended. Costs about
     * {@code 2 log2(n / size)} one-entry requests, where {@code n} is the number of entries at or
     * after {@code to}; one request when the newest batch already reaches {@code to}.
     *
     * <p>A server that ignores {@code batchId} answers the newest entry at every position, which
     * would make the search double its position forever (and overflow): the same entry answered
     * at {@value #SAME_ENTRY_PROBES_LIMIT} growing positions in a row after the first, or a
     * position beyond what a {@code long} can count, ends the seek with an
     * {@link AuditDataException} naming {@code batchId}, after at most
     * {@value #SAME_ENTRY_PROBES_LIMIT} + 1 requests in the first case.
     *
     * @param to the exclusive end of the range to read
     * @param size the batch size the pager will use, positive
     * @return the first offset to read, a multiple of {@code size}
     * @throws AuditDataException when the server answers as if it ignored {@code batchId}
     */
    long startOffset(Instant to, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        InformaticaAuditEntry first = entryAt(size - 1L);
        if (!atOrAfter(first, to)) {
            return 0;
        }
        long good = 1; // batches [0, good) hold only entries at or after `to`
        long bad = 2;
        String previousId = first.id();
        long sameSince = size - 1L; // the first position of the current run of identical answers
        int sameEntry = 0;
        int requests = 1;
        while (true) {
            long position = bad * size - 1; // no overflow: bad <= Long.MAX_VALUE / size, checked below
            InformaticaAuditEntry probe = entryAt(position);
            requests++;
            if (!atOrAfter(probe, to)) {
                break;
            }
            if (probe.id().equals(previousId)) {
                sameEntry++;
            } else {
                sameEntry = 0;
                sameSince = position;
            }
            if (sameEntry >= SAME_ENTRY_PROBES_LIMIT) {
                throw new AuditDataException("informatica: the audit log answered the same entry at each of the "
                        + (sameEntry + 1) + " positions probed from " + sameSince + " to " + position
                        + " (one-entry batches, batchId = position): the server seems to ignore the 'batchId' parameter,"
                        + " so where the range ending at " + to + " starts cannot be found; stopped after " + requests
                        + " requests instead of requesting forever");
            }
            previousId = probe.id();
            good = bad;
            if (bad > Long.MAX_VALUE / size / 2) {
                throw new AuditDataException("informatica: more than " + (bad * size) + " audit log entries are newer"
                        + " than " + to + ", which no log holds: the server seems to ignore the 'batchId' parameter;"
                        + " stopped after " + requests + " requests instead of requesting forever");
            }
            bad *= 2;
        }
        while (bad - good > 1) {
            long mid = good + (bad - good) / 2;
            if (atOrAfter(entryAt(mid * size - 1), to)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        LOG.debug("informatica: the first {} entries are newer than {}; reading from batch {}", good * size, to, good);
        return good * size;
    }

    /** The entry at {@code position} (a one-entry batch), or null past the end of the log. */
    private InformaticaAuditEntry entryAt(long position) {
        List<InformaticaAuditEntry> one = fetch(position, 1);
        return one.isEmpty() ? null : one.get(0);
    }

    /** Whether the entry exists and is at or after {@code to}. */
    private static boolean atOrAfter(InformaticaAuditEntry entry, Instant to) {
        return entry != null && !entry.timestamp().isBefore(to);
    }

    private RuntimeException errorObject(HttpRequestSpec spec, SniffedBody body, String where) {
        JsonNode node;
        try {
            node = JsonTrees.readTree(body.body(), client.limits(), "informatica: " + where + " of the audit log");
        } catch (AuditDataException e) {
            return new AuditDataException("informatica: " + where + " of the audit log is neither an array nor an error"
                    + " object", e);
        }
        AuditApiException error = InformaticaErrorDecoder.fromBody("informatica", spec.describe(), node);
        return error != null ? error
                : new AuditDataException("informatica: " + where + " of the audit log is a JSON object, not an array");
    }
}
