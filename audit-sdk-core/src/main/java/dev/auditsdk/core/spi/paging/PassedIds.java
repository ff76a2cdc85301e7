package dev.auditsdk.core.spi.paging;

import java.util.HashMap;
import java.util.Map;

/**
 * The last identities that left a {@link DeliveryTracker}'s lateness window, at most a fixed
 * number, oldest forgotten first, to recognize a re-read of one of them. Every delivered entry
 * of an ascending read passes through here, while a lookup happens only when an entry older than
 * the window arrives, which is rare: so an identity is added by one array store, and the hash
 * index over the ring is built at the first lookup only (then kept up to date). Before that,
 * nothing hashes the identities at all.
 *
 * <p>An identity is expected once (the tracker delivers each once); one added again takes a
 * second place while no index exists, and is then remembered until its newest copy is forgotten.
 * Not thread-safe: the tracker's lock guards it.
 */
final class PassedIds {
    private final String[] ring;
    /** Where the next identity goes; the oldest one once the ring is full. */
    private int next;
    /** Identity → its newest place in the ring; null until the first lookup. */
    private Map<String, Integer> index;

    /** @param capacity how many identities are remembered */
    PassedIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ring = new String[capacity];
    }

    /** @param id an identity that left the window; the oldest remembered one is forgotten when full */
    void add(String id) {
        if (index != null) {
            Integer at = index.get(id);
            if (at != null) {
                return; // already remembered
            }
            String forgotten = ring[next];
            Integer place = forgotten == null ? null : index.get(forgotten);
            if (place != null && place == next) {
                index.remove(forgotten);
            }
            index.put(id, next);
        }
        ring[next] = id;
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    /**
     * @param id an identity
     * @return whether it is among the remembered ones
     */
    boolean contains(String id) {
        if (index == null) {
            index = new HashMap<>(ring.length * 4 / 3 + 1);
            // oldest first, so the newest place of an identity added twice wins
            for (int i = 0; i < ring.length; i++) {
                int at = (next + i) % ring.length;
                if (ring[at] != null) {
                    index.put(ring[at], at);
                }
            }
        }
        return index.containsKey(id);
    }
}
