package dev.auditsdk.kafka.connect;

import dev.auditsdk.core.Checkpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of this connector's source partitions and offsets: a partition is
 * {@code {"stream": <stream>, "vendor": <vendor>}}, an offset is
 * {@code {"checkpoint": <serialized Checkpoint>}}, the position after the record that carries it.
 * Connect finds an offset by the exact JSON of its partition, key order included, so partitions
 * always list their keys in alphabetical order, the order JSON tools that sort keys produce.
 */
final class SourceOffsets {
    static final String VENDOR = "vendor";
    static final String STREAM = "stream";
    static final String CHECKPOINT = "checkpoint";
    /**
     * The largest serialized checkpoint an offset takes: a quarter of Kafka's default 1 MB record
     * limit of the offsets topic, so that the record with its key and headers fits comfortably.
     */
    static final int MAX_CHECKPOINT_CHARS = 256 * 1024;

    private SourceOffsets() {
    }

    /**
     * @param vendor the stream's vendor
     * @param stream the stream's name in the connector configuration
     * @return the source partition
     */
    static Map<String, Object> partition(String vendor, String stream) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(STREAM, Objects.requireNonNull(stream, "stream"));
        p.put(VENDOR, Objects.requireNonNull(vendor, "vendor"));
        return Collections.unmodifiableMap(p);
    }

    /**
     * @param after the position after a record
     * @return the source offset
     * @throws IllegalStateException when the checkpoint is too large for an offset: better a
     *     clear failure of the task than a transaction the broker refuses
     */
    static Map<String, Object> offset(Checkpoint after) {
        String serialized = after.serialize();
        if (serialized.length() > MAX_CHECKPOINT_CHARS) {
            throw new IllegalStateException("the checkpoint after this entry serializes to " + serialized.length()
                    + " characters, more than an offset may hold (" + MAX_CHECKPOINT_CHARS + "); it remembers "
                    + after.deliveredIds().size() + " delivered ids");
        }
        return Collections.singletonMap(CHECKPOINT, serialized);
    }

    /**
     * Reads an offset back.
     *
     * @param offset a stored offset, or null when there is none
     * @return its checkpoint, empty when there is no offset
     * @throws IllegalArgumentException naming what is wrong, when the offset is not one of ours
     */
    static Optional<Checkpoint> checkpoint(Map<String, ?> offset) {
        if (offset == null) {
            return Optional.empty();
        }
        Object value = offset.get(CHECKPOINT);
        if (!(value instanceof String) || offset.size() != 1) {
            throw new IllegalArgumentException("an offset of this connector is {\"" + CHECKPOINT
                    + "\": \"<serialized checkpoint>\"} and nothing else, got keys " + offset.keySet());
        }
        try {
            return Optional.of(Checkpoint.parse((String) value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("offset '" + CHECKPOINT + "' is not a checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the shape of a source partition, the order of its keys included: Connect finds an
     * offset by the exact JSON of its partition, so {@code {"vendor": .., "stream": ..}} would be
     * stored beside the stream's real offset and never read.
     *
     * @param partition a partition given by a user (offsets REST API)
     * @return the stream it names
     * @throws IllegalArgumentException naming what is wrong
     */
    static String stream(Map<String, ?> partition) {
        String shape = "a source partition of this connector is {\"" + STREAM + "\": \"<stream>\", \"" + VENDOR
                + "\": \"<vendor>\"}, in this order (as GET /connectors/{name}/offsets shows it), got ";
        if (partition == null || !(partition.get(VENDOR) instanceof String) || !(partition.get(STREAM) instanceof String)
                || partition.size() != 2) {
            throw new IllegalArgumentException(shape + (partition == null ? "null" : partition.keySet()));
        }
        if (!new ArrayList<>(partition.keySet()).equals(List.of(STREAM, VENDOR))) {
            throw new IllegalArgumentException(shape + partition.keySet());
        }
        return (String) partition.get(STREAM);
    }
}
