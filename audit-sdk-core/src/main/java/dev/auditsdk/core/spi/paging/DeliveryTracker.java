package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.LateEntryPolicy;
import dev.auditsdk.core.error.AuditDataException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.EntryOrder;

/**
 * Exactly-once delivery by identity, relative to a query's range and resume point, and the
 * {@link Checkpoint} of what was delivered. Vendor sources feed every entry they read through
 * it (usually via {@link PagedAuditLogStream}); re-reads from overlapping pages or windows,
 * entries outside {@code [from, to)} and entries the resume checkpoint already covers are skipped.
 *
 * <p>Use {@link #offer(Instant, String)} to decide and record in one step, or
 * {@link #isNew(Instant, String)} then {@link #markDelivered(Instant, String)} when an entry is
 * decided before it is handed out. Methods are thread-safe.
 *
 * <h2>{@link EntryOrder#OLDEST_FIRST} (default): entries arrive in ascending time</h2>
 * The tracker keeps the <em>watermark</em> (newest delivered timestamp), the <em>horizon</em>
 * ({@code watermark - lateness}, never before the query's start) and only the identities
 * delivered between them: with no lateness, just the identities at the watermark. An entry is
 * delivered if the query admits it, it is not older than the horizon, and its identity is not
 * recorded at its timestamp. The checkpoint is {@code (horizon, watermark, those identities)},
 * so a resumed run that re-reads from the horizon skips exactly what was delivered, including
 * entries sharing the watermark's timestamp. A {@code lateness} window accepts entries that
 * show up out of order by up to that much, at the cost of remembering the window's identities.
 *
 * <p>An entry older than the horizon is either a re-read of one delivered earlier in the run
 * (recognized by the identities of the last {@value #PASSED_IDS} entries that left the window,
 * and skipped) or one that arrived later than the lateness allows: that one is never skipped
 * in silence, but handled by the {@link LateEntryPolicy} ({@link LateEntryPolicy#FAIL} by
 * default: an {@link AuditDataException} naming it).
 *
 * <h2>{@link EntryOrder#NEWEST_FIRST}: read in windows, each from its newest entry down</h2>
 * A newest-first source reads the {@linkplain #windows() windows} the tracker lists, in that
 * order, each from its newest entry to its oldest (use {@link NewestFirstWindows}), and tells the
 * tracker when one is used up ({@link #windowRead()}); the last one ends with
 * {@link #rangeComplete()}. There are at most two: the part an earlier run left
 * {@linkplain Checkpoint#unread() unread}, then the rest of the query's range. Within a window,
 * re-reads are recognized against the oldest timestamp delivered so far ({@code low}) and the
 * identities at it. A window read part-way is "{@code (low, newest]} done, {@code [start, low]}
 * unread less the identities at {@code low}": the checkpoint holds the ordinary part (horizon,
 * watermark, identities of the lateness window) and that unread part, so its size is bounded by
 * the identities at two instants plus the lateness window however large the range, and
 * resuming reads only what is left. Memory is bounded the same way.
 *
 * <h2>{@link EntryOrder#UNORDERED}: the range is one unit</h2>
 * A source whose order is unknown recognizes re-reads by the identities delivered in this run.
 * Once it reports {@link #rangeComplete()}, the checkpoint is the newest part of the run, as in
 * ascending mode. Before that, older entries of the range may still be undelivered, so the
 * checkpoint keeps the query's start as its horizon and lists <em>every</em> identity delivered
 * in this run, up to {@link Builder#maxRememberedIds(int)}; beyond it the checkpoint stays at the
 * query's resume point (the interrupted run's entries would then be delivered again). Such a
 * source cannot be resumed exactly after an arbitrary stop: read its ranges to the end, or keep
 * them short.
 */
public final class DeliveryTracker {
    /** Default for {@link Builder#maxRememberedIds(int)}. */
    public static final int DEFAULT_MAX_REMEMBERED_IDS = 50_000;
    /** How many identities that left the lateness window are kept to recognize re-reads. */
    public static final int PASSED_IDS = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

