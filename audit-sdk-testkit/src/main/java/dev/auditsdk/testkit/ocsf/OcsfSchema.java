package dev.auditsdk.testkit.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OCSF schema of one version, read from the files of the {@code ocsf/ocsf-schema}
 * repository ({@code dictionary.json}, {@code categories.json}, {@code version.json},
 * {@code events/}, {@code objects/}, {@code profiles/}, {@code includes/}) and resolved as the
 * OCSF server does:
 *
 * <ul>
 *   <li>{@code $include} merges the attributes of an include or profile file under the type's own
 *       (own definitions win); attributes that come from a profile carry {@code profile} unless the
 *       type overrides it (a class sets {@code "profile": null} to make one always available);</li>
 *   <li>{@code extends} merges the parent's attributes under the child's, field by field, and the
 *       parent's profiles and constraints unless the child declares its own constraints;</li>
 *   <li>each attribute is finally merged over its dictionary definition (type, enum, sibling).</li>
 * </ul>
 *
 * <p>{@link #bundled()} is OCSF 1.3.0, shipped in this jar; {@link #fromDirectory(Path)} reads a
 * checkout of the schema repository.
 */
public final class OcsfSchema {
    /** The OCSF version bundled with the testkit. */
    public static final String BUNDLED_VERSION = "1.3.0";
    private static final String BUNDLED_ROOT = "dev/auditsdk/testkit/ocsf/schema/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String version;
    private final ObjectNode dictionary;
    private final ObjectNode types;
    private final ObjectNode categories;
    private final Map<String, JsonNode> files;
    private final Map<String, JsonNode> events = new LinkedHashMap<>();
    private final Map<String, JsonNode> objects = new LinkedHashMap<>();
    private final Map<String, JsonNode> profiles = new LinkedHashMap<>();
    private final Map<Integer, String> classesByUid = new LinkedHashMap<>();
    private final Map<String, OcsfType> resolvedObjects = new ConcurrentHashMap<>();
    private final Map<Integer, OcsfEventClass> resolvedClasses = new ConcurrentHashMap<>();

    private OcsfSchema(Map<String, JsonNode> files) {
        this.files = files;
        this.version = require("version.json").path("version").asText();
        JsonNode dict = require("dictionary.json");
        this.dictionary = (ObjectNode) dict.path("attributes");
        this.types = (ObjectNode) dict.path("types").path("attributes");
        this.categories = (ObjectNode) require("categories.json").path("attributes");
        for (Map.Entry<String, JsonNode> f : files.entrySet()) {
            String name = f.getValue().path("name").asText(null);
            if (name == null) {
                continue;
            }
            if (f.getKey().startsWith("events/")) {
                events.put(name, f.getValue());
            } else if (f.getKey().startsWith("objects/")) {
                objects.put(name, f.getValue());
            } else if (f.getKey().startsWith("profiles/")) {
                profiles.put(name, f.getValue());
            }
        }
        for (String name : events.keySet()) {
            if (events.get(name).has("uid") || name.equals("base_event")) {
                classesByUid.put(classUid(name), name);
            }
        }
    }

    /**
     * @return the schema bundled with the testkit (OCSF {@value #BUNDLED_VERSION})
     * @throws IllegalStateException when the bundled files are missing from the class path
     */
    public static OcsfSchema bundled() {
        return bundled(BUNDLED_VERSION);
    }

    /**
     * @param version an OCSF version bundled with the testkit
     * @return that version's schema
     * @throws IllegalArgumentException when that version is not bundled
     */
    public static OcsfSchema bundled(String version) {
        String root = BUNDLED_ROOT + version + "/";
        List<String> paths = new ArrayList<>(List.of("version.json", "dictionary.json", "categories.json"));
        InputStream index = OcsfSchema.class.getClassLoader().getResourceAsStream(root + "files.txt");
        if (index == null) {
            throw new IllegalArgumentException("OCSF schema " + version + " is not bundled (bundled: " + BUNDLED_VERSION + ")");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            r.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(paths::add);
            Map<String, JsonNode> files = new LinkedHashMap<>();
            for (String path : paths) {
                try (InputStream in = OcsfSchema.class.getClassLoader().getResourceAsStream(root + path)) {
                    if (in == null) {
                        throw new IllegalStateException("bundled OCSF schema " + version + " lacks " + path);
                    }
                    files.put(path, MAPPER.readTree(in));
                }
            }
            return new OcsfSchema(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled OCSF schema " + version, e);
        }
    }

    /**
     * @param root a checkout of the {@code ocsf/ocsf-schema} repository (the files of one version)
     * @return its schema
     * @throws UncheckedIOException when a file cannot be read
     */
    public static OcsfSchema fromDirectory(Path root) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try {
            for (String top : List.of("version.json", "dictionary.json", "categories.json")) {
                files.put(top, MAPPER.readTree(root.resolve(top).toFile()));
            }
            for (String dir : List.of("events", "objects", "profiles", "includes")) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                    found = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
                }
                for (Path p : found) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), MAPPER.readTree(p.toFile()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OCSF schema in " + root, e);
        }
        return new OcsfSchema(files);
    }

    /** @return the schema's version, from {@code version.json} */
    public String version() {
        return version;
    }

    /**
     * @param classUid an OCSF {@code class_uid}
     * @return the resolved class, if the schema defines one with that uid
     */
    public Optional<OcsfEventClass> eventClass(int classUid) {
        String name = classesByUid.get(classUid);
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(resolvedClasses.computeIfAbsent(classUid, uid -> resolveClass(name, uid)));
    }

    /**
     * @param name an object name, e.g. {@code user}
     * @return the resolved object, if the schema defines it
     */
    public Optional<OcsfType> object(String name) {
        if (!objects.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(resolvedObjects.computeIfAbsent(name, n -> {
            JsonNode def = objects.get(n);
            Raw raw = raw(objects, n);
            return new OcsfType(n, def.path("caption").asText(n), enrich(raw.attributes), raw.profiles, raw.constraints);
        }));
    }

    /** @return the names of the profiles the schema defines */
    public Set<String> profileNames() {
        return Collections.unmodifiableSet(profiles.keySet());
    }

    /**
     * @param type a scalar type name, e.g. {@code email_t}
     * @return its definition from the dictionary ({@code type}, {@code regex}, {@code max_len}, ...), if any
     */
    Optional<JsonNode> scalarType(String type) {
        return Optional.ofNullable(types.get(type));
    }

    private OcsfEventClass resolveClass(String name, int classUid) {
        JsonNode def = events.get(name);
        Raw raw = raw(events, name);
        String category = category(name);
        JsonNode cat = categories.get(category);
        int categoryUid = cat == null ? 0 : cat.path("uid").asInt();
        String categoryCaption = cat == null ? "Uncategorized" : cat.path("caption").asText();
        OcsfType type = new OcsfType(name, def.path("caption").asText(name), enrich(raw.attributes), raw.profiles,
                raw.constraints);
        return new OcsfEventClass(type, classUid, categoryUid, categoryCaption);
    }

    private int classUid(String name) {
        if (!events.get(name).has("uid")) {
            return 0;
        }
        JsonNode cat = categories.get(category(name));
        int categoryUid = cat == null ? 0 : cat.path("uid").asInt();
        return categoryUid * 1000 + events.get(name).path("uid").asInt();
    }

    private String category(String name) {
        for (JsonNode def = events.get(name); def != null; def = events.get(def.path("extends").asText(""))) {
            if (def.has("category")) {
                return def.path("category").asText();
            }
        }
        return "other";
    }

    /** Attributes, profiles and constraints of a type with its ancestors merged in, before the dictionary. */
    private static final class Raw {
        final Map<String, ObjectNode> attributes;
        final Set<String> profiles;
        final Map<String, List<String>> constraints;

        Raw(Map<String, ObjectNode> attributes, Set<String> profiles, Map<String, List<String>> constraints) {
            this.attributes = attributes;
            this.profiles = profiles;
            this.constraints = constraints;
        }
    }

    private Raw raw(Map<String, JsonNode> defs, String name) {
        JsonNode def = defs.get(name);
        if (def == null) {
            throw new IllegalStateException("OCSF schema " + version + " has no definition named '" + name + "'");
        }
        Map<String, ObjectNode> attributes = new LinkedHashMap<>();
        Set<String> profileSet = new LinkedHashSet<>();
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        String parent = def.path("extends").asText(null);
        if (parent != null && defs.containsKey(parent) && !parent.equals(name)) {
            Raw p = raw(defs, parent);
            p.attributes.forEach((k, v) -> attributes.put(k, v.deepCopy()));
            profileSet.addAll(p.profiles);
            constraints.putAll(p.constraints);
        }
        ownAttributes(def).forEach((k, v) -> merge(attributes, k, v));
        def.path("profiles").forEach(p -> profileSet.add(p.asText()));
        if (def.has("constraints")) {
            constraints.clear();
            for (Iterator<Map.Entry<String, JsonNode>> it = def.get("constraints").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> c = it.next();
                List<String> names = new ArrayList<>();
                c.getValue().forEach(n -> names.add(n.asText()));
                constraints.put(c.getKey(), List.copyOf(names));
            }
        }
        return new Raw(attributes, profileSet, constraints);
    }

    /** A definition's own attributes, with its {@code $include} files merged underneath. */
    private Map<String, ObjectNode> ownAttributes(JsonNode def) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        JsonNode attributes = def.path("attributes");
        for (JsonNode path : attributes.path("$include")) {
            JsonNode included = require(path.asText());
            String profile = "profile".equals(included.path("meta").asText()) ? included.path("name").asText() : null;
            JsonNode annotations = included.path("annotations");
            for (Map.Entry<String, ObjectNode> a : ownAttributes(included).entrySet()) {
                ObjectNode copy = a.getValue().deepCopy();
                if (profile != null && !copy.has("profile")) {
                    copy.put("profile", profile);
                }
                annotations.fields().forEachRemaining(n -> {
                    if (!copy.has(n.getKey())) {
                        copy.set(n.getKey(), n.getValue());
                    }
                });
                merge(out, a.getKey(), copy);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> a = it.next();
            if (!a.getKey().equals("$include") && a.getValue().isObject()) {
                merge(out, a.getKey(), a.getValue().deepCopy());
            }
        }
        return out;
    }

    private Map<String, ObjectNode> enrich(Map<String, ObjectNode> attributes) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        attributes.forEach((name, def) -> {
            JsonNode base = dictionary.get(name);
            ObjectNode merged = base == null ? MAPPER.createObjectNode() : base.deepCopy();
            deepMerge(merged, def);
            out.put(name, merged);
        });
        return out;
    }

    private static void merge(Map<String, ObjectNode> into, String name, ObjectNode def) {
        ObjectNode existing = into.get(name);
        if (existing == null) {
            into.put(name, def);
        } else {
            deepMerge(existing, def);
        }
    }

    /** Merges {@code over} into {@code base}: objects field by field, anything else replaced (null included). */
    private static void deepMerge(ObjectNode base, JsonNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode current = base.get(f.getKey());
            if (current instanceof ObjectNode && f.getValue().isObject()) {
                deepMerge((ObjectNode) current, f.getValue());
            } else {
                base.set(f.getKey(), f.getValue().deepCopy());
            }
        }
    }

    private JsonNode require(String path) {
        JsonNode file = files.get(path);
        if (file == null) {
            throw new IllegalStateException("OCSF schema lacks " + path);
        }
        return file;
    }
}
