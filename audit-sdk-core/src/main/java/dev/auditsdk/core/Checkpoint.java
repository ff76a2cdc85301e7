package dev.auditsdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A position in an audit log: everything up to it has been delivered. Opaque and
 * versioned; store it with {@link #serialize()} and read it back with {@link #parse(String)}.
 *
 * <p>It holds the <em>watermark</em> (the time of the newest entry delivered), the
 * <em>horizon</em> (the earliest time a not-yet-delivered entry may still turn up: the
 * watermark, or earlier when the source tracks an overlap window for late entries), the
 * identities of the entries already delivered between horizon and watermark, and an optional
 * vendor cursor. Resuming delivers exactly the entries at or after the horizon whose identity
 * is not in that set: entries that share the watermark's timestamp are neither lost nor repeated.
 *
 * <p>A source that reads newest first and stopped part-way (a limit, a failure) also leaves an
 * {@linkplain #unread() unread part}: a range {@code [from, through]} older than the horizon,
 * with the identities already delivered inside it (those at {@code through}, where the read
 * stopped, and any an earlier run delivered there). Everything between {@code through} and the
 * horizon was delivered. The size of a checkpoint is thus bounded by the identities at two
 * instants plus the lateness window, however large the range.
 */
public final class Checkpoint {
    /** The serialization format version this class writes. */
    public static final int VERSION = 1;
    /** The payload version written when the checkpoint has an {@linkplain #unread() unread part}. */
    private static final int VERSION_WITH_UNREAD = 2;
    private static final String PREFIX = "ck1.";

    private final Instant horizon;
    private final Instant watermark;
    private final Set<String> deliveredIds;
    private final String vendorCursor;
    private final Unread unread;

    private Checkpoint(Instant horizon, Instant watermark, Set<String> deliveredIds, String vendorCursor, Unread unread) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.watermark = Objects.requireNonNull(watermark, "watermark");
        if (watermark.isBefore(horizon)) {
            throw new IllegalArgumentException("Checkpoint: watermark " + watermark + " is before horizon " + horizon);
        }
        if (unread != null && !unread.through.isBefore(horizon)) {
            throw new IllegalArgumentException("Checkpoint: the unread part must end before the horizon " + horizon
                    + ", ends at " + unread.through);
        }
        this.deliveredIds = Collections.unmodifiableSet(new TreeSet<>(deliveredIds));
        this.vendorCursor = vendorCursor;
        this.unread = unread;
    }

    /**
     * The position before anything at or after {@code start} was delivered.
     *
     * @param start the first instant still to deliver
     * @return a checkpoint that admits every entry at or after {@code start}
     */
    public static Checkpoint startingAt(Instant start) {
        return new Checkpoint(start, start, Set.of(), null, null);
    }

    /**
     * A checkpoint with explicit parts; used by sources and the de-duplication helper.
     *
     * @param horizon the earliest time a not-yet-delivered entry may have
     * @param watermark the time of the newest delivered entry (not before {@code horizon})
     * @param deliveredIds identities of the entries delivered in {@code [horizon, watermark]}
     * @param vendorCursor a vendor position to continue from, or null
     * @return the checkpoint
     */
    public static Checkpoint of(Instant horizon, Instant watermark, Set<String> deliveredIds, String vendorCursor) {
        return new Checkpoint(horizon, watermark, Objects.requireNonNull(deliveredIds, "deliveredIds"), vendorCursor, null);
    }

    /**
     * A checkpoint of a newest-first read that stopped part-way: {@code [unread.from, unread.through]}
     * is still to be read, everything after it up to the watermark was delivered.
     *
     * @param horizon the earliest time a not-yet-delivered entry may have after the unread part
     * @param watermark the time of the newest delivered entry (not before {@code horizon})
     * @param deliveredIds identities of the entries delivered in {@code [horizon, watermark]}
     * @param vendorCursor a vendor position to continue from, or null
     * @param unread the part left unread, ending before {@code horizon}; null for none
     * @return the checkpoint
     */
    public static Checkpoint of(Instant horizon, Instant watermark, Set<String> deliveredIds, String vendorCursor,
            Unread unread) {
        return new Checkpoint(horizon, watermark, Objects.requireNonNull(deliveredIds, "deliveredIds"), vendorCursor, unread);
    }

    /** @return the time of the newest entry delivered (or the start, when none was) */
    public Instant watermark() {
        return watermark;
    }

    /** @return the earliest time at which an undelivered entry may still be found */
    public Instant horizon() {
        return horizon;
    }

    /** @return identities of the entries already delivered between horizon and watermark */
    public Set<String> deliveredIds() {
        return deliveredIds;
    }

    /**
     * @return the earliest time of an entry still to be delivered: the start of the
     *     {@linkplain #unread() unread part} if there is one, else the horizon
     */
    public Instant earliest() {
        return unread == null ? horizon : unread.from;
    }

    /** @return the part of the range a newest-first read left unread, if it stopped part-way */
    public Optional<Unread> unread() {
        return Optional.ofNullable(unread);
    }

    /** @return a vendor-specific position (page token, batch id), if the source keeps one */
    public Optional<String> vendorCursor() {
        return Optional.ofNullable(vendorCursor);
    }

    /**
     * Whether an entry is still to be delivered after this checkpoint. The delivered identities
     * only describe {@code [horizon, watermark]}: an entry after the watermark is new whatever
     * its identity, so a vendor that reuses ids over time (Jitterbit's {@code requestid}) loses
     * nothing.
     *
     * @param timestamp the entry's time
     * @param id the entry's identity
     * @return true if it is in the unread part or at or after the horizon and, at or before the
     *     watermark, was not delivered yet
     */
    public boolean admits(Instant timestamp, String id) {
        if (timestamp.isBefore(horizon)) {
            return unread != null && unread.contains(timestamp) && !unread.deliveredIds.contains(id);
        }
        return timestamp.isAfter(watermark) || !deliveredIds.contains(id);
    }

    /**
     * @return the checkpoint as an opaque, URL- and file-safe string
     */
    public String serialize() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("v", unread == null ? VERSION : VERSION_WITH_UNREAD);
        node.put("horizon", horizon.toString());
        node.put("watermark", watermark.toString());
        ArrayNode ids = node.putArray("ids");
        deliveredIds.forEach(ids::add);
        if (vendorCursor != null) {
            node.put("cursor", vendorCursor);
        }
        if (unread != null) {
            ObjectNode part = node.putObject("unread");
            part.put("from", unread.from.toString());
            part.put("through", unread.through.toString());
            ArrayNode partIds = part.putArray("ids");
            unread.deliveredIds.forEach(partIds::add);
        }
        try {
            byte[] json = Json.mapper().writeValueAsBytes(node);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize checkpoint", e);
        }
    }

    /**
     * Reads a checkpoint written by {@link #serialize()}.
     *
     * @param serialized the stored text
     * @return the checkpoint
     * @throws IllegalArgumentException if the text is not a checkpoint of a supported version
     */
    public static Checkpoint parse(String serialized) {
        Objects.requireNonNull(serialized, "serialized");
        String text = serialized.trim();
        if (!text.startsWith("ck")) {
            throw new IllegalArgumentException("not an audit-sdk checkpoint (expected it to start with 'ck1.')");
        }
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("unsupported checkpoint version: '"
                    + text.substring(0, Math.min(6, text.length())) + "' (this SDK reads version " + VERSION + ")");
        }
        JsonNode node;
        try {
            byte[] json = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
            node = Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("corrupt checkpoint: its payload is not valid base64 JSON", e);
        }
        int version = node == null ? -1 : node.path("v").asInt(-1);
        if (version != VERSION && version != VERSION_WITH_UNREAD) {
            throw new IllegalArgumentException("unsupported checkpoint payload version: " + (node == null ? null : node.path("v"))
                    + " (this SDK reads " + VERSION + " and " + VERSION_WITH_UNREAD + ")");
        }
        try {
            JsonNode cursor = node.get("cursor");
            Unread unread = null;
            if (version == VERSION_WITH_UNREAD) {
                JsonNode part = node.path("unread");
                if (!part.isObject()) {
                    throw new IllegalArgumentException("corrupt checkpoint: missing 'unread'");
                }
                unread = Unread.of(Instant.parse(required(part, "from")), Instant.parse(required(part, "through")), ids(part));
            }
            return new Checkpoint(Instant.parse(required(node, "horizon")), Instant.parse(required(node, "watermark")),
                    ids(node), cursor == null || cursor.isNull() ? null : cursor.asText(), unread);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("corrupt checkpoint: bad instant " + e.getParsedString(), e);
        }
    }

    private static Set<String> ids(JsonNode node) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode id : node.path("ids")) {
            ids.add(id.asText());
        }
        return ids;
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("corrupt checkpoint: missing '" + field + "'");
        }
        return v.asText();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Checkpoint)) {
            return false;
        }
        Checkpoint c = (Checkpoint) o;
        return horizon.equals(c.horizon) && watermark.equals(c.watermark) && deliveredIds.equals(c.deliveredIds)
                && Objects.equals(vendorCursor, c.vendorCursor) && Objects.equals(unread, c.unread);
    }

    @Override
    public int hashCode() {
        return Objects.hash(horizon, watermark, deliveredIds, vendorCursor, unread);
    }

    @Override
    public String toString() {
        return "Checkpoint{watermark=" + watermark + ", horizon=" + horizon + ", deliveredIds=" + deliveredIds.size()
                + (vendorCursor == null ? "" : ", vendorCursor=present") + (unread == null ? "" : ", unread=" + unread) + "}";
    }

    /**
     * The part of a range a newest-first read has not finished: {@code [from, through]}, both
     * inclusive, less the entries already delivered inside it.
     */
    public static final class Unread {
        private final Instant from;
        private final Instant through;
        private final Set<String> deliveredIds;

        private Unread(Instant from, Instant through, Set<String> deliveredIds) {
            this.from = Objects.requireNonNull(from, "from");
            this.through = Objects.requireNonNull(through, "through");
            if (through.isBefore(from)) {
                throw new IllegalArgumentException("Checkpoint.Unread: through " + through + " is before from " + from);
            }
            this.deliveredIds = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(deliveredIds, "deliveredIds")));
        }

        /**
         * @param from the first instant still to read, inclusive
         * @param through the last instant still to read, inclusive (where the read stopped)
         * @param deliveredIds identities inside {@code [from, through]} that were delivered already
         * @return the unread part
         */
        public static Unread of(Instant from, Instant through, Set<String> deliveredIds) {
            return new Unread(from, through, deliveredIds);
        }

        /** @return the first instant still to read, inclusive */
        public Instant from() {
            return from;
        }

        /** @return the last instant still to read, inclusive */
        public Instant through() {
            return through;
        }

        /** @return identities inside the part that were delivered already */
        public Set<String> deliveredIds() {
            return deliveredIds;
        }

        boolean contains(Instant timestamp) {
            return !timestamp.isBefore(from) && !timestamp.isAfter(through);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Unread)) {
                return false;
            }
            Unread u = (Unread) o;
            return from.equals(u.from) && through.equals(u.through) && deliveredIds.equals(u.deliveredIds);
        }

        @Override
        public int hashCode() {
            return Objects.hash(from, through, deliveredIds);
        }

        @Override
        public String toString() {
            return "[" + from + ", " + through + "] less " + deliveredIds.size() + " delivered";
        }
    }
}
