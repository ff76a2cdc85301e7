package dev.auditsdk.core;

/**
 * One vendor's audit log. Built by the vendor module's {@code XxxAuditLogSource.builder()};
 * thread-safe and immutable once built. Closing it releases what it owns (an HTTP client it
 * built, a vendor session), never a caller-owned {@link java.net.http.HttpClient}.
 *
 * <pre>{@code
 * try (var entries = source.fetch(AuditLogQuery.builder().from(yesterday).build())) {
 *     for (var e : entries) { ... }
 *     store(entries.checkpoint());
 * }
 * }</pre>
 *
 * @param <E> the vendor's typed entry
 */
public interface AuditLogSource<E extends AuditLogEntry> extends AutoCloseable {

    /** @return the vendor's short name, e.g. {@code "boomi"}, {@code "lifecycle"} */
    String vendor();

    /**
     * Reads the entries of {@code [from, to)} (or after the query's checkpoint), lazily: no
     * request is made until the stream is iterated.
     *
     * @param query the range, resume point and limits
     * @return a single-use stream of entries, to be closed by the caller
     */
    AuditLogStream<E> fetch(AuditLogQuery query);

    /** Releases what this source owns. Never throws for a failed best-effort logout. */
    @Override
    void close();
}
