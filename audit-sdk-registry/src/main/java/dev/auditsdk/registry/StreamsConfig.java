package dev.auditsdk.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one definition of a streams configuration, read alike by the Kafka connector and by
 * {@code auditlog tail --config}, so a configuration moves from one machine to a cluster
 * unchanged. A flat map of keys:
 *
 * <pre>
 * streams=boomi-acme,uipath-eu
 * streams.boomi-acme.vendor=boomi
 * streams.boomi-acme.account-id=acme-A1B2C3
 * streams.boomi-acme.poll.interval=5m
 * streams.uipath-eu.vendor=uipath-unified
 * ...
 * </pre>
 *
 * <p>Each stream has its vendor ({@code vendor}), the vendor's options under their option names,
 * {@code poll.interval}, {@code from}, {@code lag}, and the delivery keys {@code topic} (read by
 * the connector), {@code output} and {@code checkpoint} (read by the command line); a reader
 * ignores the delivery keys of the other. Keys outside {@code streams.} belong to the reader.
 * Every problem is reported on the key it belongs to, without a secret value.
 */
public final class StreamsConfig {
    /** The streams to read, by name: {@code streams=boomi-acme,uipath-eu}. */
    public static final String STREAMS = "streams";
    /** Per stream: the vendor, as {@code auditlog vendors} lists them. */
    public static final String VENDOR = "vendor";
    /** Per stream: time between two reads once the stream is caught up (default {@link #DEFAULT_POLL_INTERVAL}). */
    public static final String POLL_INTERVAL = "poll.interval";
    /** Per stream: where it starts when it has no position yet, an ISO instant or date (UTC). */
    public static final String FROM = "from";
    /** Per stream: settle lag, the stream reads up to now minus this (default: the source's {@code settleLag()}). */
    public static final String LAG = "lag";
    /** Per stream, for the Kafka connector: the topic of its records. */
    public static final String TOPIC = "topic";
    /** Per stream, for {@code auditlog tail}: the file its records go to (default stdout). */
    public static final String OUTPUT = "output";
    /** Per stream, for {@code auditlog tail}: its checkpoint file. */
    public static final String CHECKPOINT = "checkpoint";
    /** The poll interval of a stream that sets none. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);

    static final Set<String> DELIVERY_KEYS = Set.of(TOPIC, OUTPUT, CHECKPOINT);
    private static final Set<String> STREAM_KEYS = Set.of(VENDOR, POLL_INTERVAL, FROM, LAG, TOPIC, OUTPUT, CHECKPOINT);
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private StreamsConfig() {
    }

    /**
     * @param id a stream name
     * @return the prefix of its keys, {@code streams.<id>.}
     */
    public static String prefix(String id) {
        return STREAMS + "." + id + ".";
    }

    /**
     * @param name a key under {@code streams.<id>.}, without the prefix
     * @return true when it is one of the keys every stream has, not a vendor option
     */
    public static boolean isStreamKey(String name) {
        return STREAM_KEYS.contains(name);
    }

    /**
     * @param id a stream name
     * @return true when it can be used in keys: letters, digits, {@code -} and {@code _}
     */
    public static boolean validId(String id) {
        return STREAM_ID.matcher(id).matches();
    }