    private final AuditLogQuery query;
    private final EntryOrder order;
    private final Duration lateness;
    private final LateEntryPolicy lateEntries;
    private final int maxRememberedIds;
    private final AuditLogListener listener;
    /** The newest time delivered in this run, as last told to the listener; null before the first entry. */
    private Instant announced;
    private final Checkpoint initial;
    private String cursor;
    private long delivered;

    /**
     * Delivered identities by timestamp, within [horizon, watermark]: those at the newest recorded
     * timestamp in {@code tailTime}/{@code tailIds}, older ones in {@code recent} (all its keys are
     * before {@code tailTime}). Ascending input with no lateness thus needs no map operation per
     * entry: each new timestamp replaces the tail.
     */
    private final TreeMap<Instant, Ids> recent = new TreeMap<>();
    private Instant tailTime;
    private Ids tailIds;
    /** Identities from the resume checkpoint whose time is not known yet (at most its watermark). */
    private final Set<String> seeded = new HashSet<>();
    private Instant seededUpTo;
    private Instant watermark;
    private Instant horizon;

    /** NEWEST_FIRST only: the windows to read, the one being read, and the oldest done timestamp in it with identities at it. */
    private final List<TimeWindow> windows;
    private int window;
    private final Checkpoint.Unread unreadAtStart;
    private Instant low;
    private final Set<String> idsAtLow = new HashSet<>();
    /** NEWEST_FIRST only: identities known delivered inside the window being read that it has not re-read yet. */
    private Set<String> deliveredBefore = new HashSet<>();
    /** UNORDERED only: every identity of this run while the range is incomplete; null past the cap. */
    private Set<String> runIds = new HashSet<>();
    private boolean complete;
    /** OLDEST_FIRST: identities that left the lateness window last, and entries delivered late. */
    private final PassedIds passed = new PassedIds(PASSED_IDS);

    private DeliveryTracker(Builder b) {
        this.query = b.query;
        this.order = b.order;
        this.lateness = b.lateness;
        this.lateEntries = b.lateEntries;
        this.maxRememberedIds = b.maxRememberedIds;
        this.listener = b.listener;
        this.initial = query.resumeFrom().orElseGet(() -> Checkpoint.startingAt(query.start()));
        this.cursor = initial.vendorCursor().orElse(null);
        if (query.start().isAfter(initial.watermark())) {
            watermark = query.start();
            horizon = query.start();
        } else {
            watermark = initial.watermark();
            horizon = max(initial.horizon(), query.start());
            // their times are unknown until re-read; the watermark bounds them, so they are kept while it is in the window
            seeded.addAll(initial.deliveredIds());
            seededUpTo = watermark;
        }
        if (order == EntryOrder.NEWEST_FIRST) {
            unreadAtStart = unreadPart(query, initial);
            windows = plan(query, initial, unreadAtStart);
            deliveredBefore.addAll(unreadAtStart != null ? unreadAtStart.deliveredIds() : initial.deliveredIds());
        } else {
            unreadAtStart = null;
            windows = query.start().isBefore(query.to()) ? List.of(TimeWindow.of(query.start(), query.to())) : List.of();
        }
    }

    /** The resume checkpoint's unread part, less what is before the query's {@code from} (the query does not want it). */
    private static Checkpoint.Unread unreadPart(AuditLogQuery query, Checkpoint initial) {
        Checkpoint.Unread unread = initial.unread().orElse(null);
        if (unread == null) {
            return null;
        }
        if (!query.to().isAfter(unread.through())) {
            throw new IllegalArgumentException("the resume checkpoint has entries still to read up to " + unread.through()
                    + ", at or after the query's end " + query.to() + ": resume with a later 'to'");
        }
        Instant from = query.from().filter(f -> f.isAfter(unread.from())).orElse(unread.from());
        return from.isAfter(unread.through()) ? null : Checkpoint.Unread.of(from, unread.through(), unread.deliveredIds());
    }

