package dev.auditsdk.core.source;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The base of every vendor's {@code XxxAuditLogSource}: what all sources do the same way.
 *
 * <ul>
 * <li>{@link #fetch} checks the query and refuses to start once the source is closed
 *     ({@link IllegalStateException}), then asks the vendor module to {@link #read} it;</li>
 * <li>{@link #close} runs {@link #release} once, however often and from however many threads it is
 *     called;</li>
 * <li>{@link #toString} is {@code XxxAuditLogSource{<settings>}} with the vendor module's
 *     {@link #settings()}, which never include a secret.</li>
 * </ul>
 *
 * @param <E> the vendor's typed entry
 */
public abstract class AbstractAuditLogSource<E extends AuditLogEntry> implements AuditLogSource<E> {
    private final AtomicBoolean closed = new AtomicBoolean();

    /** For vendor modules' sources. */
    protected AbstractAuditLogSource() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException if {@code query} is null
     * @throws IllegalStateException if this source is closed
     */
    @Override
    public final AuditLogStream<E> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        if (closed.get()) {
            throw new IllegalStateException("this " + getClass().getSimpleName() + " is closed");
        }
        return read(query);
    }

    /**
     * The vendor's read of {@code query}, lazily: nothing is requested until the stream is iterated.
     *
     * @param query the query, not null
     * @return the entries
     */
    protected abstract AuditLogStream<E> read(AuditLogQuery query);

    /** Releases what this source owns, once; later calls do nothing. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** @return whether {@link #close()} has been called */
    protected final boolean isClosed() {
        return closed.get();
    }

    /**
     * Releases what the source owns (an HTTP client it built, a vendor session: best effort,
     * never throwing for a failed logout). Called once.
     */
    protected abstract void release();

    /** @return the source's settings for {@link #toString()}, e.g. {@code "baseUrl=https://…, windowDays=1"}; no secrets */
    protected abstract String settings();

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "{" + settings() + "}";
    }
}
