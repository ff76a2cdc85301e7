package dev.auditsdk.testkit.jitterbit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code queryString} of a {@code debuglogs-async} request: conditions separated by
 * {@code ;}, each {@code column operator value}, all of which must hold. {@code %} is a
 * wildcard in {@code =}, {@code <>} and {@code !=} comparisons; string comparisons ignore case.
 */
final class QueryStringFilter implements Predicate<ApiLogRecord> {
    static final List<String> COLUMNS = List.of("time", "apiname", "envname", "authprofile", "requestid",
            "requestmethod", "requesturi", "responsetime", "sourceip", "sourceapp", "statuscode", "message");
    private static final Pattern CONDITION = Pattern.compile("^([A-Za-z]+)\\s*(<>|!=|>=|<=|=|>|<)\\s*(.*)$", Pattern.DOTALL);
    static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss Z", Locale.ROOT);

    private final List<Predicate<ApiLogRecord>> conditions;

    private QueryStringFilter(List<Predicate<ApiLogRecord>> conditions) {
        this.conditions = conditions;
    }

    /**
     * @param queryString the raw query string, may be null or blank (no filter)
     * @return the filter
     * @throws IllegalArgumentException with a message for the client when the string is invalid
     */
    static QueryStringFilter parse(String queryString) {
        List<Predicate<ApiLogRecord>> out = new ArrayList<>();
        if (queryString != null) {
            for (String part : queryString.split(";", -1)) {
                String c = part.trim();
                if (c.isEmpty()) {
                    continue;
                }
                out.add(condition(c));
            }
        }
        return new QueryStringFilter(out);
    }

    @Override
    public boolean test(ApiLogRecord r) {
        for (Predicate<ApiLogRecord> p : conditions) {
            if (!p.test(r)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<ApiLogRecord> condition(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid condition in queryString: " + text);
        }
        String column = m.group(1).toLowerCase(Locale.ROOT);
        String op = m.group(2);
        String value = m.group(3).trim();
        if (!COLUMNS.contains(column)) {
            throw new IllegalArgumentException("Invalid column in queryString: " + m.group(1));
        }
        switch (column) {
            case "responsetime":
                return numeric(op, number(column, value), r -> r.responseTime());
            case "statuscode":
                return numeric(op, number(column, value), r -> r.statusCode());
            case "time":
                return time(op, instant(value));
            default:
                return text(op, value, field(column));
        }
    }

    private static java.util.function.Function<ApiLogRecord, String> field(String column) {
        switch (column) {
            case "apiname": return ApiLogRecord::apiName;
            case "envname": return ApiLogRecord::envName;
            case "authprofile": return ApiLogRecord::authProfile;
            case "requestid": return ApiLogRecord::requestId;
            case "requestmethod": return ApiLogRecord::requestMethod;
            case "requesturi": return ApiLogRecord::requestUri;
            case "sourceip": return ApiLogRecord::sourceIp;
            case "sourceapp": return ApiLogRecord::sourceApp;
            case "message": return ApiLogRecord::message;
            default: throw new IllegalArgumentException("Invalid column in queryString: " + column);
        }
    }

    private static double number(String column, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number for " + column + " in queryString: " + value, e);
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value, REQUEST_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Invalid time in queryString: " + value, e2);
            }
        }
    }

    private static Predicate<ApiLogRecord> numeric(String op, double v,
            java.util.function.ToDoubleFunction<ApiLogRecord> f) {
        return r -> compare(op, Double.compare(f.applyAsDouble(r), v));
    }

    private static Predicate<ApiLogRecord> time(String op, Instant v) {
        return r -> compare(op, r.time().compareTo(v));
    }

    private static Predicate<ApiLogRecord> text(String op, String value,
            java.util.function.Function<ApiLogRecord, String> f) {
        if (op.equals("=") || op.equals("<>") || op.equals("!=")) {
            Pattern like = like(value);
            boolean negate = !op.equals("=");
            return r -> like.matcher(f.apply(r)).matches() != negate;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return r -> compare(op, f.apply(r).toLowerCase(Locale.ROOT).compareTo(lower));
    }

    private static Pattern like(String value) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = value.split("%", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private static boolean compare(String op, int cmp) {
        switch (op) {
            case "=": return cmp == 0;
            case "<>":
            case "!=": return cmp != 0;
            case ">": return cmp > 0;
            case "<": return cmp < 0;
            case ">=": return cmp >= 0;
            case "<=": return cmp <= 0;
            default: throw new IllegalArgumentException("Invalid operator " + op);
        }
    }
}