    private static List<TimeWindow> plan(AuditLogQuery query, Checkpoint initial, Checkpoint.Unread unread) {
        List<TimeWindow> plan = new ArrayList<>(2);
        if (unread != null) {
            plan.add(TimeWindow.of(unread.from(), unread.through().plusNanos(1)));
        }
        Instant start = max(query.from().orElse(Instant.MIN), initial.horizon());
        if (start.isBefore(query.to())) {
            plan.add(TimeWindow.of(start, query.to()));
        }
        return Collections.unmodifiableList(plan);
    }

    /**
     * A tracker for a source that delivers in ascending time, with no lateness window.
     *
     * @param query the query being served
     * @return the tracker
     */
    public static DeliveryTracker forQuery(AuditLogQuery query) {
        return builder(query).build();
    }

    /**
     * @param query the query being served: its range, resume checkpoint and limit
     * @return a builder
     */
    public static Builder builder(AuditLogQuery query) {
        return new Builder(query);
    }

    /** @return the query this tracker serves */
    public AuditLogQuery query() {
        return query;
    }

    /** @return the order the source delivers in */
    public EntryOrder order() {
        return order;
    }

    /**
     * The time windows a source reads, in this order: for {@link EntryOrder#NEWEST_FIRST}, the
     * part of the range an earlier run left unread (if any) and then the rest of the range, each
     * to be read newest first; otherwise the query's range as one window.
     *
     * @return one or two windows; empty when nothing is left to read
     */
    public List<TimeWindow> windows() {
        return windows;
    }

    /**
     * Tells the tracker that the source has read all of the current {@linkplain #windows() window}
     * and moves on to the next; after the last one, call {@link #rangeComplete()} instead.
     *
     * @throws IllegalStateException if no window follows the current one
     */
    public synchronized void windowRead() {
        if (window + 1 >= windows.size()) {
            throw new IllegalStateException("windowRead() after the last window: call rangeComplete()");
        }
        window++;
        low = null;
        idsAtLow.clear();
        deliveredBefore = new HashSet<>(initial.deliveredIds());
    }

    private boolean readingUnreadPart() {
        return unreadAtStart != null && window == 0;
    }

    /**
     * Decides and records in one step.
     *
     * @param timestamp the entry's time
     * @param id the entry's identity
     * @return true if the entry is to be delivered (it is now recorded as delivered); false to skip it
     */
    public synchronized boolean offer(Instant timestamp, String id) {
        if (!isNew(timestamp, id)) {
            return false;
        }
        markDelivered(timestamp, id);
        return true;
    }

    /**
     * Whether an entry is to be delivered; records nothing.
     *
     * @param timestamp the entry's time
     * @param id the entry's identity
     * @return true if the query admits it and it was not delivered yet
     */
    public synchronized boolean isNew(Instant timestamp, String id) {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(id, "id");
        if (!query.admits(timestamp, id)) {
            if (seeded.remove(id) && !timestamp.isBefore(horizon)) {
                record(timestamp, id);
            }
            if (order == EntryOrder.NEWEST_FIRST && deliveredBefore.remove(id) && inWindow(timestamp)) {
                trackLow(timestamp, id); // delivered by an earlier run: read down to it as if this run had
            }
            return skip(id, timestamp, "outside the query's range or already delivered before the resume point");
        }
        switch (order) {
            case NEWEST_FIRST:
                if (!inWindow(timestamp)) {
                    return skip(id, timestamp, "outside the window being read, " + windows.get(window));
                }
                if (low != null) {
                    int c = timestamp.compareTo(low);
                    if (c > 0 || (c == 0 && idsAtLow.contains(id))) {
                        return skip(id, timestamp, "already delivered in this run");
                    }
                }
                return true;
            case UNORDERED:
                if (runIds != null ? runIds.contains(id) : recentlyDelivered(timestamp, id)) {
                    return skip(id, timestamp, "already delivered in this run");
                }
                return true;
            default:
                if (timestamp.isAfter(watermark)) {
                    // ascending input, the common case: nothing is recorded after the watermark
                    return true;
                }
                if (timestamp.isBefore(horizon)) {
                    return passed.contains(id) ? skip(id, timestamp, "re-read after it left the window") : late(timestamp, id);
                }
                return recentlyDelivered(timestamp, id) ? skip(id, timestamp, "already delivered") : true;
        }
    }

