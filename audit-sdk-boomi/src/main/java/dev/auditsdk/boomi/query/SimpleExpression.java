package dev.auditsdk.boomi.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.immutables.value.Value;

/** {@code {"operator": OP, "property": P, "argument": [..]}}: one test of one property. */
@Value.Immutable
public abstract class SimpleExpression extends QueryExpression {

    /** @return the operator */
    public abstract QueryOperator operator();

    /** @return the property tested */
    public abstract QueryProperty property();

    /** @return the arguments, as many as the operator takes */
    public abstract List<String> arguments();

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("operator", operator().name());
        node.put("property", property().wireName());
        ArrayNode args = node.putArray("argument");
        arguments().forEach(args::add);
        return node;
    }

    @Value.Check
    void check() {
        if (arguments().size() != operator().arity()) {
            throw new IllegalArgumentException("Boomi query operator " + operator() + " takes " + operator().arity()
                    + " argument" + (operator().arity() == 1 ? "" : "s") + ", got " + arguments().size()
                    + " (property " + property().wireName() + ")");
        }
        if (property() == QueryProperty.DATE) {
            for (String a : arguments()) {
                try {
                    DATE_FORMAT.parse(a);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Boomi query date '" + a
                            + "' is not in the form yyyy-MM-dd'T'HH:mm:ss'Z'", e);
                }
            }
        }
    }
}
