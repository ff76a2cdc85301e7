package dev.auditsdk.boomi.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@code AuditLog} query expression: a {@link SimpleExpression} or a {@link GroupingExpression}.
 * Invalid expressions (a wrong argument count, a malformed date, an empty group) are rejected
 * with an {@link IllegalArgumentException} when built, before any request.
 *
 * <pre>{@code
 * QueryExpression filter = QueryExpression.and(
 *         QueryExpression.of(QueryOperator.EQUALS, QueryProperty.TYPE, "as.atom"),
 *         QueryExpression.between(QueryProperty.DATE, "2016-02-05T00:00:00Z", "2016-03-04T23:59:59Z"));
 * }</pre>
 */
public abstract class QueryExpression {
    /** The API's one date format: UTC, whole seconds. */
    public static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    QueryExpression() {
        // only the two expression kinds of this package
    }

    /** @return the expression as the API's JSON {@code expression} object */
    public abstract ObjectNode toJson();

    /**
     * A simple expression.
     *
     * @param operator the operator
     * @param property the property it tests
     * @param arguments exactly {@link QueryOperator#arity()} arguments
     * @return the expression
     * @throws IllegalArgumentException if the argument count does not fit the operator
     */
    public static SimpleExpression of(QueryOperator operator, QueryProperty property, String... arguments) {
        Objects.requireNonNull(arguments, "arguments");
        return ImmutableSimpleExpression.builder().operator(operator).property(property)
                .arguments(Arrays.asList(arguments)).build();
    }

    /**
     * @param property the property
     * @param value the value it must equal
     * @return {@code property EQUALS value}
     */
    public static SimpleExpression equalTo(QueryProperty property, String value) {
        return of(QueryOperator.EQUALS, property, value);
    }

    /**
     * @param property the property
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return {@code property BETWEEN low AND high}
     */
    public static SimpleExpression between(QueryProperty property, String low, String high) {
        return of(QueryOperator.BETWEEN, property, low, high);
    }

    /**
     * Formats an instant as the API's date argument.
     *
     * @param instant a whole-second instant
     * @return e.g. {@code 2016-02-05T09:12:13Z}
     * @throws IllegalArgumentException if the instant has a fraction of a second (Boomi
     *     dates have none; rounding would silently change the filter's meaning)
     */
    public static String date(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException("Boomi query dates have whole seconds; got " + instant);
        }
        return DATE_FORMAT.format(instant);
    }

    /**
     * @param expressions the expressions that must all hold (at least one)
     * @return their conjunction
     */
    public static GroupingExpression and(QueryExpression... expressions) {
        return ImmutableGroupingExpression.builder().operator(GroupingExpression.Operator.AND)
                .nested(List.of(expressions)).build();
    }

    /**
     * @param expressions the expressions of which one must hold (at least one)
     * @return their disjunction
     */
    public static GroupingExpression or(QueryExpression... expressions) {
        return ImmutableGroupingExpression.builder().operator(GroupingExpression.Operator.OR)
                .nested(List.of(expressions)).build();
    }
}
