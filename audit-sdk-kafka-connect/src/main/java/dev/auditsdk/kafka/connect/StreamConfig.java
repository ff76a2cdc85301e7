package dev.auditsdk.kafka.connect;

import dev.auditsdk.registry.SettingNames;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One stream of the connector: one vendor API for one account, tenant or org, configured under
 * {@code streams.<id>.}: its vendor, the vendor's options, and how it is read (poll interval,
 * start time, settle lag, topic).
 */
final class StreamConfig {
    private final String id;
    private final VendorPlugin plugin;
    private final Map<String, String> values;
    private final Duration pollInterval;
    private final Instant from;
    private final Duration lag;
    private final String topic;

    StreamConfig(String id, VendorPlugin plugin, Map<String, String> values, Duration pollInterval, Instant from,
            Duration lag, String topic) {
        this.id = Objects.requireNonNull(id, "id");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.from = from;
        this.lag = lag;
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * @param id a stream name
     * @return the prefix of its keys, {@code streams.<id>.}
     */
    static String prefix(String id) {
        return AuditLogConnectorConfig.STREAMS + "." + id + ".";
    }

    String id() {
        return id;
    }

    VendorPlugin plugin() {
        return plugin;
    }

    /** @return the vendor settings, named in messages by their {@code streams.<id>.} keys */
    VendorSettings settings() {
        return settings(plugin, values, id);
    }

    static VendorSettings settings(VendorPlugin plugin, Map<String, String> values, String id) {
        Map<String, VendorSettings.Origin> origins = new LinkedHashMap<>();
        values.keySet().forEach(k -> origins.put(k, VendorSettings.Origin.CONFIG_FILE));
        return VendorSettings.resolved(plugin, values, origins, SettingNames.keys(prefix(id)));
    }

    Duration pollInterval() {
        return pollInterval;
    }

    /** @return where the stream starts when it has no offset yet */
    Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /**
     * @return how long entries are given to settle, when the stream sets it: the stream reads up
     *     to now minus this; otherwise the source's own {@code settleLag()}
     */
    Optional<Duration> lag() {
        return Optional.ofNullable(lag);
    }

    String topic() {
        return topic;
    }

    /** @return the source partition of this stream */
    Map<String, Object> partition() {
        return SourceOffsets.partition(plugin.name(), id);
    }

    /**
     * @return what identifies the account the vendor rate-limits: streams with the same domain
     *     share a limit and go to one task
     */
    String rateDomain() {
        VendorSettings settings = settings();
        StringJoiner domain = new StringJoiner("|", plugin.settingsPrefix() + "|", "");
        for (String option : plugin.rateLimitScope()) {
            domain.add(settings.get(option).orElse(""));
        }
        return domain.toString();
    }

    @Override
    public String toString() {
        return "stream '" + id + "' (" + plugin.name() + ")";
    }
}