    private boolean inWindow(Instant timestamp) {
        if (window >= windows.size()) {
            return false;
        }
        TimeWindow w = windows.get(window);
        return !timestamp.isBefore(w.start()) && timestamp.isBefore(w.end());
    }

    private boolean recentlyDelivered(Instant timestamp, String id) {
        Ids ids = timestamp.equals(tailTime) ? tailIds : recent.get(timestamp);
        return ids != null && ids.contains(id);
    }

    private void record(Instant timestamp, String id) {
        int c = tailTime == null ? 1 : timestamp.compareTo(tailTime);
        if (c == 0) {
            tailIds.add(id);
        } else if (c > 0 && (tailTime != null || recent.isEmpty() || timestamp.isAfter(recent.lastKey()))) {
            if (tailTime != null) {
                recent.put(tailTime, tailIds);
            }
            tailTime = timestamp;
            tailIds = new Ids(id);
        } else {
            Ids ids = recent.get(timestamp);
            if (ids == null) {
                recent.put(timestamp, new Ids(id));
            } else {
                ids.add(id);
            }
        }
    }

    private static boolean skip(String id, Instant timestamp, String why) {
        LOG.trace("skip {} at {}: {}", id, timestamp, why);
        return false;
    }

    private boolean late(Instant timestamp, String id) {
        String what = "entry " + id + " at " + timestamp + " arrived after " + delivered + " entries up to " + watermark
                + " were delivered: " + Duration.between(timestamp, watermark) + " behind, more than the lateness " + lateness;
        if (lateEntries == LateEntryPolicy.FAIL) {
            throw new AuditDataException(what + ". The checkpoint has moved past its time, so it can be neither delivered"
                    + " in order nor left for the next run: raise the source's lateness to at least that much, or set"
                    + " lateEntryPolicy(DELIVER) to deliver such entries out of order");
        }
        LOG.warn("{}; delivered out of order (lateEntryPolicy DELIVER)", what);
        return true;
    }

    /**
     * Records an entry as handed out; the checkpoint now covers it.
     *
     * @param timestamp the entry's time
     * @param id the entry's identity
     */
    public synchronized void markDelivered(Instant timestamp, String id) {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(id, "id");
        delivered++;
        listener.onEntryDelivered(timestamp);
        if (announced == null || timestamp.isAfter(announced)) {
            // not the tracker's watermark, which starts at the query's start or the checkpoint's:
            // an entry at exactly that instant is news to the listener too
            announced = timestamp;
            listener.onWatermark(timestamp);
        }
        if (timestamp.isAfter(watermark)) {
            // first: the horizon then drops what this entry supersedes before it is recorded (it
            // never drops this entry, which is at the new watermark)
            Instant before = horizon;
            watermark = timestamp;
            closeHorizon();
            if (!timestamp.isBefore(before)) {
                record(timestamp, id);
            }
        } else if (!timestamp.isBefore(horizon)) {
            record(timestamp, id);
        } else if (order == EntryOrder.OLDEST_FIRST) {
            passed.add(id); // delivered late: a re-read of it is recognized
        }
        if (order == EntryOrder.NEWEST_FIRST) {
            trackLow(timestamp, id);
        } else if (order == EntryOrder.UNORDERED) {
            trackRun(id);
        }
    }

    private void trackLow(Instant timestamp, String id) {
        if (low == null || timestamp.isBefore(low)) {
            low = timestamp;
            idsAtLow.clear();
        }
        if (timestamp.equals(low)) {
            idsAtLow.add(id);
        }
    }

    private void trackRun(String id) {
        if (runIds != null && !complete) {
            runIds.add(id);
            if (runIds.size() + initial.deliveredIds().size() > maxRememberedIds) {
                runIds = null;
                LOG.warn("more than {} entries delivered {} before the range was complete: until it is,"
                        + " the checkpoint stays at the query's resume point", maxRememberedIds, order);
            }
        }
    }

