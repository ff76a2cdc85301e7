package dev.auditsdk.boomi;

import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.time.Duration;
import java.time.Instant;

/**
 * Fails loudly when a query answer read with {@code resultOrder(NEWEST_FIRST)} stops being in
 * descending date order (beyond the source's lateness): a newest-first read recognizes what it
 * delivered by the oldest date so far, so an entry newer than that, arriving later, would be
 * taken for a re-read. Ascending reads need no guard: their delivery tracker judges late
 * entries itself.
 */
final class DescendingGuard extends AbstractCloseableIterator<BoomiAuditEntry> {
    private final CloseableIterator<BoomiAuditEntry> source;
    private final Duration lateness;
    private Instant oldest;
    private String oldestId;

    DescendingGuard(CloseableIterator<BoomiAuditEntry> source, Duration lateness) {
        this.source = source;
        this.lateness = lateness;
    }

    @Override
    protected BoomiAuditEntry computeNext() {
        if (!source.hasNext()) {
            return endOfData();
        }
        BoomiAuditEntry e = source.next();
        Instant t = e.timestamp();
        if (oldest != null && t.isAfter(oldest.plus(lateness))) {
            throw new AuditDataException("boomi: the AuditLog query returned entry " + e.id() + " dated " + t
                    + " after entry " + oldestId + " dated " + oldest + ", out of the descending date order of"
                    + " resultOrder(NEWEST_FIRST) by more than the lateness " + lateness + "; it stops instead of"
                    + " skipping entries (raise lateness, or use another resultOrder)");
        }
        if (oldest == null || t.isBefore(oldest)) {
            oldest = t;
            oldestId = e.id();
        }
        return e;
    }

    @Override
    protected void onClose() {
        source.close();
    }
}
