package dev.auditsdk.kafka.connect;

import dev.auditsdk.registry.StreamDefinition;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stream of the connector: its shared definition ({@link StreamDefinition}, the keys under
 * {@code streams.<id>.} that {@code auditlog tail --config} reads too) and the topic its records
 * go to.
 */
final class StreamConfig {
    private final StreamDefinition definition;
    private final String topic;

    StreamConfig(StreamDefinition definition, String topic) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    String id() {
        return definition.id();
    }

    VendorPlugin plugin() {
        return definition.plugin();
    }

    /** @return the vendor settings, named in messages by their {@code streams.<id>.} keys */
    VendorSettings settings() {
        return definition.settings();
    }

    Duration pollInterval() {
        return definition.pollInterval();
    }

    /** @return where the stream starts when it has no offset yet */
    Optional<Instant> from() {
        return definition.from();
    }

    /**
     * @return how long entries are given to settle, when the stream sets it: the stream reads up
     *     to now minus this; otherwise the source's own {@code settleLag()}
     */
    Optional<Duration> lag() {
        return definition.lag();
    }

    String topic() {
        return topic;
    }

    /** @return the source partition of this stream */
    Map<String, Object> partition() {
        return SourceOffsets.partition(plugin().name(), id());
    }

    /**
     * @return what identifies the account the vendor rate-limits: streams with the same domain
     *     share a limit and go to one task
     */
    String rateDomain() {
        return definition.rateDomain();
    }

    @Override
    public String toString() {
        return definition.toString();
    }
}