    /**
     * Tells the tracker the source has read its whole range (in {@link EntryOrder#NEWEST_FIRST}
     * mode, the last of its {@linkplain #windows() windows}): the checkpoint can then move to the
     * newest entry, with nothing left unread, and its horizon can close up to
     * {@code watermark - lateness} in every mode. The listener's watermark moves to the query's end.
     */
    public synchronized void rangeComplete() {
        complete = true;
        runIds = null;
        low = null;
        idsAtLow.clear();
        deliveredBefore.clear();
        // the whole range was read: resume ids not seen again are older than the range, and
        // everything before the watermark has been read, so only the lateness window stays open
        seeded.clear();
        closeHorizon();
        listener.onWatermark(query.to());
    }

    /**
     * Tells the tracker that reading its stream failed (the listener counts it); the checkpoint
     * still covers exactly what was delivered.
     *
     * @param error the failure about to reach the reader
     */
    public void readFailed(RuntimeException error) {
        listener.onFailure(Objects.requireNonNull(error, "error"));
    }

    private void closeHorizon() {
        horizon = max(horizon, watermark.minus(lateness));
        // polled one by one: cheaper than a head-map view per delivered entry, which this is
        while (!recent.isEmpty() && recent.firstKey().isBefore(horizon)) {
            pass(recent.pollFirstEntry().getValue());
        }
        if (tailTime != null && tailTime.isBefore(horizon)) {
            // the map's keys are all before the tail's, so the map is empty now too
            pass(tailIds);
            tailTime = null;
            tailIds = null;
        }
        if (seededUpTo != null && seededUpTo.isBefore(horizon)) {
            seeded.clear();
        }
    }

    private void pass(Ids ids) {
        if (order == EntryOrder.OLDEST_FIRST) {
            ids.forEach(passed::add);
        }
    }

    /**
     * @param vendorCursor a vendor position to store in the checkpoint (set it once the entries
     *     before that position have been handed out); null for none
     */
    public synchronized void vendorCursor(String vendorCursor) {
        this.cursor = vendorCursor;
    }

    /** @return how many entries were recorded as delivered */
    public synchronized long delivered() {
        return delivered;
    }

    /**
     * @return the position after everything recorded as delivered (the query's own resume point,
     *     or its start, before the first entry)
     */
    public synchronized Checkpoint checkpoint() {
        if (delivered == 0 && (unreadAtStart == null || (window == 0 && low == null && !complete))) {
            return Checkpoint.of(initial.horizon(), initial.watermark(), initial.deliveredIds(), cursor,
                    initial.unread().orElse(null));
        }
        if (order == EntryOrder.UNORDERED && !complete) {
            if (runIds == null) {
                return Checkpoint.of(initial.horizon(), initial.watermark(), initial.deliveredIds(), cursor);
            }
            Set<String> ids = new HashSet<>(initial.deliveredIds());
            ids.addAll(runIds);
            return Checkpoint.of(query.start(), watermark, ids, cursor);
        }
        Set<String> ids = new HashSet<>(seeded);
        recent.subMap(horizon, true, watermark, true).values().forEach(at -> at.addTo(ids));
        if (tailTime != null && !tailTime.isBefore(horizon) && !tailTime.isAfter(watermark)) {
            tailIds.addTo(ids);
        }
        if (order != EntryOrder.NEWEST_FIRST || complete) {
            return Checkpoint.of(horizon, watermark, ids, cursor);
        }
        return newestFirstCheckpoint(ids);
    }

