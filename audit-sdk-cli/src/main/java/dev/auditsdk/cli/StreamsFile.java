package dev.auditsdk.cli;

import dev.auditsdk.cli.output.OutputFormat;
import dev.auditsdk.registry.StreamDefinition;
import dev.auditsdk.registry.StreamsConfig;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The streams of a {@code tail --config} file: the registry's {@link StreamsConfig} (the format
 * the Kafka connector reads too) plus the command line's own keys, {@code format} and
 * {@code checkpoint.dir} at the top and {@code output} and {@code checkpoint} per stream. Relative
 * paths are taken from the file's directory. Keys of the connector ({@code topic}, ...) are
 * ignored, so one file serves both. The command line's keys of the streams are checked once the
 * shared keys are fine (which files a stream uses depends on them).
 */
final class StreamsFile {
    /** The record format of every stream: ndjson (default), raw, ocsf or csv. */
    static final String FORMAT = "format";
    /** The directory of the checkpoints of streams that name none: {@code <dir>/<stream>.checkpoint.json}. */
    static final String CHECKPOINT_DIR = "checkpoint.dir";

    private final OutputFormat format;
    private final List<Stream> streams;

    /** One stream to tail: its definition and the files it uses. */
    static final class Stream {
        private final StreamDefinition definition;
        private final Path checkpoint;
        private final Path output;

        Stream(StreamDefinition definition, Path checkpoint, Path output) {
            this.definition = Objects.requireNonNull(definition, "definition");
            this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
            this.output = output;
        }

        StreamDefinition definition() {
            return definition;
        }

        Path checkpoint() {
            return checkpoint;
        }

        /** @return the output file, or empty for stdout */
        Optional<Path> output() {
            return Optional.ofNullable(output);
        }
    }

    private StreamsFile(OutputFormat format, List<Stream> streams) {
        this.format = format;
        this.streams = Collections.unmodifiableList(new ArrayList<>(streams));
    }

    /**
     * @param props a config file's keys
     * @return true when it lists streams ({@code streams=}), rather than {@code <vendor>.<option>} settings
     */
    static boolean hasStreams(Properties props) {
        return props.containsKey(StreamsConfig.STREAMS);
    }

    /**
     * Reads and checks the file's streams.
     *
     * @param file the file, for messages and relative paths
     * @param props its keys
     * @param registry the vendors
     * @param contexts the context each stream's source is built with while checking
     * @return the streams
     * @throws VendorSettingException naming every key with a problem
     */
    static StreamsFile read(Path file, Properties props, VendorRegistry registry, Function<String, VendorContext> contexts) {
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        Map<String, List<String>> problems = new LinkedHashMap<>(StreamsConfig.problems(map, registry, contexts));
        OutputFormat format = OutputFormat.NDJSON;
        if (map.containsKey(FORMAT)) {
            try {
                format = OutputFormat.parse(map.get(FORMAT));
            } catch (IllegalArgumentException e) {
                add(problems, FORMAT, e.getMessage());
            }
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        List<Stream> streams = new ArrayList<>();
        Map<Path, String> used = new HashMap<>();
        if (problems.isEmpty()) {
            for (StreamDefinition s : StreamsConfig.read(map, registry)) {
                String p = s.prefix();
                Optional<Path> checkpoint = s.delivery(StreamsConfig.CHECKPOINT).map(base::resolve)
                        .or(() -> Optional.ofNullable(map.get(CHECKPOINT_DIR)).filter(d -> !d.isBlank())
                                .map(d -> base.resolve(d.trim()).resolve(s.id() + ".checkpoint.json")));
                Path output = s.delivery(StreamsConfig.OUTPUT).map(base::resolve).map(Path::normalize).orElse(null);
                if (checkpoint.isEmpty()) {
                    add(problems, p + StreamsConfig.CHECKPOINT, "missing: set " + p + StreamsConfig.CHECKPOINT
                            + "=FILE, or " + CHECKPOINT_DIR + "=DIR for DIR/" + s.id() + ".checkpoint.json");
                } else {
                    once(problems, used, checkpoint.get().normalize(), p + StreamsConfig.CHECKPOINT, s.id());
                }
                if (output == null && format == OutputFormat.CSV) {
                    add(problems, p + StreamsConfig.OUTPUT, "missing: csv records cannot name their stream on a shared"
                            + " stdout; give each stream its own output file, or use format=ndjson, raw or ocsf");
                } else if (output != null) {
                    once(problems, used, output, p + StreamsConfig.OUTPUT, s.id());
                }
                checkpoint.ifPresent(c -> streams.add(new Stream(s, c.normalize(), output)));
            }
        }
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>();
            problems.forEach((key, messages) -> messages.forEach(m -> lines.add(key + ": " + m)));
            throw new VendorSettingException("--config " + file + ": " + String.join("; ", lines));
        }
        return new StreamsFile(format, streams);
    }

    OutputFormat format() {
        return format;
    }

    List<Stream> streams() {
        return streams;
    }

    /** Two streams writing one file would corrupt it: each file belongs to one stream. */
    private static void once(Map<String, List<String>> problems, Map<Path, String> used, Path path, String key,
            String stream) {
        String other = used.putIfAbsent(path, stream);
        if (other != null) {
            add(problems, key, path + " is also used by stream '" + other + "'; every stream needs its own");
        }
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }
}
