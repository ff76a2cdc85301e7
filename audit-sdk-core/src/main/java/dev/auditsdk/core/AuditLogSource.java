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

    /**
     * How long after its time the vendor may still make an entry visible, as this source
     * assumes it (no vendor publishes it: each module documents its default, and the source
     * builder's {@code settleLag(Duration)} changes it). A reader that keeps up with the log
     * reads up to {@code now} minus this ({@link AuditLogQuery#lag()}), so an entry indexed
     * late is still ahead of its checkpoint on the next read instead of behind it.
     *
     * @return the settle lag; zero when the vendor shows entries in time order at once
     */
    default java.time.Duration settleLag() {
        return java.time.Duration.ZERO;
    }

    /**
     * Whether a checkpoint taken after any stop (a limit, a failure, the caller closing the
     * stream) resumes with exactly the rest. True for sources that read in a known order; a
     * source reading in an order it cannot know (Boomi's {@code resultOrder(UNORDERED)}) can
     * only checkpoint a range read to its end exactly, so stopping it early is for callers who
     * accept re-delivery.
     *
     * @return true unless this source's reads must be completed to checkpoint exactly
     */
    default boolean resumesExactlyAfterAnyStop() {
        return true;
    }

    /** Releases what this source owns. Never throws for a failed best-effort logout. */
    @Override
    void close();
}