    /** A newest-first read that has not finished: the ordinary part plus what is left unread. */
    private Checkpoint newestFirstCheckpoint(Set<String> ids) {
        Instant start = windows.isEmpty() ? horizon : windows.get(window).start();
        if (readingUnreadPart()) {
            if (low == null) {
                return Checkpoint.of(horizon, watermark, ids, cursor, unreadAtStart);
            }
            return Checkpoint.of(horizon, watermark, ids, cursor, Checkpoint.Unread.of(start, low, unreadIds()));
        }
        if (low == null) {
            return Checkpoint.of(horizon, watermark, ids, cursor);
        }
        if (low.isBefore(horizon)) {
            return Checkpoint.of(horizon, watermark, ids, cursor, Checkpoint.Unread.of(start, low, unreadIds()));
        }
        // the read stopped inside the lateness window, whose identities the ordinary part remembers:
        // what is before the window is unread
        Instant through = horizon.minusNanos(1);
        return through.isBefore(start) ? Checkpoint.of(horizon, watermark, ids, cursor)
                : Checkpoint.of(horizon, watermark, ids, cursor, Checkpoint.Unread.of(start, through, deliveredBefore));
    }

    private Set<String> unreadIds() {
        Set<String> ids = new HashSet<>(idsAtLow);
        ids.addAll(deliveredBefore);
        return ids;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The identities delivered at one timestamp: mostly one, so a set only once a second one arrives. */
    private static final class Ids {
        private final String first;
        private Set<String> more;

        Ids(String first) {
            this.first = first;
        }

        boolean contains(String id) {
            return first.equals(id) || (more != null && more.contains(id));
        }

        void add(String id) {
            if (!first.equals(id)) {
                if (more == null) {
                    more = new HashSet<>();
                }
                more.add(id);
            }
        }

        void addTo(Set<String> ids) {
            forEach(ids::add);
        }

        void forEach(java.util.function.Consumer<String> action) {
            action.accept(first);
            if (more != null) {
                more.forEach(action);
            }
        }
    }

    /** Configures a {@link DeliveryTracker}. */
    public static final class Builder {
        private final AuditLogQuery query;
        private EntryOrder order = EntryOrder.OLDEST_FIRST;
        private Duration lateness = Duration.ZERO;
        private LateEntryPolicy lateEntries = LateEntryPolicy.FAIL;
        private int maxRememberedIds = DEFAULT_MAX_REMEMBERED_IDS;
        private AuditLogListener listener = AuditLogListener.NONE;

        private Builder(AuditLogQuery query) {
            this.query = Objects.requireNonNull(query, "query");
        }

        /**
         * @param order the order the source delivers entries in; default {@link EntryOrder#OLDEST_FIRST}
         * @return this builder
         */
        public Builder order(EntryOrder order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * @param lateness how far behind the newest delivered entry a not-yet-delivered entry may
         *     still turn up (and be delivered, now or after a resume); default zero
         * @return this builder
         */
        public Builder lateness(Duration lateness) {
            Objects.requireNonNull(lateness, "lateness");
            if (lateness.isNegative()) {
                throw new IllegalArgumentException("lateness must not be negative, was " + lateness);
            }
            this.lateness = lateness;
            return this;
        }

        /**
         * @param policy what to do with an entry older than the horizon that is not a re-read
         *     ({@link EntryOrder#OLDEST_FIRST}); default {@link LateEntryPolicy#FAIL}
         * @return this builder
         */
        public Builder lateEntries(LateEntryPolicy policy) {
            this.lateEntries = Objects.requireNonNull(policy, "lateEntries");
            return this;
        }

        /**
         * @param maxRememberedIds in {@link EntryOrder#UNORDERED} mode, the most identities kept
         *     for an incomplete run; default {@value DeliveryTracker#DEFAULT_MAX_REMEMBERED_IDS}
         * @return this builder
         */
        public Builder maxRememberedIds(int maxRememberedIds) {
            if (maxRememberedIds <= 0) {
                throw new IllegalArgumentException("maxRememberedIds must be positive, was " + maxRememberedIds);
            }
            this.maxRememberedIds = maxRememberedIds;
            return this;
        }

        /**
         * @param listener told about each entry recorded as delivered, each advance of the
         *     watermark (and the query's end once the range is complete) and a failed read;
         *     default {@link AuditLogListener#NONE}
         * @return this builder
         */
        public Builder listener(AuditLogListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the tracker */
        public DeliveryTracker build() {
            return new DeliveryTracker(this);
        }
    }
}
