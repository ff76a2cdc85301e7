package dev.auditsdk.uipath;

import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The entries of a classic audit log query, newest first, with the log's {@code totalCount}
 * as the API last reported it.
 */
public final class UiPathAuditLogStream implements AuditLogStream<UiPathAuditEntry> {
    private final AuditLogStream<UiPathAuditEntry> entries;
    private final Supplier<OptionalLong> totalCount;

    UiPathAuditLogStream(AuditLogStream<UiPathAuditEntry> entries, Supplier<OptionalLong> totalCount) {
        this.entries = entries;
        this.totalCount = totalCount;
    }

    /** @return the entries; callable once */
    @Override
    public Iterator<UiPathAuditEntry> iterator() {
        return entries.iterator();
    }

    @Override
    public Stream<UiPathAuditEntry> stream() {
        return entries.stream();
    }

    @Override
    public Checkpoint checkpoint() {
        return entries.checkpoint();
    }

    /**
     * @return how many entries the whole log (not the query's range) held at the latest request;
     *     empty before the first request or if the API did not say
     */
    public OptionalLong totalCount() {
        return totalCount.get();
    }

    @Override
    public void close() {
        entries.close();
    }
}
