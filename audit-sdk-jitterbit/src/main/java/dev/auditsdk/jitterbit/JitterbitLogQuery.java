package dev.auditsdk.jitterbit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The typed {@code queryString} filter of an API Manager log export: conditions on the log's
 * columns, all of which must hold.
 *
 * <pre>{@code
 * JitterbitLogQuery q = JitterbitLogQuery.builder()
 *         .compare(JitterbitLogColumn.RESPONSE_TIME, JitterbitLogOperator.GREATER_THAN, 5)
 *         .like(JitterbitLogColumn.SOURCE_IP, "14.141%")
 *         .build();
 * q.queryString();   // "responsetime>5;sourceip=14.141%"
 * }</pre>
 *
 * <p>Every value is validated (see {@link JitterbitLogCondition}): a value can never add a
 * second condition or change the operator. Invalid values are refused with an
 * {@link IllegalArgumentException}.
 */
@Value.Immutable
public abstract class JitterbitLogQuery {
    private static final Pattern CONDITION = Pattern.compile("^([A-Za-z]+)\\s*(<>|!=|>=|<=|=|>|<)\\s*(.*)$", Pattern.DOTALL);

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and validates a query string written by hand, e.g. from a command line:
     * {@code responsetime>5; sourceip=14.141%}. A {@code %} is taken as a wildcard.
     *
     * @param queryString conditions separated by {@code ;}
     * @return the query
     * @throws IllegalArgumentException naming the condition that is not valid
     */
    public static JitterbitLogQuery parse(String queryString) {
        Objects.requireNonNull(queryString, "queryString");
        Builder b = builder();
        for (String part : queryString.split(";", -1)) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            Matcher m = CONDITION.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Jitterbit queryString condition (column operator value): '"
                        + text + "'");
            }
            JitterbitLogOperator op = JitterbitLogOperator.fromSymbol(m.group(2));
            String value = m.group(3).trim();
            b.addConditions(ImmutableJitterbitLogCondition.builder()
                    .column(JitterbitLogColumn.fromWireName(m.group(1)))
                    .operator(op)
                    .value(value)
                    .wildcard(value.indexOf('%') >= 0)
                    .build());
        }
        return b.build();
    }

    /** @return the conditions, all of which must hold */
    public abstract List<JitterbitLogCondition> conditions();

    /** @return the conditions as the request's {@code queryString}: separated by {@code ;} */
    @Value.Derived
    public String queryString() {
        return conditions().stream().map(JitterbitLogCondition::render).collect(Collectors.joining(";"));
    }

    @Override
    public String toString() {
        return "JitterbitLogQuery[" + queryString() + "]";
    }

    @Value.Check
    void check() {
        if (conditions().isEmpty()) {
            throw new IllegalArgumentException("a JitterbitLogQuery needs at least one condition");
        }
    }

    /** Adds validated conditions. */
    public static final class Builder extends ImmutableJitterbitLogQuery.Builder {

        Builder() {
        }

        /**
         * Adds {@code column = value}, matched literally.
         *
         * @param column the column
         * @param value the literal value (no {@code %}, no {@code ;})
         * @return this builder
         */
        public Builder equalTo(JitterbitLogColumn column, String value) {
            return compare(column, JitterbitLogOperator.EQUALS, value);
        }

        /**
         * Adds {@code column != value}, matched literally.
         *
         * @param column the column
         * @param value the literal value (no {@code %}, no {@code ;})
         * @return this builder
         */
        public Builder notEqualTo(JitterbitLogColumn column, String value) {
            return compare(column, JitterbitLogOperator.NOT_EQUALS, value);
        }

        /**
         * Adds {@code column = pattern} where {@code %} matches any text, e.g. {@code 14.141%}.
         *
         * @param column a text column
         * @param pattern the pattern
         * @return this builder
         */
        public Builder like(JitterbitLogColumn column, String pattern) {
            return add(column, JitterbitLogOperator.EQUALS, pattern, true);
        }

        /**
         * Adds {@code column != pattern} where {@code %} matches any text.
         *
         * @param column a text column
         * @param pattern the pattern
         * @return this builder
         */
        public Builder notLike(JitterbitLogColumn column, String pattern) {
            return add(column, JitterbitLogOperator.NOT_EQUALS, pattern, true);
        }

        /**
         * Adds a comparison with a text value, matched literally.
         *
         * @param column the column
         * @param operator the operator
         * @param value the value
         * @return this builder
         */
        public Builder compare(JitterbitLogColumn column, JitterbitLogOperator operator, String value) {
            return add(column, operator, value, false);
        }

        /**
         * Adds a comparison with a number, for {@code responsetime} and {@code statuscode}.
         *
         * @param column a numeric column
         * @param operator the operator
         * @param value a finite number
         * @return this builder
         */
        public Builder compare(JitterbitLogColumn column, JitterbitLogOperator operator, Number value) {
            Objects.requireNonNull(value, "value");
            if (value instanceof Double || value instanceof Float) {
                double d = value.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("Jitterbit queryString value for " + column.wireName()
                            + " must be a finite number, was " + value);
                }
            }
            BigDecimal n = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
            return add(column, operator, n.stripTrailingZeros().toPlainString(), false);
        }

        /**
         * Adds a comparison on {@code time}, written as {@code MM/dd/yyyy HH:mm:ss +0000} (whole seconds, UTC).
         *
         * @param operator the operator
         * @param value the instant
         * @return this builder
         */
        public Builder time(JitterbitLogOperator operator, Instant value) {
            Objects.requireNonNull(value, "value");
            return add(JitterbitLogColumn.TIME, operator, JitterbitRequestTime.format(value, ZoneOffset.UTC), false);
        }

        private Builder add(JitterbitLogColumn column, JitterbitLogOperator operator, String value, boolean wildcard) {
            addConditions(ImmutableJitterbitLogCondition.builder()
                    .column(Objects.requireNonNull(column, "column"))
                    .operator(Objects.requireNonNull(operator, "operator"))
                    .value(Objects.requireNonNull(value, "value"))
                    .wildcard(wildcard)
                    .build());
            return this;
        }
    }
}
