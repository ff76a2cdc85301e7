package dev.auditsdk.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What to read: the range {@code [from, to)}, or everything after a {@link Checkpoint}, with
 * an optional page-size hint and a limit.
 *
 * <pre>{@code
 * AuditLogQuery q = AuditLogQuery.builder()
 *         .from(Instant.parse("2026-01-01T00:00:00Z"))
 *         .to(Instant.parse("2026-01-02T00:00:00Z"))
 *         .build();
 * AuditLogQuery next = AuditLogQuery.builder().resumeFrom(stored).build();
 * }</pre>
 *
 * <p>Invalid combinations are rejected by {@code build()} with an
 * {@link IllegalArgumentException} naming the field.
 */
@Value.Immutable
public abstract class AuditLogQuery {

    /** @return a new builder */
    public static ImmutableAuditLogQuery.Builder builder() {
        return ImmutableAuditLogQuery.builder();
    }

    /**
     * @return the start of the range, inclusive. Optional only when {@link #resumeFrom()} is
     *     set; with both, entries must satisfy both
     */
    public abstract Optional<Instant> from();

    /**
     * @return the end of the range, exclusive; defaults to the moment the query is built minus
     *     the {@link #lag()}
     */
    @Value.Default
    public Instant to() {
        return Instant.now().minus(lag());
    }

    /**
     * @return how far before now a query without {@link #to()} ends, so that entries the vendor
     *     makes visible late are read by the next query instead of falling behind its
     *     checkpoint (use the source's {@link AuditLogSource#settleLag()}); default zero;
     *     ignored when {@code to} is set
     */
    @Value.Default
    public Duration lag() {
        return Duration.ZERO;
    }

    /** @return the checkpoint to continue after, from an earlier stream */
    public abstract Optional<Checkpoint> resumeFrom();

    /** @return a hint for how many entries to ask the vendor for per request; clamped to what it allows */
    public abstract OptionalInt pageSize();

    /** @return the most entries to deliver; the stream ends after that many */
    public abstract OptionalLong limit();

    /**
     * The earliest instant an entry may have to be delivered: {@link #from()}, or the
     * checkpoint's {@linkplain Checkpoint#earliest() earliest undelivered time}, whichever is later.
     *
     * @return the lower bound of what this query reads
     */
    @Value.Derived
    @Value.Auxiliary
    public Instant start() {
        Instant start = from().orElse(Instant.MIN);
        if (resumeFrom().isPresent() && resumeFrom().get().earliest().isAfter(start)) {
            start = resumeFrom().get().earliest();
        }
        return start;
    }

    /**
     * Whether an entry's identity and time pass this query's range and resume point.
     *
     * @param timestamp the entry's time
     * @param id the entry's identity
     * @return true when the entry is inside {@code [from, to)} and not already delivered per the checkpoint
     */
    public boolean admits(Instant timestamp, String id) {
        if (timestamp.isBefore(start()) || !timestamp.isBefore(to())) {
            return false;
        }
        // no lambda or Optional chain: this runs once per entry
        Optional<Checkpoint> resume = resumeFrom();
        return resume.isEmpty() || resume.get().admits(timestamp, id);
    }

    @Value.Check
    void check() {
        if (from().isEmpty() && resumeFrom().isEmpty()) {
            throw new IllegalArgumentException("AuditLogQuery: 'from' is required unless 'resumeFrom' is set");
        }
        if (from().isPresent() && !from().get().isBefore(to())) {
            throw new IllegalArgumentException(
                    "AuditLogQuery: 'from' (" + from().get() + ") must be before 'to' (" + to() + ")");
        }
        if (lag().isNegative()) {
            throw new IllegalArgumentException("AuditLogQuery: 'lag' must not be negative, was " + lag());
        }
        if (pageSize().isPresent() && pageSize().getAsInt() <= 0) {
            throw new IllegalArgumentException("AuditLogQuery: 'pageSize' must be positive, was " + pageSize().getAsInt());
        }
        if (limit().isPresent() && limit().getAsLong() <= 0) {
            throw new IllegalArgumentException("AuditLogQuery: 'limit' must be positive, was " + limit().getAsLong());
        }
    }
}
