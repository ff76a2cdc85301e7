package dev.auditsdk.testkit.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OCSF event class or object after resolution: its attributes with inheritance
 * ({@code extends}), includes ({@code $include}) and dictionary definitions merged in, the
 * profiles it supports and its constraints.
 */
public final class OcsfType {
    private final String name;
    private final String caption;
    private final Map<String, ObjectNode> attributes;
    private final Set<String> profiles;
    private final Map<String, List<String>> constraints;

    OcsfType(String name, String caption, Map<String, ObjectNode> attributes, Set<String> profiles,
            Map<String, List<String>> constraints) {
        this.name = name;
        this.caption = caption;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.profiles = Set.copyOf(profiles);
        this.constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
    }

    /** @return the schema name, e.g. {@code authentication}, {@code network_endpoint} */
    public String name() {
        return name;
    }

    /** @return the caption, e.g. {@code Authentication} */
    public String caption() {
        return caption;
    }

    /** @return every attribute by name, each a merged definition (type, requirement, enum, profile, ...) */
    public Map<String, ObjectNode> attributes() {
        return attributes;
    }

    /** @return the profiles this type can carry */
    public Set<String> profiles() {
        return profiles;
    }

    /** @return the constraints ({@code at_least_one}, {@code just_one}) by kind */
    public Map<String, List<String>> constraints() {
        return constraints;
    }

    /**
     * @param attribute an attribute name
     * @param value an enum value, as its JSON text
     * @return the caption of an enum value of the attribute, or {@code null} when it has none
     */
    String enumCaption(String attribute, String value) {
        ObjectNode def = attributes.get(attribute);
        JsonNode caption = def == null ? null : def.path("enum").path(value).get("caption");
        return caption == null ? null : caption.asText();
    }
}
