package dev.auditsdk.kafka.connect;

import dev.auditsdk.registry.Durations;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
 * under {@code streams.<id>.}), where to write them and in which format. The keys of each stream
 * come from the vendor registry, the definition the command line uses too: a vendor option
 * {@code <name>} is the key {@code streams.<id>.<name>}, secret options are of type
 * {@link Type#PASSWORD} (so config providers such as {@code ${env:...}} serve them and the REST
 * API hides them). Every problem is reported on the key it belongs to.
 */
public final class AuditLogConnectorConfig {
    /** The streams to read, by name: {@code streams=boomi-acme,uipath-eu}. */
    public static final String STREAMS = "streams";
    /** The topic records are written to, unless a stream names its own. */
    public static final String TOPIC = "topic";
    /** {@code ocsf}, {@code ndjson} (the normalized event, the default) or {@code raw} (the vendor's JSON). */
    public static final String FORMAT = "format";
    /** The most records one {@code poll()} returns. */
    public static final String BATCH_MAX_ENTRIES = "batch.max.entries";
    /** Per stream: the vendor, as {@code auditlog vendors} lists them. */
    public static final String VENDOR = "vendor";
    /** Per stream: time between two reads once the stream is caught up (default {@code 60s}). */
    public static final String POLL_INTERVAL = "poll.interval";
    /** Per stream: where it starts when it has no offset yet, an ISO instant or date (UTC); for backfills. */
    public static final String FROM = "from";
    /** Per stream: settle lag, the stream reads up to now minus this (default: the source's {@code settleLag()}). */
    public static final String LAG = "lag";
    /** Set by the connector in each task's configuration: the streams of that task. */
    static final String TASK_STREAMS = "task.streams";

