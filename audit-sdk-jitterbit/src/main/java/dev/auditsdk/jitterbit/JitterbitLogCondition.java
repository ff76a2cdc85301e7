package dev.auditsdk.jitterbit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One condition of a {@link JitterbitLogQuery}: {@code column operator value}. Built through
 * the query's builder; its value is validated when it is built so that it can only ever be one
 * condition on one column: Jitterbit publishes no escape for the {@code ;} that separates
 * conditions, so values containing it are refused, as are values that would change the
 * operator ({@code =}, {@code <}, {@code >}, {@code !} first), control characters, leading or
 * trailing blanks, and a {@code %} wildcard outside {@link JitterbitLogQuery.Builder#like}.
 */
@Value.Immutable
public abstract class JitterbitLogCondition {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** @return the column compared */
    public abstract JitterbitLogColumn column();

    /** @return the operator */
    public abstract JitterbitLogOperator operator();

    /** @return the value as it is written into the query string */
    public abstract String value();

    /** @return true when {@code %} in {@link #value()} is a wildcard */
    @Value.Default
    public boolean wildcard() {
        return false;
    }

    /** @return the condition as the {@code queryString} writes it, e.g. {@code sourceip=14.141%} */
    public String render() {
        return column().wireName() + operator().symbol() + value();
    }

    @Override
    public String toString() {
        return render();
    }

    @Value.Check
    void check() {
        String v = value();
        String where = "Jitterbit queryString value for " + column().wireName();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(where + " must not be empty");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new IllegalArgumentException(where + " must not contain control characters (line breaks, tabs)");
            }
        }
        if (v.indexOf(';') >= 0) {
            throw new IllegalArgumentException(where + " must not contain ';': it separates conditions and "
                    + "Jitterbit offers no way to escape it");
        }
        if (!v.equals(v.strip())) {
            throw new IllegalArgumentException(where + " must not start or end with blanks (the server trims them)");
        }
        if ("=<>!".indexOf(v.charAt(0)) >= 0) {
            throw new IllegalArgumentException(where + " must not start with '" + v.charAt(0)
                    + "': it would change the operator");
        }
        if (v.indexOf('%') >= 0 && !wildcard()) {
            throw new IllegalArgumentException(where + " contains '%', which Jitterbit reads as a wildcard; "
                    + "use like(...) for a pattern (a literal '%' cannot be escaped)");
        }
        if (wildcard() && (!operator().isEquality() || column().kind() != JitterbitLogColumn.Kind.TEXT)) {
            throw new IllegalArgumentException("a '%' pattern needs a text column and = or !=, not "
                    + column().wireName() + operator().symbol());
        }
        if (column().kind() == JitterbitLogColumn.Kind.NUMBER && !NUMBER.matcher(v).matches()) {
            throw new IllegalArgumentException(where + " must be a number, was '" + v + "'");
        }
        if (column().kind() == JitterbitLogColumn.Kind.TIME) {
            try {
                OffsetDateTime.parse(v, JitterbitRequestTime.REQUEST_FORMAT);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + " must be a time like 01/20/2024 13:45:00 +0000, was '" + v + "'", e);
            }
        }
    }
}
