package dev.auditsdk.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One stream of a streams configuration ({@link StreamsConfig}): one vendor API for one account,
 * tenant or org, configured under {@code streams.<id>.}: its vendor, the vendor's options, how it
 * is read (poll interval, start time, settle lag) and where it is delivered ({@code topic} for the
 * Kafka connector, {@code output} and {@code checkpoint} for {@code auditlog tail}).
 */
public final class StreamDefinition {
    private final String id;
    private final VendorPlugin plugin;
    private final Map<String, String> values;
    private final Duration pollInterval;
    private final Instant from;
    private final Duration lag;
    private final Map<String, String> delivery;

    StreamDefinition(String id, VendorPlugin plugin, Map<String, String> values, Duration pollInterval, Instant from,
            Duration lag, Map<String, String> delivery) {
        this.id = Objects.requireNonNull(id, "id");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.from = from;
        this.lag = lag;
        this.delivery = Collections.unmodifiableMap(new LinkedHashMap<>(delivery));
    }

    /** @return the stream's name, as listed in {@code streams} */
    public String id() {
        return id;
    }

    /** @return the vendor */
    public VendorPlugin plugin() {
        return plugin;
    }

    /** @return the vendor settings, named in messages by their {@code streams.<id>.} keys */
    public VendorSettings settings() {
        return StreamsConfig.settings(plugin, values, id);
    }

    /** @return the time between two reads once the stream is caught up */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** @return where the stream starts when it has no position yet */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /**
     * @return how long entries are given to settle, when the stream sets it: the stream reads up
     *     to now minus this; otherwise the source's own {@code settleLag()} applies
     */
    public Optional<Duration> lag() {
        return Optional.ofNullable(lag);
    }

    /**
     * @param key one of the delivery keys: {@link StreamsConfig#TOPIC}, {@link StreamsConfig#OUTPUT}
     *     or {@link StreamsConfig#CHECKPOINT}
     * @return its value for this stream, when set
     * @throws IllegalArgumentException for any other key
     */
    public Optional<String> delivery(String key) {
        if (!StreamsConfig.DELIVERY_KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a delivery key; they are "
                    + String.join(", ", StreamsConfig.DELIVERY_KEYS));
        }
        return Optional.ofNullable(delivery.get(key));
    }

    /** @return the prefix of this stream's keys, {@code streams.<id>.} */
    public String prefix() {
        return StreamsConfig.prefix(id);
    }

    /**
     * @return what identifies the account the vendor rate-limits (the values of the plugin's
     *     {@link VendorPlugin#rateLimitScope()}): streams with the same domain share a limit
     */
    public String rateDomain() {
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
