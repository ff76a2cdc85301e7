package dev.auditsdk.lifecycle;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.json.JsonLinesReader;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.json.StableIdentity;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.io.InputStream;
import java.time.Instant;

/**
 * The one parser of IQ Server audit log text, shared by the REST source and the file reader:
 * JSON Lines, one event per line, in ascending time. Each line becomes a
 * {@link LifecycleAuditEntry}, read by a streaming parser straight from the line's bytes, whose
 * identity is the SHA-256 of those bytes as the server
 * wrote them plus its occurrence among identical lines ({@link StableIdentity#identify(byte[], int, int)}).
 * The server writes the same bytes to the REST body and to its {@code audit.log}, so both
 * readers derive the same identities; hashing the bytes as received also spares re-serializing
 * every line into a canonical form.
 *
 * <p>A line that is not a JSON event (an HTML page, a cut line) fails with
 * {@link AuditDataException} naming the line. Order is the delivery tracker's to judge: a line
 * further back in time than the source's lateness is handled by its late-entry policy.
 */
final class LifecycleAuditLogParser {
    /** Prefix of every derived identity. */
    static final String ID_PREFIX = "lc:";

    private LifecycleAuditLogParser() {
    }

    /**
     * @param body the text; closed with the iterator
     * @param identity numbers identical lines; one per sequential read
     * @param source names the body in error messages, e.g. a file name
     * @param window only entries in this window are returned (all lines are still read and
     *     numbered); null for all
     * @return the entries, lazily
     */
    static CloseableIterator<LifecycleAuditEntry> parse(InputStream body, StableIdentity identity,
            String source, TimeWindow window) {
        return parse(body, identity, source, window, ReadLimits.defaults());
    }

    /**
     * As {@link #parse(InputStream, StableIdentity, String, TimeWindow)}, with a line
     * bounded by {@code limits}' {@link ReadLimits#maxTreeBytes()}.
     */
    static CloseableIterator<LifecycleAuditEntry> parse(InputStream body, StableIdentity identity,
            String source, TimeWindow window, ReadLimits limits) {
        JsonLinesReader<LifecycleAuditEntry> lines = JsonLinesReader.ofLines(body,
                (value, line, offset, length) -> LifecycleAuditEntry.read(value, line, offset, length,
                        identity.identify(line, offset, length)), limits);
        return new InWindow(lines, window);
    }

    /** Passes the entries of the window through (every line is still read, so numbered and checked). */
    private static final class InWindow extends AbstractCloseableIterator<LifecycleAuditEntry> {
        private final JsonLinesReader<LifecycleAuditEntry> lines;
        private final Instant from;
        private final Instant to;

        InWindow(JsonLinesReader<LifecycleAuditEntry> lines, TimeWindow window) {
            this.lines = lines;
            this.from = window == null ? null : window.start();
            this.to = window == null ? null : window.end();
        }

        @Override
        protected LifecycleAuditEntry computeNext() {
            while (lines.hasNext()) {
                LifecycleAuditEntry entry = lines.next();
                Instant t = entry.timestamp();
                if (from == null || (!t.isBefore(from) && t.isBefore(to))) {
                    return entry;
                }
            }
            return endOfData();
        }

        @Override
        protected void onClose() {
            lines.close();
        }
    }
}
