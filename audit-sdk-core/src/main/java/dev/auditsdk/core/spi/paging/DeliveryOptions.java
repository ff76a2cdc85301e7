package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.LateEntryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The delivery settings a source builder collects for every source ({@code lateness},
 * {@code lateEntryPolicy}, {@code settleLag}): the first two are handed to each
 * {@link DeliveryTracker} the source builds, the last is the source's
 * {@link dev.auditsdk.core.AuditLogSource#settleLag()}. The source's {@link AuditLogListener}
 * travels with them to every tracker.
 */
public final class DeliveryOptions {
    private final Duration lateness;
    private final LateEntryPolicy lateEntries;
    private final Duration settleLag;
    private final AuditLogListener listener;

    private DeliveryOptions(Duration lateness, LateEntryPolicy lateEntries, Duration settleLag, AuditLogListener listener) {
        this.lateness = nonNegative(lateness, "lateness");
        this.lateEntries = Objects.requireNonNull(lateEntries, "lateEntries");
        this.settleLag = nonNegative(settleLag, "settleLag");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @param lateness how far behind the newest delivered entry an entry may still turn up
     * @param lateEntries what to do with one that turns up later
     * @param settleLag how long after its time the vendor may still make an entry visible
     * @return the options
     * @throws IllegalArgumentException if a duration is negative
     */
    public static DeliveryOptions of(Duration lateness, LateEntryPolicy lateEntries, Duration settleLag) {
        return new DeliveryOptions(lateness, lateEntries, settleLag, AuditLogListener.NONE);
    }

    /**
     * @param listener told about every entry delivered, the watermark and failed reads of the
     *     streams these options serve
     * @return a copy of these options with that listener
     */
    public DeliveryOptions withListener(AuditLogListener listener) {
        return new DeliveryOptions(lateness, lateEntries, settleLag, listener);
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

    /** @return the listener of the streams these options serve; {@link AuditLogListener#NONE} by default */
    public AuditLogListener listener() {
        return listener;
    }

    /**
     * @param query the query a stream serves
     * @return a tracker builder carrying these options (the caller may set the order)
     */
    public DeliveryTracker.Builder tracker(AuditLogQuery query) {
        return DeliveryTracker.builder(query).lateness(lateness).lateEntries(lateEntries).listener(listener);
    }

    @Override
    public String toString() {
        return "DeliveryOptions{lateness=" + lateness + ", lateEntries=" + lateEntries + ", settleLag=" + settleLag + "}";
    }
}
