package dev.auditsdk.kafka.connect;

import dev.auditsdk.registry.StreamDefinition;
import dev.auditsdk.registry.StreamsConfig;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's configuration: which streams to read (each a vendor API for one account,
 * under {@code streams.<id>.}), where to write them and in which format. The streams are read by
 * the registry's {@link StreamsConfig}, the definition {@code auditlog tail --config} uses too, so
 * one file serves both; this class adds the connector's keys ({@code topic}, {@code format},
 * {@code batch.max.entries}) and Kafka's view of every key: a vendor option {@code <name>} is the
 * key {@code streams.<id>.<name>}, secret options are of type {@link Type#PASSWORD} (so config
 * providers such as {@code ${env:...}} serve them and the REST API hides them). Every problem is
 * reported on the key it belongs to.
 */
public final class AuditLogConnectorConfig {
    /** The streams to read, by name: {@code streams=boomi-acme,uipath-eu}. */
    public static final String STREAMS = StreamsConfig.STREAMS;
    /** The topic records are written to, unless a stream names its own ({@code streams.<id>.topic}). */
    public static final String TOPIC = StreamsConfig.TOPIC;
    /** {@code ocsf}, {@code ndjson} (the normalized event, the default) or {@code raw} (the vendor's JSON). */
    public static final String FORMAT = "format";
    /** The most records one {@code poll()} returns. */
    public static final String BATCH_MAX_ENTRIES = "batch.max.entries";
    /** Per stream: the vendor, as {@code auditlog vendors} lists them. */
    public static final String VENDOR = StreamsConfig.VENDOR;
    /** Per stream: time between two reads once the stream is caught up (default {@code 60s}). */
    public static final String POLL_INTERVAL = StreamsConfig.POLL_INTERVAL;
    /** Per stream: where it starts when it has no offset yet, an ISO instant or date (UTC); for backfills. */
    public static final String FROM = StreamsConfig.FROM;
    /** Per stream: settle lag, the stream reads up to now minus this (default: the source's {@code settleLag()}). */
    public static final String LAG = StreamsConfig.LAG;
    /** Set by the connector in each task's configuration: the streams of that task. */
    static final String TASK_STREAMS = "task.streams";

    static final String DEFAULT_FORMAT = "ndjson";
    static final int DEFAULT_BATCH_MAX_ENTRIES = 500;

    private final List<StreamConfig> streams;
    private final RecordFormat format;
    private final int batchMaxEntries;

    private AuditLogConnectorConfig(List<StreamConfig> streams, RecordFormat format, int batchMaxEntries) {
        this.streams = Collections.unmodifiableList(new ArrayList<>(streams));
        this.format = format;
        this.batchMaxEntries = batchMaxEntries;
    }

