package dev.auditsdk.jitterbit;

/** The comparison operators of a Jitterbit {@code queryString} condition. */
public enum JitterbitLogOperator {
    /** {@code =}; with a {@code %} wildcard (see {@link JitterbitLogQuery.Builder#like}) a pattern match. */
    EQUALS("="),
    /** {@code !=} (the vendor also accepts {@code <>}, read as this operator). */
    NOT_EQUALS("!="),
    /** {@code >}. */
    GREATER_THAN(">"),
    /** {@code <}. */
    LESS_THAN("<"),
    /** {@code >=}. */
    GREATER_OR_EQUAL(">="),
    /** {@code <=}. */
    LESS_OR_EQUAL("<=");

    private final String symbol;

    JitterbitLogOperator(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as the {@code queryString} writes it */
    public String symbol() {
        return symbol;
    }

    boolean isEquality() {
        return this == EQUALS || this == NOT_EQUALS;
    }

    /**
     * @param symbol one of {@code = <> != > < >= <=}
     * @return the operator
     * @throws IllegalArgumentException for anything else
     */
    public static JitterbitLogOperator fromSymbol(String symbol) {
        if ("<>".equals(symbol)) {
            return NOT_EQUALS;
        }
        for (JitterbitLogOperator o : values()) {
            if (o.symbol.equals(symbol)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown Jitterbit queryString operator '" + symbol
                + "'; valid: = <> != > < >= <=");
    }
}
