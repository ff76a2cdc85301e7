package dev.auditsdk.kafka.connect;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A {@link SourceTaskContext} whose offsets live in a map (Kafka ships none for tests): commit a
 * record's offset with {@link #commit(SourceRecord)}, count the reads with {@link #reads()}.
 */
final class InMemoryOffsets implements SourceTaskContext, OffsetStorageReader {
    private final Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
    private final Map<String, String> configs;
    private final AtomicInteger reads = new AtomicInteger();

    InMemoryOffsets(Map<String, String> configs) {
        this.configs = configs;
    }

    /** Stores a record's offset as Connect does once the record is written. */
    @SuppressWarnings("unchecked")
    void commit(SourceRecord record) {
        offsets.put((Map<String, Object>) record.sourcePartition(), (Map<String, Object>) record.sourceOffset());
    }

    @SuppressWarnings("unchecked")
    void put(Map<String, Object> partition, Map<String, ?> offset) {
        offsets.put(partition, (Map<String, Object>) offset);
    }

    /** @return how many times the task read offsets */
    int reads() {
        return reads.get();
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return this;
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        reads.incrementAndGet();
        return offsets.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        reads.incrementAndGet();
        Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
        for (Map<String, T> p : partitions) {
            Map<String, Object> o = offsets.get(p);
            if (o != null) {
                out.put(p, o);
            }
        }
        return out;
    }
}