    /** @return the keys every configuration has, without the per-stream ones */
    public static ConfigDef base() {
        return new ConfigDef()
                .define(STREAMS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Names of the streams to read, comma separated; each is configured under streams.<name>.")
                .define(TOPIC, Type.STRING, null, Importance.HIGH,
                        "Topic the records go to, unless a stream sets streams.<name>.topic.")
                .define(FORMAT, Type.STRING, DEFAULT_FORMAT, ConfigDef.ValidString.in(
                        RecordFormat.names().toArray(new String[0])), Importance.MEDIUM,
                        "Record value: ndjson (the normalized event), ocsf or raw (the vendor's JSON), as a JSON string.")
                .define(BATCH_MAX_ENTRIES, Type.INT, DEFAULT_BATCH_MAX_ENTRIES, ConfigDef.Range.between(1, 100_000),
                        Importance.LOW, "The most records one poll returns.");
    }

    /**
     * The full definition for a configuration: {@link #base()} plus the keys of each listed
     * stream, those of its vendor included. Their values are checked by {@link StreamsConfig}
     * (see {@link #validate}).
     *
     * @param props the configuration, to see which streams and vendors it has
     * @param registry the vendors
     * @return the definition
     */
    public static ConfigDef definition(Map<String, String> props, VendorRegistry registry) {
        ConfigDef def = base();
        for (String id : new LinkedHashSet<>(StreamsConfig.ids(props))) {
            if (!StreamsConfig.validId(id)) {
                continue;
            }
            String p = StreamsConfig.prefix(id);
            def.define(p + VENDOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Vendor of stream " + id + ": " + registry.all().stream().map(VendorPlugin::name)
                            .collect(Collectors.joining(", ")) + ".");
            def.define(p + POLL_INTERVAL, Type.STRING, StreamsConfig.DEFAULT_POLL_INTERVAL.getSeconds() + "s",
                    Importance.MEDIUM, "Time between two reads of stream " + id
                            + " once it is caught up: 500ms, 60s, 5m, 1h, 1d or PT1M.");
            def.define(p + FROM, Type.STRING, null, Importance.MEDIUM, "Where stream " + id + " starts when it has no"
                    + " offset: 2026-01-31T00:00:00Z or 2026-01-31 (UTC). Default: when the stream is first read.");
            def.define(p + LAG, Type.STRING, null, Importance.LOW,
                    "Settle lag of stream " + id + ": it reads up to now minus this. Default: the vendor's documented"
                    + " settle lag (AuditLogSource.settleLag()).");
            def.define(p + TOPIC, Type.STRING, null, Importance.LOW, "Topic of stream " + id + " instead of " + TOPIC + ".");
            StreamsConfig.vendor(props, id, registry).ifPresent(plugin -> {
                for (VendorOption o : plugin.options()) {
                    if (StreamsConfig.isStreamKey(o.name())) {
                        continue;
                    }
                    Object defaultValue = o.defaultValue().isPresent() ? o.defaultValue().get()
                            : o.required() ? ConfigDef.NO_DEFAULT_VALUE : null;
                    def.define(p + o.name(), o.secret() ? Type.PASSWORD : Type.STRING, defaultValue,
                            o.required() ? Importance.HIGH : Importance.MEDIUM, o.description());
                }
            });
        }
        return def;
    }

    /**
     * Validates a configuration key by key: the definition's checks, then {@link StreamsConfig}'s
     * (stream names, every {@code streams.} key, each stream's vendor settings as the vendor would
     * use them to build its source; no request is sent), then that every stream has a topic.
     *
     * @param props the configuration
     * @param registry the vendors
     * @return a value for every key, with the errors of each
     */
    public static Config validate(Map<String, String> props, VendorRegistry registry) {
        ConfigDef def = definition(props, registry);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigValue v : def.validate(props)) {
            values.put(v.name(), v);
        }
        StreamsConfig.problems(props, registry, Unattended::new).forEach((key, messages) -> {
            // a key Kafka already rejected (a required option missing) keeps Kafka's message only
            if (!values.containsKey(key) || values.get(key).errorMessages().isEmpty()) {
                messages.forEach(m -> error(values, key, secret(props, registry, key), named(key, m)));
            }
        });
        for (String id : new LinkedHashSet<>(StreamsConfig.ids(props))) {
            if (StreamsConfig.validId(id) && props.get(StreamsConfig.prefix(id) + TOPIC) == null
                    && props.get(TOPIC) == null) {
                error(values, TOPIC, null, "stream '" + id + "' has no topic: set " + TOPIC + " or "
                        + StreamsConfig.prefix(id) + TOPIC);
            }
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /**
     * Reads a configuration, as the connector and its tasks start.
     *
     * @param props the configuration
     * @param registry the vendors
     * @return the configuration
     * @throws ConfigException listing every key with a problem and what is wrong with it
     */
    public static AuditLogConnectorConfig parse(Map<String, String> props, VendorRegistry registry) {
        List<String> errors = new ArrayList<>();
        for (ConfigValue v : validate(props, registry).configValues()) {
            v.errorMessages().forEach(m -> errors.add(v.name() + ": " + m));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException("invalid audit log connector configuration: " + String.join("; ", errors));
        }
        Map<String, Object> parsed = base().parse(props);
        List<StreamConfig> streams = new ArrayList<>();
        for (StreamDefinition s : StreamsConfig.read(props, registry)) {
            String topic = s.delivery(TOPIC).orElse((String) parsed.get(TOPIC));
            streams.add(new StreamConfig(s, topic));
        }
        return new AuditLogConnectorConfig(streams, RecordFormat.parse((String) parsed.get(FORMAT)),
                (Integer) parsed.get(BATCH_MAX_ENTRIES));
    }

    /** @return the streams, in configuration order */
    List<StreamConfig> streams() {
        return streams;
    }

    /**
     * @param id a stream name
     * @return the stream
     * @throws org.apache.kafka.common.config.ConfigException when no stream has this name
     */
    StreamConfig stream(String id) {
        return streams.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new ConfigException(TASK_STREAMS, id, "no stream of this name is configured"));
    }

    RecordFormat format() {
        return format;
    }

    int batchMaxEntries() {
        return batchMaxEntries;
    }

    /**
     * Connect's refusal of a configuration lists the error messages without their keys: a stream
     * key's message names its key, as Kafka's own messages do.
     */
    private static String named(String key, String message) {
        return key.startsWith(STREAMS + ".") && !message.contains(key) ? key + ": " + message : message;
    }

    /** @return an empty password for the key of a secret option, so its value stays hidden; else null */
    private static Password secret(Map<String, String> props, VendorRegistry registry, String key) {
        for (String id : StreamsConfig.ids(props)) {
            String p = StreamsConfig.prefix(id);
            Optional<VendorPlugin> plugin = key.startsWith(p) ? StreamsConfig.vendor(props, id, registry) : Optional.empty();
            if (plugin.isPresent() && plugin.get().options().stream().anyMatch(o -> o.secret() && key.equals(p + o.name()))) {
                return new Password("");
            }
        }
        return null;
    }

    /** Adds an error to a key, creating its value (a secret's value stays hidden) if the definition has none. */
    private static void error(Map<String, ConfigValue> values, String key, Password hidden, String message) {
        values.computeIfAbsent(key, k -> new ConfigValue(k, hidden, new ArrayList<>(), new ArrayList<>()))
                .addErrorMessage(message);
    }
}