    static final String DEFAULT_FORMAT = "ndjson";
    static final int DEFAULT_BATCH_MAX_ENTRIES = 500;
    static final String DEFAULT_POLL_INTERVAL = "60s";
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Set<String> STREAM_KEYS = Set.of(VENDOR, POLL_INTERVAL, FROM, LAG, TOPIC);

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
     * stream, those of its vendor included.
     *
     * @param props the configuration, to see which streams and vendors it has
     * @param registry the vendors
     * @return the definition
     */
    public static ConfigDef definition(Map<String, String> props, VendorRegistry registry) {
        ConfigDef def = base();
        for (String id : new LinkedHashSet<>(streamIds(props))) {
            if (!STREAM_ID.matcher(id).matches()) {
                continue;
            }
            String p = StreamConfig.prefix(id);
            def.define(p + VENDOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new VendorValidator(registry), Importance.HIGH,
                    "Vendor of stream " + id + ": " + registry.all().stream().map(VendorPlugin::name)
                            .collect(Collectors.joining(", ")) + ".");
            def.define(p + POLL_INTERVAL, Type.STRING, DEFAULT_POLL_INTERVAL, durationValidator(false), Importance.MEDIUM,
                    "Time between two reads of stream " + id + " once it is caught up: 500ms, 60s, 5m, 1h, 1d or PT1M.");
            def.define(p + FROM, Type.STRING, null, (name, value) -> {
                if (value != null) {
                    parseTime(name, value.toString());
                }
            }, Importance.MEDIUM, "Where stream " + id + " starts when it has no offset: 2026-01-31T00:00:00Z or"
                    + " 2026-01-31 (UTC). Default: when the stream is first read.");
            def.define(p + LAG, Type.STRING, null, durationValidator(true), Importance.LOW,
                    "Settle lag of stream " + id + ": it reads up to now minus this. Default: the vendor's documented"
                    + " settle lag (AuditLogSource.settleLag()).");
            def.define(p + TOPIC, Type.STRING, null, Importance.LOW, "Topic of stream " + id + " instead of " + TOPIC + ".");
            vendor(props, id, registry).ifPresent(plugin -> {
                for (VendorOption o : plugin.options()) {
                    if (STREAM_KEYS.contains(o.name())) {
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
     * Validates a configuration key by key: the definition's checks, then for each stream its
     * vendor settings, as the vendor would use them to build its source (no request is sent).
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
        List<String> ids = streamIds(props);
        checkStreamNames(ids, values);
        for (String key : props.keySet()) {
            if (key.startsWith(STREAMS + ".") && !def.configKeys().containsKey(key) && !listed(key, ids)) {
                error(values, key, null, "no stream of this name is listed in " + STREAMS);
            }
        }
        for (String id : new LinkedHashSet<>(ids)) {
            if (STREAM_ID.matcher(id).matches()) {
                vendor(props, id, registry).ifPresent(plugin -> checkStream(id, plugin, props, def, values));
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
        Map<String, Object> parsed = definition(props, registry).parse(props);
        List<StreamConfig> streams = new ArrayList<>();
        for (String id : streamIds(props)) {
            String p = StreamConfig.prefix(id);
            VendorPlugin plugin = vendor(props, id, registry).orElseThrow();
            String topic = Optional.ofNullable((String) parsed.get(p + TOPIC)).orElse((String) parsed.get(TOPIC));
            Object from = parsed.get(p + FROM);
            streams.add(new StreamConfig(id, plugin, vendorValues(plugin, id, props),
                    Durations.parse((String) parsed.get(p + POLL_INTERVAL), false),
                    from == null ? null : parseTime(p + FROM, from.toString()),
                    parsed.get(p + LAG) == null ? null : Durations.parse((String) parsed.get(p + LAG), true), topic));
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

    /** @return the stream names listed in {@code streams}, in order (possibly with duplicates) */
    static List<String> streamIds(Map<String, String> props) {
        String list = props.get(STREAMS);
        List<String> ids = new ArrayList<>();
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.trim().isEmpty()) {
                    ids.add(s.trim());
                }
            }
        }
        return ids;
    }

    private static void checkStreamNames(List<String> ids, Map<String, ConfigValue> values) {
        if (values.containsKey(STREAMS) && !values.get(STREAMS).errorMessages().isEmpty()) {
            return;
        }
        if (ids.isEmpty()) {
            error(values, STREAMS, null, "list at least one stream, e.g. streams=boomi-acme");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (!STREAM_ID.matcher(id).matches()) {
                error(values, STREAMS, null, "stream name '" + id + "' must be letters, digits, '-' and '_'");
            } else if (!seen.add(id)) {
                error(values, STREAMS, null, "stream '" + id + "' is listed twice");
            }
        }
    }

    private static boolean listed(String key, List<String> ids) {
        return ids.stream().anyMatch(id -> key.startsWith(StreamConfig.prefix(id)));
    }

    private static void checkStream(String id, VendorPlugin plugin, Map<String, String> props, ConfigDef def,
            Map<String, ConfigValue> values) {
        String p = StreamConfig.prefix(id);
        for (String key : props.keySet()) {
            if (key.startsWith(p) && !def.configKeys().containsKey(key)) {
                error(values, key, null, "vendor " + plugin.name() + " has no option '" + key.substring(p.length())
                        + "'; it has " + plugin.options().stream().map(VendorOption::name).collect(Collectors.joining(", ")));
            }
        }
        boolean clean = values.entrySet().stream().filter(e -> e.getKey().startsWith(p) || e.getKey().equals(TOPIC))
                .allMatch(e -> e.getValue().errorMessages().isEmpty());
        if (props.get(p + TOPIC) == null && props.get(TOPIC) == null) {
            error(values, TOPIC, null, "stream '" + id + "' has no topic: set " + TOPIC + " or " + p + TOPIC);
        }
        if (!clean) {
            return; // the vendor would only repeat what the keys already say
        }
        try {
            // built and closed without a request: the settings are usable
            plugin.openSource(StreamConfig.settings(plugin, vendorValues(plugin, id, props), id), new Unattended(id))
                    .close();
        } catch (VendorSettingException e) {
            String key = e.option().map(o -> p + o).orElse(p + VENDOR);
            error(values, key, secret(plugin, key, p), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            error(values, p + VENDOR, null, plugin.name() + ": " + e.getMessage());
        }
    }

    private static Password secret(VendorPlugin plugin, String key, String prefix) {
        boolean secret = plugin.options().stream().anyMatch(o -> o.secret() && key.equals(prefix + o.name()));
        return secret ? new Password("") : null;
    }

    /** Adds an error to a key, creating its value (a secret's value stays hidden) if the definition has none. */
    private static void error(Map<String, ConfigValue> values, String key, Password hidden, String message) {
        values.computeIfAbsent(key, k -> new ConfigValue(k, hidden, new ArrayList<>(), new ArrayList<>()))
                .addErrorMessage(message);
    }

    private static Map<String, String> vendorValues(VendorPlugin plugin, String id, Map<String, String> props) {
        String p = StreamConfig.prefix(id);
        Map<String, String> values = new LinkedHashMap<>();
        for (VendorOption o : plugin.options()) {
            String v = props.get(p + o.name());
            if (v != null && !STREAM_KEYS.contains(o.name())) {
                values.put(o.name(), v.trim());
            }
        }
        return values;
    }

    private static Optional<VendorPlugin> vendor(Map<String, String> props, String id, VendorRegistry registry) {
        String name = props.get(StreamConfig.prefix(id) + VENDOR);
        return name == null ? Optional.empty() : registry.find(name.trim());
    }

    private static ConfigDef.Validator durationValidator(boolean zeroAllowed) {
        return (name, value) -> {
            if (value != null) {
                try {
                    Durations.parse(value.toString(), zeroAllowed);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }
        };
    }

    static Instant parseTime(String key, String value) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, value, "not a time: use an ISO instant with Z or an offset"
                    + " (2026-01-31T12:00:00Z) or a date (2026-01-31, UTC midnight)");
        }
    }

    /** Accepts the vendors of the registry, and says which they are otherwise. */
    private static final class VendorValidator implements ConfigDef.Validator {
        private final VendorRegistry registry;

        VendorValidator(VendorRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && registry.find(value.toString().trim()).isEmpty()) {
                throw new ConfigException(name, value, "unknown vendor; known: " + registry.all().stream()
                        .map(VendorPlugin::name).collect(Collectors.joining(", ")));
            }
        }

        @Override
        public String toString() {
            return registry.all().stream().map(VendorPlugin::name).collect(Collectors.joining(", "));
        }
    }
}
