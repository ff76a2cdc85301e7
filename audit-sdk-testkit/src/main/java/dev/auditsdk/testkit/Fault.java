package dev.auditsdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure a simulator injects instead of (or into) its normal answer to one request.
 *
 * <p>Faults are queued with {@link SimulatorServer#injectFault(String, Fault)} and consumed
 * one per matching request, in order.
 */
public final class Fault {

    /** What kind of failure the simulator produces. */
    public enum Kind {
        /** Answer with the given HTTP status, headers and body instead of the real answer. */
        STATUS,
        /** Close the connection without sending any response. */
        RESET,
        /** Send the real status and headers, then only part of the body, then close. */
        TRUNCATE
    }

    private final Kind kind;
    private final int status;
    private final Map<String, String> headers;
    private final String body;

    private Fault(Kind kind, int status, Map<String, String> headers, String body) {
        this.kind = kind;
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
    }

    /**
     * An HTTP error answer.
     *
     * @param status the HTTP status code to return
     * @param body the response body (may be empty)
     * @return the fault
     */
    public static Fault status(int status, String body) {
        return new Fault(Kind.STATUS, status, Map.of(), Objects.requireNonNull(body, "body"));
    }

    /**
     * An HTTP error answer with extra headers, e.g. {@code Retry-After}.
     *
     * @param status the HTTP status code to return
     * @param headers response headers to add
     * @param body the response body (may be empty)
     * @return the fault
     */
    public static Fault status(int status, Map<String, String> headers, String body) {
        return new Fault(Kind.STATUS, status, headers, Objects.requireNonNull(body, "body"));
    }

    /**
     * A connection closed before any response byte.
     *
     * @return the fault
     */
    public static Fault reset() {
        return new Fault(Kind.RESET, 0, Map.of(), "");
    }

    /**
     * The real response cut off half way through its body.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATE, 0, Map.of(), "");
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }

    /** @return the status code for {@link Kind#STATUS} faults, otherwise 0 */
    public int status() {
        return status;
    }

    /** @return extra response headers for {@link Kind#STATUS} faults */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the response body for {@link Kind#STATUS} faults */
    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return kind == Kind.STATUS ? "Fault[" + status + "]" : "Fault[" + kind + "]";
    }
}
