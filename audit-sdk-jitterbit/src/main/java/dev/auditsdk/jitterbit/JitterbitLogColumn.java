package dev.auditsdk.jitterbit;

import java.util.Locale;

/** The columns of the API Manager API log a {@link JitterbitLogQuery} can compare. */
public enum JitterbitLogColumn {
    /** When the call happened. Compared with an instant. */
    TIME("time", Kind.TIME),
    /** The API's name. */
    API_NAME("apiname", Kind.TEXT),
    /** The environment's name. */
    ENV_NAME("envname", Kind.TEXT),
    /** The security profile's name. */
    AUTH_PROFILE("authprofile", Kind.TEXT),
    /** The request id. */
    REQUEST_ID("requestid", Kind.TEXT),
    /** The HTTP method. */
    REQUEST_METHOD("requestmethod", Kind.TEXT),
    /** The request URI. */
    REQUEST_URI("requesturi", Kind.TEXT),
    /** The response time. Compared with a number. */
    RESPONSE_TIME("responsetime", Kind.NUMBER),
    /** The caller's IP address. */
    SOURCE_IP("sourceip", Kind.TEXT),
    /** The calling application. */
    SOURCE_APP("sourceapp", Kind.TEXT),
    /** The HTTP status code. Compared with a number. */
    STATUS_CODE("statuscode", Kind.NUMBER),
    /** The log message. */
    MESSAGE("message", Kind.TEXT);

    /** What a column's values are. */
    enum Kind {
        TEXT, NUMBER, TIME
    }

    private final String wireName;
    private final Kind kind;

    JitterbitLogColumn(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** @return the column's name in a {@code queryString}, e.g. {@code sourceip} */
    public String wireName() {
        return wireName;
    }

    Kind kind() {
        return kind;
    }

    /**
     * @param name a column name as a {@code queryString} writes it (any case)
     * @return the column
     * @throws IllegalArgumentException when the vendor has no such column
     */
    public static JitterbitLogColumn fromWireName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (JitterbitLogColumn c : values()) {
            if (c.wireName.equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown Jitterbit log column '" + name + "'; valid: time, apiname, envname, "
                + "authprofile, requestid, requestmethod, requesturi, responsetime, sourceip, sourceapp, statuscode, message");
    }
}
