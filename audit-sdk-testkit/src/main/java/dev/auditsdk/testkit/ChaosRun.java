package dev.auditsdk.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The running state of a {@link Chaos} mode on one simulator: its random generator, the faults
 * in a row per request and the count per kind. Thread-safe (one lock: draws stay in request order).
 */
final class ChaosRun {
    /** Bounds the per-request memory if clients abandon requests after a fault. */
    private static final int MAX_TRACKED_REQUESTS = 10_000;
    /** How many injected faults {@link #log()} keeps. */
    static final int MAX_LOGGED = 1_000;

    private final Chaos chaos;
    private final Random random;
    private final List<Chaos.Kind> kinds;
    private final Map<String, Integer> inARow = new HashMap<>();
    private final EnumMap<Chaos.Kind, Integer> counts = new EnumMap<>(Chaos.Kind.class);
    private final java.util.ArrayDeque<String> log = new java.util.ArrayDeque<>();
    private boolean stopped;

    ChaosRun(Chaos chaos) {
        this.chaos = chaos;
        this.random = new Random(chaos.seed());
        this.kinds = new ArrayList<>(chaos.kinds());
        for (Chaos.Kind k : Chaos.Kind.values()) {
            counts.put(k, 0);
        }
    }

    /** A fault drawn for one request, to be reported back with {@link #settle}. */
    static final class Draw {
        final String key;
        final Chaos.Kind kind;
        final Fault fault;
        final String request;

        Draw(String key, Chaos.Kind kind, Fault fault, String request) {
            this.key = key;
            this.kind = kind;
            this.fault = fault;
            this.request = request;
        }
    }

    /**
     * @param request the request about to be answered
     * @return the fault to inject, or null to answer normally
     */
    synchronized Draw draw(RecordedRequest request) {
        if (stopped || !chaos.appliesTo(request.path())) {
            return null;
        }
        String key = key(request);
        if (inARow.getOrDefault(key, 0) >= chaos.maxConsecutive() || random.nextDouble() >= chaos.rate()) {
            inARow.remove(key);
            return null;
        }
        Chaos.Kind kind = kinds.get(random.nextInt(kinds.size()));
        String target = request.toString(); // credential-like query values masked
        return new Draw(key, kind, fault(kind), target);
    }

    /**
     * Records the outcome of a drawn fault.
     *
     * @param draw the draw
     * @param applied false when the answer was left intact (a body fault on an empty body)
     */
    synchronized void settle(Draw draw, boolean applied) {
        if (!applied) {
            inARow.remove(draw.key);
            return;
        }
        if (inARow.size() >= MAX_TRACKED_REQUESTS) {
            inARow.clear();
        }
        inARow.merge(draw.key, 1, Integer::sum);
        counts.merge(draw.kind, 1, Integer::sum);
        if (log.size() >= MAX_LOGGED) {
            log.removeFirst();
        }
        log.addLast(draw.kind + " " + draw.fault + " " + draw.request);
    }

    synchronized List<String> log() {
        return new ArrayList<>(log);
    }

    /** Draws no more faults; the counts stay. */
    synchronized void stop() {
        stopped = true;
    }

    synchronized Map<Chaos.Kind, Integer> counts() {
        return new EnumMap<>(counts);
    }

    private Fault fault(Chaos.Kind kind) {
        switch (kind) {
            case THROTTLE:
                return chaos.throttles().get(random.nextInt(chaos.throttles().size()));
            case SERVER_ERROR:
                int status = chaos.serverErrors().get(random.nextInt(chaos.serverErrors().size()));
                return Fault.status(status, "server error " + status + " (chaos)");
            case RESET:
                return Fault.reset();
            case TRUNCATE:
                return Fault.truncatedBody();
            case STALL:
                return Fault.stall(chaos.stall());
            case SLOW:
                return Fault.slow(chaos.slow());
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static String key(RecordedRequest r) {
        return r.method() + ' ' + r.path() + '?' + r.query() + '#' + Arrays.hashCode(r.body());
    }
}
