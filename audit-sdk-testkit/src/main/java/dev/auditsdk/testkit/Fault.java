package dev.auditsdk.testkit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure a simulator injects instead of (or into) its normal answer to one request.
 *
 * <p>Faults are queued with {@link SimulatorServer#injectFault(String, Fault)} and consumed
 * one per matching request, in order, or drawn at random by a {@link Chaos} mode
 * ({@link SimulatorServer#chaos(Chaos)}).
 *
 * <p>The body faults ({@link Kind#TRUNCATE}, {@link Kind#STALL}, {@link Kind#SLOW}) act on the
 * answer the simulator would have sent: a streamed answer is then produced whole in memory first,
 * and an answer without a body (e.g. {@code 204}) is sent intact by {@code TRUNCATE} and
 * {@code STALL}.
 */
public final class Fault {

    /** What kind of failure the simulator produces. */
    public enum Kind {
        /** Answer with the given HTTP status, headers and body instead of the real answer. */
        STATUS,
        /** Close the connection without sending any response. */
        RESET,
        /** Send the real status and headers, then only part of the body, then close. */
        TRUNCATE,
        /**
         * Send the real status and headers (with the full {@code Content-Length}) and half the
         * body, then send nothing for {@link Fault#duration()}, then close: longer than the
         * client's body-read timeout, it is an idle stall; shorter, a body cut short after a pause.
         */
        STALL,
        /**
         * Send the real answer, complete and correct, but slowly: a quarter of
         * {@link Fault#duration()} before the headers and three more quarters between parts of
         * the body. No gap is longer than a quarter of the duration, so a client whose timeouts
         * exceed that must read it successfully.
         */
        SLOW
    }

    private final Kind kind;
    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final Duration duration;

    private Fault(Kind kind, int status, Map<String, String> headers, String body, Duration duration) {
        this.kind = kind;
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.duration = duration;
    }

    /**
     * An HTTP error answer.
     *
     * @param status the HTTP status code to return
     * @param body the response body (may be empty)
     * @return the fault
     */
    public static Fault status(int status, String body) {
        return new Fault(Kind.STATUS, status, Map.of(), Objects.requireNonNull(body, "body"), Duration.ZERO);
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
        return new Fault(Kind.STATUS, status, headers, Objects.requireNonNull(body, "body"), Duration.ZERO);
    }

    /**
     * A connection closed before any response byte.
     *
     * @return the fault
     */
    public static Fault reset() {
        return new Fault(Kind.RESET, 0, Map.of(), "", Duration.ZERO);
    }

    /**
     * The real response cut off half way through its body.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATE, 0, Map.of(), "", Duration.ZERO);
    }

    /**
     * The real status, headers and half the body, then nothing for {@code stall}, then the
     * connection closed (see {@link Kind#STALL}).
     *
     * @param stall how long to send nothing before closing; positive
     * @return the fault
     * @throws IllegalArgumentException if {@code stall} is not positive
     */
    public static Fault stall(Duration stall) {
        return new Fault(Kind.STALL, 0, Map.of(), "", positive(stall, "stall"));
    }

    /**
     * The real answer, complete, spread over about {@code delay} (see {@link Kind#SLOW}).
     *
     * @param delay the total added delay; positive
     * @return the fault
     * @throws IllegalArgumentException if {@code delay} is not positive
     */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, Map.of(), "", positive(delay, "delay"));
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

    /** @return the stall of a {@link Kind#STALL} fault or the delay of a {@link Kind#SLOW} one, otherwise zero */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        if (kind == Kind.STATUS) {
            return "Fault[" + status + "]";
        }
        return duration.isZero() ? "Fault[" + kind + "]" : "Fault[" + kind + " " + duration.toMillis() + " ms]";
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
