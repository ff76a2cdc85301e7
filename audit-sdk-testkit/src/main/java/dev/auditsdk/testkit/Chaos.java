package dev.auditsdk.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A seeded random fault mode for a simulator: each request (or each request whose path a
 * {@link Builder#onlyPaths path filter} selects) fails, with probability {@link #rate()}, with a
 * fault of one of the enabled {@link Kind kinds}, drawn from a {@link java.util.Random} seeded
 * with {@link #seed()}. Install it with {@link SimulatorServer#chaos(Chaos)}; read what was
 * injected with {@link SimulatorServer#chaosCounts()}.
 *
 * <pre>{@code
 * sim.chaos(Chaos.builder()
 *         .seed(42)
 *         .rate(0.2)                               // about one request in five
 *         .stall(Duration.ofMillis(600))           // longer than the client's body-read timeout
 *         .throttle(Fault.status(503, Map.of(), "rate limit exceeded"))   // the vendor's own throttle
 *         .exceptPaths("/health")
 *         .build());
 * }</pre>
 *
 * <p><b>Termination.</b> One request — same method, path, query and body — never gets more than
 * {@link #maxConsecutive()} (default 2) chaos faults in a row: the next attempt is answered
 * normally, so a client that retries at least {@code maxConsecutive} times always gets through.
 * Faults queued with {@link SimulatorServer#injectFault(String, Fault)} come first and are not
 * counted here.
 *
 * <p><b>Determinism.</b> For a seed, the faults depend only on the order in which requests
 * arrive: the same sequence of requests meets the same faults.
 *
 * <p>Immutable; built with {@link #builder()}.
 */
public final class Chaos {
    /** Default probability that a request fails. */
    public static final double DEFAULT_RATE = 0.2;
    /** Default cap of faults in a row on the same request. */
    public static final int DEFAULT_MAX_CONSECUTIVE = 2;
    /** Default pause of a {@link Kind#STALL}. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(1);
    /** Default added delay of a {@link Kind#SLOW} answer. */
    public static final Duration DEFAULT_SLOW = Duration.ofMillis(200);

    /** The families of faults chaos draws from, each counted separately. */
    public enum Kind {
        /** A throttle answer: by default 429 with {@code Retry-After: 0}; see {@link Builder#throttle(Fault)}. */
        THROTTLE,
        /** A server error: 500, 502, 503 or 504 by default; see {@link Builder#serverErrors(int...)}. */
        SERVER_ERROR,
        /** The connection closed before any response byte ({@link Fault#reset()}). */
        RESET,
        /** The real answer cut off half way through its body ({@link Fault#truncatedBody()}). */
        TRUNCATE,
        /** Half the real body, then silence for {@link Chaos#stall()}, then close ({@link Fault#stall(Duration)}). */
        STALL,
        /** The real answer, complete, spread over {@link Chaos#slow()} ({@link Fault#slow(Duration)}). */
        SLOW
    }

    private final long seed;
    private final double rate;
    private final Set<Kind> kinds;
    private final Duration stall;
    private final Duration slow;
    private final List<Fault> throttles;
    private final List<Integer> serverErrors;
    private final List<String> onlyPaths;
    private final List<String> exceptPaths;
    private final int maxConsecutive;

    private Chaos(Builder b) {
        this.seed = b.seed;
        this.rate = b.rate;
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(b.kinds));
        this.stall = b.stall;
        this.slow = b.slow;
        this.throttles = List.copyOf(b.throttles.isEmpty()
                ? List.of(Fault.status(429, Map.of("Retry-After", "0"), "Too Many Requests (chaos)"))
                : b.throttles);
        this.serverErrors = List.copyOf(b.serverErrors);
        this.onlyPaths = List.copyOf(b.onlyPaths);
        this.exceptPaths = List.copyOf(b.exceptPaths);
        this.maxConsecutive = b.maxConsecutive;
    }

    /** @return a builder with the defaults: rate 0.2, every kind, 1 s stalls, 200 ms slow answers, every path */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the seed of the random draws */
    public long seed() {
        return seed;
    }

    /** @return the probability, in [0, 1], that a selected request fails */
    public double rate() {
        return rate;
    }

    /** @return the kinds of fault drawn, each equally likely */
    public Set<Kind> kinds() {
        return kinds;
    }

    /** @return how long a {@link Kind#STALL} sends nothing before closing */
    public Duration stall() {
        return stall;
    }

    /** @return the delay a {@link Kind#SLOW} answer is spread over */
    public Duration slow() {
        return slow;
    }

    /** @return the throttle answers a {@link Kind#THROTTLE} picks from, each equally likely */
    public List<Fault> throttles() {
        return throttles;
    }

    /** @return the statuses a {@link Kind#SERVER_ERROR} picks from, each equally likely */
    public List<Integer> serverErrors() {
        return serverErrors;
    }

    /** @return the path prefixes chaos is limited to; empty for every path */
    public List<String> onlyPaths() {
        return onlyPaths;
    }

    /** @return the path prefixes chaos leaves alone */
    public List<String> exceptPaths() {
        return exceptPaths;
    }

    /** @return the most chaos faults one request gets in a row */
    public int maxConsecutive() {
        return maxConsecutive;
    }

    /**
     * @param path a request path
     * @return whether chaos may fail a request to this path
     */
    public boolean appliesTo(String path) {
        for (String except : exceptPaths) {
            if (path.startsWith(except)) {
                return false;
            }
        }
        if (onlyPaths.isEmpty()) {
            return true;
        }
        for (String only : onlyPaths) {
            if (path.startsWith(only)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Chaos[seed=" + seed + ", rate=" + rate + ", kinds=" + kinds + ", stall=" + stall.toMillis()
                + " ms, slow=" + slow.toMillis() + " ms, maxConsecutive=" + maxConsecutive + "]";
    }

    /** Builds a {@link Chaos}. */
    public static final class Builder {
        private long seed;
        private double rate = DEFAULT_RATE;
        private Set<Kind> kinds = EnumSet.allOf(Kind.class);
        private Duration stall = DEFAULT_STALL;
        private Duration slow = DEFAULT_SLOW;
        private final List<Fault> throttles = new ArrayList<>();
        private List<Integer> serverErrors = List.of(500, 502, 503, 504);
        private final List<String> onlyPaths = new ArrayList<>();
        private final List<String> exceptPaths = new ArrayList<>();
        private int maxConsecutive = DEFAULT_MAX_CONSECUTIVE;

        private Builder() {
        }

        /**
         * @param seed the seed of the random draws; default 0
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param rate the probability, in [0, 1], that a selected request fails; default 0.2
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1]
         */
        public Builder rate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate must be in [0, 1], was " + rate);
            }
            this.rate = rate;
            return this;
        }

        /**
         * @param kinds the kinds of fault to draw from, each equally likely; default all
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder kinds(Kind... kinds) {
            if (kinds.length == 0) {
                throw new IllegalArgumentException("at least one kind of fault is needed");
            }
            EnumSet<Kind> set = EnumSet.noneOf(Kind.class);
            for (Kind k : kinds) {
                set.add(Objects.requireNonNull(k, "kind"));
            }
            this.kinds = set;
            return this;
        }

        /**
         * @param stall how long a {@link Kind#STALL} sends nothing before closing: make it longer
         *     than the client's body-read timeout to test that timeout; default 1 s
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder stall(Duration stall) {
            this.stall = Fault.stall(stall).duration();
            return this;
        }

        /**
         * @param slow the delay a {@link Kind#SLOW} answer is spread over (no gap longer than a
         *     quarter of it): keep a quarter of it under the client's timeouts; default 200 ms
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder slow(Duration slow) {
            this.slow = Fault.slow(slow).duration();
            return this;
        }

        /**
         * Adds a throttle answer, e.g. a vendor's documented throttle status; once one is added
         * the default (429 with {@code Retry-After: 0}) is no longer used unless added too.
         *
         * @param throttle a {@link Fault.Kind#STATUS} fault
         * @return this builder
         * @throws IllegalArgumentException if the fault is not a status fault
         */
        public Builder throttle(Fault throttle) {
            if (Objects.requireNonNull(throttle, "throttle").kind() != Fault.Kind.STATUS) {
                throw new IllegalArgumentException("a throttle is a status answer, was " + throttle);
            }
            throttles.add(throttle);
            return this;
        }

        /**
         * @param statuses the statuses of {@link Kind#SERVER_ERROR} answers; default 500, 502, 503, 504
         * @return this builder
         * @throws IllegalArgumentException if none is given or one is not a 5xx status
         */
        public Builder serverErrors(int... statuses) {
            if (statuses.length == 0) {
                throw new IllegalArgumentException("at least one status is needed");
            }
            List<Integer> list = new ArrayList<>();
            for (int s : statuses) {
                if (s < 500 || s > 599) {
                    throw new IllegalArgumentException("a server error is a 5xx status, was " + s);
                }
                list.add(s);
            }
            this.serverErrors = list;
            return this;
        }

        /**
         * @param prefixes limit chaos to requests whose path starts with one of these; default every path
         * @return this builder
         */
        public Builder onlyPaths(String... prefixes) {
            for (String p : prefixes) {
                onlyPaths.add(Objects.requireNonNull(p, "prefix"));
            }
            return this;
        }

        /**
         * @param prefixes leave requests whose path starts with one of these alone
         * @return this builder
         */
        public Builder exceptPaths(String... prefixes) {
            for (String p : prefixes) {
                exceptPaths.add(Objects.requireNonNull(p, "prefix"));
            }
            return this;
        }

        /**
         * @param max the most chaos faults one request (same method, path, query and body) gets
         *     in a row, at least 1; default 2
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxConsecutive(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConsecutive must be at least 1, was " + max);
            }
            this.maxConsecutive = max;
            return this;
        }

        /** @return the chaos mode */
        public Chaos build() {
            return new Chaos(this);
        }
    }
}
