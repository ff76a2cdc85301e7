package dev.auditsdk.boomi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code AuditLogProperty} of an entry: a named value and, for changes, the value before.
 * Entries from before June 2016 carry a property {@code version} with an integer value, which
 * is kept here as its decimal text.
 */
@Value.Immutable
public abstract class AuditLogProperty {

    /**
     * @param name the property name, e.g. {@code VERSION_STRING}
     * @param value the (new) value, may be null
     * @param previousValue the value before the change, may be null
     * @return the property
     */
    public static AuditLogProperty of(String name, String value, String previousValue) {
        return ImmutableAuditLogProperty.builder().name(name).value(Optional.ofNullable(value))
                .previousValue(Optional.ofNullable(previousValue)).build();
    }

    /**
     * Reads one {@code {"name":..,"value":..,"previousValue":..}} object; numbers become their text.
     *
     * @param node the JSON object
     * @return the property
     * @throws IllegalArgumentException if the node is not an object with a {@code name}
     */
    public static AuditLogProperty of(JsonNode node) {
        if (node == null || !node.isObject() || !node.hasNonNull("name")) {
            throw new IllegalArgumentException("an AuditLogProperty must be an object with a 'name'");
        }
        return of(node.get("name").asText(), text(node, "value"), text(node, "previousValue"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @return the property name, e.g. {@code VERSION_STRING} */
    public abstract String name();

    /** @return the value (the new value, for a change), if any */
    public abstract Optional<String> value();

    /** @return the value before the change, if the entry records one */
    public abstract Optional<String> previousValue();
}
