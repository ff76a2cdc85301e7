package dev.auditsdk.boomi.query;

/** The operators of a simple {@code AuditLog} query expression, with how many arguments each takes. */
public enum QueryOperator {
    /** Equal to the one argument. */
    EQUALS(1),
    /** Matches the one argument, a pattern with {@code %} wildcards. */
    LIKE(1),
    /** Not equal to the one argument. */
    NOT_EQUALS(1),
    /** The property is absent; no argument. */
    IS_NULL(0),
    /** The property is present; no argument. */
    IS_NOT_NULL(0),
    /** Between the two arguments, both inclusive. */
    BETWEEN(2),
    /** Greater than the one argument. */
    GREATER_THAN(1),
    /** Greater than or equal to the one argument. */
    GREATER_THAN_OR_EQUAL(1),
    /** Less than the one argument. */
    LESS_THAN(1),
    /** Less than or equal to the one argument. */
    LESS_THAN_OR_EQUAL(1),
    /** Contains the one argument. */
    CONTAINS(1),
    /** Does not contain the one argument. */
    NOT_CONTAINS(1);

    private final int arity;

    QueryOperator(int arity) {
        this.arity = arity;
    }

    /** @return how many arguments the operator takes */
    public int arity() {
        return arity;
    }
}