    /**
     * @param props a configuration
     * @return the stream names listed in {@code streams}, in order (possibly with duplicates and invalid names)
     */
    public static List<String> ids(Map<String, String> props) {
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

    /**
     * @param props a configuration
     * @param id a stream name
     * @param registry the vendors
     * @return the stream's vendor, when its {@code vendor} key names a known one
     */
    public static Optional<VendorPlugin> vendor(Map<String, String> props, String id, VendorRegistry registry) {
        String name = props.get(prefix(id) + VENDOR);
        return name == null ? Optional.empty() : registry.find(name.trim());
    }

    /**
     * Reads a time as streams give it in {@code from}.
     *
     * @param value an ISO instant with {@code Z} or an offset, or a date (UTC midnight)
     * @return the instant
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Instant parseTime(String value) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: use an ISO instant with Z or an offset"
                    + " (2026-01-31T12:00:00Z) or a date (2026-01-31, UTC midnight)");
        }
    }

    /**
     * Checks a configuration key by key: the stream list, every key under {@code streams.}, and for
     * each stream whose keys are fine its vendor settings, as the vendor would use them to build
     * its source (built and closed; no request is sent).
     *
     * @param props the configuration
     * @param registry the vendors
     * @param contexts the context a stream's source is built with, by stream name (no prompt is answered)
     * @return the problems, by key, in the order found; empty when the configuration is usable
     */
    public static Map<String, List<String>> problems(Map<String, String> props, VendorRegistry registry,
            Function<String, VendorContext> contexts) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<String> ids = ids(props);
        checkNames(props, ids, problems);
        for (String key : props.keySet()) {
            if (key.startsWith(STREAMS + ".") && ids.stream().noneMatch(id -> key.startsWith(prefix(id)))) {
                add(problems, key, "no stream of this name is listed in " + STREAMS);
            }
        }
        for (String id : new LinkedHashSet<>(ids)) {
            if (validId(id)) {
                checkStream(id, props, registry, contexts, problems);
            }
        }
        return problems;
    }

    /**
     * Reads a configuration that {@link #problems} found no problem in.
     *
     * @param props the configuration
     * @param registry the vendors
     * @return the streams, in the order listed
     * @throws VendorSettingException naming the key, when a value is not usable after all
     */
    public static List<StreamDefinition> read(Map<String, String> props, VendorRegistry registry) {
        List<StreamDefinition> streams = new ArrayList<>();
        for (String id : ids(props)) {
            String p = prefix(id);
            VendorPlugin plugin = vendor(props, id, registry)
                    .orElseThrow(() -> new VendorSettingException(p + VENDOR, p + VENDOR + ": no known vendor"));
            Map<String, String> delivery = new LinkedHashMap<>();
            for (String key : DELIVERY_KEYS) {
                value(props, p + key).ifPresent(v -> delivery.put(key, v));
            }
            streams.add(new StreamDefinition(id, plugin, vendorValues(plugin, id, props),
                    value(props, p + POLL_INTERVAL).map(v -> duration(p + POLL_INTERVAL, v, false))
                            .orElse(DEFAULT_POLL_INTERVAL),
                    value(props, p + FROM).map(v -> time(p + FROM, v)).orElse(null),
                    value(props, p + LAG).map(v -> duration(p + LAG, v, true)).orElse(null), delivery));
        }
        return streams;
    }

