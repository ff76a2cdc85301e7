package dev.auditsdk.core.paging;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.LateEntryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The delivery settings a source builder collects for every source ({@code lateness},
 * {@code lateEntryPolicy}), handed to each {@link DeliveryTracker} the source builds.
 */
public final class DeliveryOptions {
    private final Duration lateness;
    private final LateEntryPolicy lateEntries;

    private DeliveryOptions(Duration lateness, LateEntryPolicy lateEntries) {
        this.lateness = Objects.requireNonNull(lateness, "lateness");
        this.lateEntries = Objects.requireNonNull(lateEntries, "lateEntries");
    }

    /**
     * @param lateness how far behind the newest delivered entry an entry may still turn up
     * @param lateEntries what to do with one that turns up later
     * @return the options
     */
    public static DeliveryOptions of(Duration lateness, LateEntryPolicy lateEntries) {
        return new DeliveryOptions(lateness, lateEntries);
    }

    /** @return how far behind the newest delivered entry an entry may still turn up */
    public Duration lateness() {
        return lateness;
    }

    /** @return what to do with an entry that turns up later than that */
    public LateEntryPolicy lateEntries() {
        return lateEntries;
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
        return "DeliveryOptions{lateness=" + lateness + ", lateEntries=" + lateEntries + "}";
    }
}
