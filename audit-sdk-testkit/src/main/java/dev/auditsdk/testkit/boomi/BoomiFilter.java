package dev.auditsdk.testkit.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Evaluates a Boomi {@code QueryFilter} expression against simulated audit-log entries the
 * way the Platform API does: simple expressions ({@code operator}, {@code property},
 * {@code argument}) and grouping expressions ({@code and}/{@code or} with
 * {@code nestedExpression}), with argument counts and date formats checked.
 */
final class BoomiFilter {
    /** The Platform API's one date format: UTC, second precision. */
    static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    static final Set<String> PROPERTIES = Set.of("containerId", "userId", "date", "type", "action", "modifier",
            "level", "source");

    /** Operator name to the number of arguments it takes. */
    static final Map<String, Integer> OPERATORS = Map.ofEntries(
            Map.entry("EQUALS", 1), Map.entry("LIKE", 1), Map.entry("NOT_EQUALS", 1), Map.entry("IS_NULL", 0),
            Map.entry("IS_NOT_NULL", 0), Map.entry("BETWEEN", 2), Map.entry("GREATER_THAN", 1),
            Map.entry("GREATER_THAN_OR_EQUAL", 1), Map.entry("LESS_THAN", 1), Map.entry("LESS_THAN_OR_EQUAL", 1),
            Map.entry("CONTAINS", 1), Map.entry("NOT_CONTAINS", 1));

    private BoomiFilter() {
    }

    /** A filter the API refuses; the message becomes the 400 answer. */
    static final class InvalidFilterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFilterException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param expression the {@code expression} node, or null/missing for "everything"
     * @return the predicate over entry JSON objects
     * @throws InvalidFilterException when the expression is malformed
     */
    static Predicate<JsonNode> compile(JsonNode expression) {
        if (expression == null || expression.isNull() || expression.isMissingNode()) {
            return e -> true;
        }
        if (!expression.isObject()) {
            throw new InvalidFilterException("expression must be an object");
        }
        String operator = expression.path("operator").asText("");
        if (operator.equalsIgnoreCase("and") || operator.equalsIgnoreCase("or")) {
            JsonNode nested = expression.path("nestedExpression");
            if (!nested.isArray() || nested.isEmpty()) {
                throw new InvalidFilterException("grouping expression '" + operator + "' needs a nestedExpression array");
            }
            List<Predicate<JsonNode>> parts = new ArrayList<>();
            nested.forEach(n -> parts.add(compile(n)));
            boolean and = operator.equalsIgnoreCase("and");
            return e -> and ? parts.stream().allMatch(p -> p.test(e)) : parts.stream().anyMatch(p -> p.test(e));
        }
        Integer arity = OPERATORS.get(operator);
        if (arity == null) {
            throw new InvalidFilterException("Unknown operator: " + operator);
        }
        String property = expression.path("property").asText("");
        if (!PROPERTIES.contains(property)) {
            throw new InvalidFilterException("Unknown property: " + property);
        }
        List<String> args = new ArrayList<>();
        JsonNode argument = expression.path("argument");
        if (argument.isArray()) {
            argument.forEach(a -> args.add(a.asText()));
        } else if (!argument.isMissingNode() && !argument.isNull()) {
            args.add(argument.asText());
        }
        if (args.size() != arity) {
            throw new InvalidFilterException("Operator " + operator + " takes " + arity + " argument(s), got " + args.size());
        }
        if (property.equals("date")) {
            List<Instant> dates = new ArrayList<>();
            for (String a : args) {
                dates.add(parseDate(a));
            }
            return dateOperator(operator, dates);
        }
        return stringOperator(operator, property, args);
    }

    static Instant parseDate(String text) {
        try {
            return LocalDateTime.parse(text, DATE_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("Invalid date '" + text + "': expected yyyy-MM-dd'T'HH:mm:ss'Z'");
        }
    }

    static String formatDate(Instant instant) {
        return DATE_FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Predicate<JsonNode> dateOperator(String operator, List<Instant> args) {
        switch (operator) {
            case "IS_NULL":
                return e -> isNull(e, "date");
            case "IS_NOT_NULL":
                return e -> !isNull(e, "date");
            case "BETWEEN":
                return e -> date(e) != null && !date(e).isBefore(args.get(0)) && !date(e).isAfter(args.get(1));
            case "EQUALS":
                return e -> args.get(0).equals(date(e));
            case "NOT_EQUALS":
                return e -> !args.get(0).equals(date(e));
            case "GREATER_THAN":
                return e -> date(e) != null && date(e).isAfter(args.get(0));
            case "GREATER_THAN_OR_EQUAL":
                return e -> date(e) != null && !date(e).isBefore(args.get(0));
            case "LESS_THAN":
                return e -> date(e) != null && date(e).isBefore(args.get(0));
            case "LESS_THAN_OR_EQUAL":
                return e -> date(e) != null && !date(e).isAfter(args.get(0));
            default:
                throw new InvalidFilterException("Operator " + operator + " is not supported for property date");
        }
    }

    private static Predicate<JsonNode> stringOperator(String operator, String property, List<String> args) {
        switch (operator) {
            case "IS_NULL":
                return e -> isNull(e, property);
            case "IS_NOT_NULL":
                return e -> !isNull(e, property);
            case "EQUALS":
                return e -> args.get(0).equals(text(e, property));
            case "NOT_EQUALS":
                return e -> !args.get(0).equals(text(e, property));
            case "LIKE":
                Pattern like = likePattern(args.get(0));
                return e -> text(e, property) != null && like.matcher(text(e, property)).matches();
            case "CONTAINS":
                return e -> text(e, property) != null && text(e, property).contains(args.get(0));
            case "NOT_CONTAINS":
                return e -> text(e, property) == null || !text(e, property).contains(args.get(0));
            case "BETWEEN":
                return e -> text(e, property) != null && text(e, property).compareTo(args.get(0)) >= 0
                        && text(e, property).compareTo(args.get(1)) <= 0;
            case "GREATER_THAN":
                return e -> text(e, property) != null && text(e, property).compareTo(args.get(0)) > 0;
            case "GREATER_THAN_OR_EQUAL":
                return e -> text(e, property) != null && text(e, property).compareTo(args.get(0)) >= 0;
            case "LESS_THAN":
                return e -> text(e, property) != null && text(e, property).compareTo(args.get(0)) < 0;
            case "LESS_THAN_OR_EQUAL":
                return e -> text(e, property) != null && text(e, property).compareTo(args.get(0)) <= 0;
            default:
                throw new InvalidFilterException("Unknown operator: " + operator);
        }
    }

    /** SQL-style LIKE: {@code %} any run of characters, {@code _} one character. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean isNull(JsonNode e, String property) {
        JsonNode v = e.get(property);
        return v == null || v.isNull();
    }

    private static String text(JsonNode e, String property) {
        JsonNode v = e.get(property);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant date(JsonNode e) {
        String d = text(e, "date");
        return d == null ? null : Instant.parse(d);
    }
}