    /**
     * {@link #problems} then {@link #read}.
     *
     * @param props the configuration
     * @param registry the vendors
     * @param contexts the context a stream's source is built with, by stream name
     * @return the streams, in the order listed
     * @throws VendorSettingException listing every key with a problem and what is wrong with it
     */
    public static List<StreamDefinition> parse(Map<String, String> props, VendorRegistry registry,
            Function<String, VendorContext> contexts) {
        Map<String, List<String>> problems = problems(props, registry, contexts);
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>();
            problems.forEach((key, messages) -> messages.forEach(m -> lines.add(key + ": " + m)));
            throw new VendorSettingException(String.join("; ", lines));
        }
        return read(props, registry);
    }

    /** The settings of a stream's vendor, named in messages by their {@code streams.<id>.} keys. */
    static VendorSettings settings(VendorPlugin plugin, Map<String, String> values, String id) {
        Map<String, VendorSettings.Origin> origins = new LinkedHashMap<>();
        values.keySet().forEach(k -> origins.put(k, VendorSettings.Origin.CONFIG_FILE));
        return VendorSettings.resolved(plugin, values, origins, SettingNames.keys(prefix(id)));
    }

    private static void checkNames(Map<String, String> props, List<String> ids, Map<String, List<String>> problems) {
        if (ids.isEmpty()) {
            add(problems, STREAMS, props.containsKey(STREAMS) ? "list at least one stream, e.g. streams=boomi-acme"
                    : "missing: list the streams to read, e.g. streams=boomi-acme,uipath-eu");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (!validId(id)) {
                add(problems, STREAMS, "stream name '" + id + "' must be letters, digits, '-' and '_'");
            } else if (!seen.add(id)) {
                add(problems, STREAMS, "stream '" + id + "' is listed twice");
            }
        }
    }

    private static void checkStream(String id, Map<String, String> props, VendorRegistry registry,
            Function<String, VendorContext> contexts, Map<String, List<String>> problems) {
        String p = prefix(id);
        String vendorName = props.get(p + VENDOR);
        Optional<VendorPlugin> found = vendor(props, id, registry);
        if (vendorName == null || vendorName.trim().isEmpty()) {
            add(problems, p + VENDOR, "missing: the vendor of stream '" + id + "', one of " + known(registry));
        } else if (found.isEmpty()) {
            add(problems, p + VENDOR, "unknown vendor '" + vendorName.trim() + "'; known: " + known(registry));
        }
        value(props, p + POLL_INTERVAL).ifPresent(v -> check(problems, p + POLL_INTERVAL, () -> Durations.parse(v, false)));
        value(props, p + LAG).ifPresent(v -> check(problems, p + LAG, () -> Durations.parse(v, true)));
        value(props, p + FROM).ifPresent(v -> check(problems, p + FROM, () -> parseTime(v)));
        if (found.isEmpty()) {
            return; // which other keys are valid depends on the vendor
        }
        VendorPlugin plugin = found.get();
        Set<String> options = plugin.options().stream().map(VendorOption::name).collect(Collectors.toSet());
        for (String key : props.keySet()) {
            String name = key.startsWith(p) ? key.substring(p.length()) : null;
            if (name != null && !isStreamKey(name) && !options.contains(name)) {
                add(problems, key, "vendor " + plugin.name() + " has no option '" + name + "'; it has "
                        + plugin.options().stream().map(VendorOption::name).collect(Collectors.joining(", ")));
            }
        }
        VendorSettings settings = settings(plugin, vendorValues(plugin, id, props), id);
        for (String missing : settings.missingRequired()) {
            add(problems, p + missing, "missing: vendor " + plugin.name() + " needs it");
        }
        if (problems.keySet().stream().anyMatch(k -> k.startsWith(p))) {
            return; // the vendor would only repeat what the keys already say
        }
        try {
            // built and closed without a request: the settings are usable
            plugin.openSource(settings, contexts.apply(id)).close();
        } catch (VendorSettingException e) {
            add(problems, e.option().map(o -> p + o).orElse(p + VENDOR), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            add(problems, p + VENDOR, plugin.name() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> vendorValues(VendorPlugin plugin, String id, Map<String, String> props) {
        String p = prefix(id);
        Map<String, String> values = new LinkedHashMap<>();
        for (VendorOption o : plugin.options()) {
            value(props, p + o.name()).filter(v -> !isStreamKey(o.name())).ifPresent(v -> values.put(o.name(), v));
        }
        return values;
    }

    private static Optional<String> value(Map<String, String> props, String key) {
        String v = props.get(key);
        return v == null || v.trim().isEmpty() ? Optional.empty() : Optional.of(v.trim());
    }

    private static Duration duration(String key, String value, boolean zeroAllowed) {
        try {
            return Durations.parse(value, zeroAllowed);
        } catch (IllegalArgumentException e) {
            throw new VendorSettingException(key, key + ": " + e.getMessage());
        }
    }

    private static Instant time(String key, String value) {
        try {
            return parseTime(value);
        } catch (IllegalArgumentException e) {
            throw new VendorSettingException(key, key + ": " + e.getMessage());
        }
    }

    private static void check(Map<String, List<String>> problems, String key, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            add(problems, key, e.getMessage());
        }
    }

    private static String known(VendorRegistry registry) {
        return registry.all().stream().map(VendorPlugin::name).collect(Collectors.joining(", "));
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }
}
