package dev.auditsdk.core.paging;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.LateEntryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The delivery settings a source builder collects for every source ({@code lateness},
 * {@code lateEntryPolicy}, {@code settleLag}): the first two are handed to each
 * {@link DeliveryTracker} the source builds, the last is the source's
 * {@link dev.auditsdk.core.AuditLogSource#settleLag()}.
 */
public final class DeliveryOptions {
    private final Duration lateness;
    private final LateEntryPolicy lateEntries;
    private final Duration settleLag;

    private DeliveryOptions(Duration lateness, LateEntryPolicy lateEntries, Duration settleLag) {
        this.lateness = nonNegative(lateness, "lateness");
        this.lateEntries = Objects.requireNonNull(lateEntries, "lateEntries");
        this.settleLag = nonNegative(settleLag, "settleLag");
    }

    /**
     * @param lateness how far behind the newest delivered entry an entry may still turn up
     * @param lateEntries what to do with one that turns up later
     * @param settleLag how long after its time the vendor may still make an entry visible
     * @return the options
     * @throws IllegalArgumentException if a duration is negative
     */
    public static DeliveryOptions of(Duration lateness, LateEntryPolicy lateEntries, Duration settleLag) {
        return new DeliveryOptions(lateness, lateEntries, settleLag);
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return d;
    }

    /** @return how far behind the newest delivered entry an entry may still turn up */
    public Duration lateness() {
        return lateness;
    }

    /** @return what to do with an entry that turns up later than that */
    public LateEntryPolicy lateEntries() {
        return lateEntries;
    }

    /** @return how long after its time the vendor may still make an entry visible */
    public Duration settleLag() {
        return settleLag;
    }

    /**
     * @param query the query a stream serves
     * @return a tracker builder carrying these options (the caller may set the order)
     */
    public DeliveryTracker.Builder tracker(AuditLogQuery query) {
        return DeliveryTracker.builder(query).lateness(lateness).lateEntries(lateEntries);
    }

    @Override
    public String toString() {
        return "DeliveryOptions{lateness=" + lateness + ", lateEntries=" + lateEntries + ", settleLag=" + settleLag + "}";
    }
}
