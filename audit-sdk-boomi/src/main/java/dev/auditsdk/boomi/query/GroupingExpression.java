package dev.auditsdk.boomi.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/** {@code {"operator": "and"|"or", "nestedExpression": [..]}}: a combination of expressions. */
@Value.Immutable
public abstract class GroupingExpression extends QueryExpression {

    /** How the nested expressions combine. */
    public enum Operator {
        /** All must hold. */
        AND,
        /** At least one must hold. */
        OR
    }

    /** @return how the nested expressions combine */
    public abstract Operator operator();

    /** @return the nested expressions, at least one */
    public abstract List<QueryExpression> nested();

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("operator", operator().name().toLowerCase(Locale.ROOT));
        ArrayNode array = node.putArray("nestedExpression");
        nested().forEach(e -> array.add(e.toJson()));
        return node;
    }

    @Value.Check
    void check() {
        if (nested().isEmpty()) {
            throw new IllegalArgumentException("a Boomi '" + operator().name().toLowerCase(Locale.ROOT)
                    + "' expression needs at least one nested expression");
        }
    }
}
