package dev.auditsdk.core;

/**
 * What a source does with an entry that shows up further behind the newest delivered entry
 * than its {@code lateness} allows: the checkpoint has already moved past that time, so the
 * entry can be neither delivered in order nor left for a later run. It is never skipped in
 * silence; set the policy with the source builder's {@code lateEntryPolicy(...)}.
 */
public enum LateEntryPolicy {
    /**
     * Stop with an {@link dev.auditsdk.core.error.AuditDataException} naming the entry, its time
     * and how far behind it is (the default): raise the source's lateness to accept such
     * entries in order, or choose {@link #DELIVER}.
     */
    FAIL,
    /**
     * Deliver the entry now, out of order, and log a warning naming it. The checkpoint does not
     * move back for it (a resumed run does not read it again), and a re-read of it within the
     * run is still recognized.
     */
    DELIVER
}
