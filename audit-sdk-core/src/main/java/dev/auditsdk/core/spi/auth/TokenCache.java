package dev.auditsdk.core.spi.auth;

import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditTransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches a session token and logs in again before it expires, one login at a time however
 * many threads ask (after AWS's {@code CachedSupplier}).
 *
 * <ul>
 *   <li><b>Refresh ahead:</b> a token is replaced before use once it is within
 *       {@code refreshAhead} of its expiry. A token whose whole lifetime is shorter than that
 *       margin is due after the first half of its lifetime. The expiry a token reports is
 *       clamped by {@link TokenLifetime} to 30 s .. 24 h after its login.</li>
 *   <li><b>Single flight:</b> while one thread runs the fetcher, every other thread that needs
 *       a token waits for that same attempt and receives its token, or its exception; a wait
 *       longer than {@code waitTimeout} (default {@link #DEFAULT_WAIT_TIMEOUT}) fails with an
 *       {@link AuditTransportException} instead of hanging behind a stuck login.</li>
 *   <li><b>Rejection:</b> {@link #refreshAfterRejection(Object)} logs in again only if the
 *       rejected token is still the current one, so many concurrent 401s on one token cause
 *       one login.</li>
 *   <li><b>No loops:</b> a failed login is not retried here and not remembered; the next call
 *       tries again. Retrying is the transport's job.</li>
 *   <li><b>Close:</b> {@link #close()} hands back the cached token (to log it out); a login
 *       still in flight then gives its token to the {@code discard} hook instead of the cache,
 *       and every later call fails with {@link IllegalStateException}.</li>
 * </ul>
 *
 * <h2>Login pacing: no login storms</h2>
 * A server may announce sessions that are over at once ({@code expires_in: 0}) or refuse every
 * session it hands out. Neither makes this cache log in per request; with
 * {@code minLoginInterval} (default {@link #DEFAULT_MIN_LOGIN_INTERVAL}) it logs in
 * <ol>
 *   <li><b>for expiry, at most once per interval:</b> a token is reused until it is due
 *       <em>and</em> the interval has passed since the last login made for expiry (or the first
 *       login). A token that really expired sooner is refused by the server, which is rule 2;</li>
 *   <li><b>for a refusal (HTTP 401), at most once more per interval:</b> a refused current
 *       token is replaced at once, unless a refusal already caused a login less than the interval
 *       ago. Then the refusal stands: {@link #refreshAfterRejection(Object)} returns the refused
 *       token itself (a WARN line says why), so the request fails with the server's 401 instead of
 *       looping through logins;</li>
 *   <li><b>whenever there is no token:</b> the first call, and the call after a failed login
 *       (a login that was rejected, e.g. a wrong password since corrected, or that failed in
 *       transit). A failed login opens no session, so it does not count; the transport's retry
 *       policy already bounds how often one is attempted.</li>
 * </ol>
 * So a source logs in at most twice per interval however the server behaves, and a server that
 * honestly hands out sessions shorter than the interval still works: one login for expiry and
 * one after a refusal per interval. {@code minLoginInterval} may be {@link Duration#ZERO} to
 * turn pacing off.
 *
 * <p>Tokens are compared by identity: each fetch is a new session, even if the server hands
 * back an equal value. Thread-safe.
 *
 * @param <T> the token type, e.g. {@link AccessToken}
 */
public final class TokenCache<T> {
    /** The default shortest time between two logins for expiry (and between two after a refusal): one minute. */
    public static final Duration DEFAULT_MIN_LOGIN_INTERVAL = Duration.ofMinutes(1);
    /** The default longest wait for another thread's login: two minutes. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

    private final Supplier<? extends T> fetcher;
    private final Function<? super T, Optional<Instant>> expiry;
    private final Duration refreshAhead;
    private final Duration minLoginInterval;
    private final Duration waitTimeout;
    private final Consumer<? super T> discard;
    private final Clock clock;

    private final Object lock = new Object();
    /** Written under {@link #lock}; read without it on the fast path. */
    private volatile Cached<T> current;
    /** When the last successful login made for expiry (or the first) started. Guarded by {@link #lock}. */
    private volatile Instant lastExpiryLogin;
    /** When the last login made after a refusal started, successful or not. Guarded by {@link #lock}. */
    private Instant lastRefusalLogin;
    /** Set once by {@link #close()}. */
    private volatile boolean closed;
    /** The login in progress, if any. Guarded by {@link #lock}. */
    private CompletableFuture<T> inFlight;
    /** The thread running {@link #inFlight}. Guarded by {@link #lock}. */
    private Thread fetchingThread;

    private TokenCache(Builder<T> b) {
        this.fetcher = b.fetcher;
        this.expiry = b.expiry;
        this.refreshAhead = b.refreshAhead;
        this.minLoginInterval = b.minLoginInterval;
        this.waitTimeout = b.waitTimeout;
        this.discard = b.discard;
        this.clock = b.clock;
    }

    /**
     * @param fetcher logs in and returns a new token (blocking); called by one thread at a time
     * @param expiry when a token expires, or empty when unknown (then it is kept until rejected);
     *     e.g. {@code AccessToken::expiresAt}
     * @param <T> the token type
     * @return a builder; defaults: refresh ahead one minute, {@link #DEFAULT_MIN_LOGIN_INTERVAL},
     *     {@link #DEFAULT_WAIT_TIMEOUT}, the system UTC clock, no discard hook
     */
    public static <T> Builder<T> builder(Supplier<? extends T> fetcher, Function<? super T, Optional<Instant>> expiry) {
        return new Builder<>(fetcher, expiry);
    }

    /**
     * @param fetcher logs in and returns a new token (blocking); called by one thread at a time
     * @param expiry when a token expires, or empty when unknown (then it is kept until rejected);
     *     e.g. {@code AccessToken::expiresAt}
     * @param refreshAhead how long before its expiry a token is replaced; not negative
     * @param clock the time source (inject a fixed or mutable clock in tests)
     * @param <T> the token type
     * @return an empty cache with the default pacing and wait timeout; the first {@link #get()} logs in
     */
    public static <T> TokenCache<T> of(Supplier<? extends T> fetcher, Function<? super T, Optional<Instant>> expiry,
            Duration refreshAhead, Clock clock) {
        return TokenCache.<T>builder(fetcher, expiry).refreshAhead(refreshAhead).clock(clock).build();
    }

    /**
     * Same as {@link #of(Supplier, Function, Duration, Clock)} with the system UTC clock.
     *
     * @param fetcher logs in and returns a new token (blocking)
     * @param expiry when a token expires, or empty when unknown
     * @param refreshAhead how long before its expiry a token is replaced; not negative
     * @param <T> the token type
     * @return an empty cache
     */
    public static <T> TokenCache<T> of(Supplier<? extends T> fetcher, Function<? super T, Optional<Instant>> expiry,
            Duration refreshAhead) {
        return of(fetcher, expiry, refreshAhead, Clock.systemUTC());
    }

    /**
     * Returns the cached token, logging in first when there is none or it is due for refresh
     * (see the pacing rules above).
     *
     * @return a token usable now
     * @throws RuntimeException whatever the fetcher threw for this attempt (e.g.
     *     {@link dev.auditsdk.core.error.AuditAuthenticationException}), to every thread waiting on it
     * @throws AuditTransportException if another thread's login did not finish within the wait timeout
     * @throws AuditSdkException if the thread is interrupted while waiting for another thread's login
     * @throws IllegalStateException if the cache is closed, or if called by the fetcher itself (a
     *     login sent through the authenticator it is logging in for), which would otherwise wait
     *     for itself forever
     */
    public T get() {
        Cached<T> cached = current;
        if (cached != null && usable(cached, clock.instant())) {
            return cached.token;
        }
        return fetchOrJoin(false);
    }

    /**
     * The server refused {@code rejected}: log in again unless another thread already did, or
     * unless a refusal already caused a login within {@code minLoginInterval} (pacing rule 2).
     *
     * @param rejected the token the server refused (compared by identity)
     * @return the token to use now: a fresh one, the one another thread already fetched, or
     *     {@code rejected} itself when pacing declines to log in again (the refusal stands)
     * @throws RuntimeException whatever the fetcher threw, as for {@link #get()}
     * @throws IllegalStateException if the cache is closed
     */
    public T refreshAfterRejection(T rejected) {
        Objects.requireNonNull(rejected, "rejected");
        boolean replace;
        synchronized (lock) {
            requireOpen();
            Cached<T> cached = current;
            // otherwise another thread already replaced it, or is replacing it: use or join that
            replace = cached != null && cached.token == rejected;
            if (replace) {
                Instant now = clock.instant();
                if (lastRefusalLogin != null && now.isBefore(lastRefusalLogin.plus(minLoginInterval))) {
                    LOG.warn("The server refused a session although a refusal already caused a login {} s ago; not"
                            + " logging in again before {} s have passed since (minLoginInterval)",
                            Duration.between(lastRefusalLogin, now).getSeconds(), minLoginInterval.getSeconds());
                    return rejected;
                }
                LOG.debug("Token reported as rejected; logging in again");
                lastRefusalLogin = now;
                current = null;
            }
        }
        return replace ? fetchOrJoin(true) : get();
    }

    /** @return the cached token without logging in, even if it is due for refresh */
    public Optional<T> peek() {
        Cached<T> cached = current;
        return cached == null ? Optional.empty() : Optional.of(cached.token);
    }

    /**
     * Forgets the cached token; the next {@link #get()} logs in. A login already in progress
     * still stores its token when it completes.
     *
     * @return the token that was cached, if any
     */
    public Optional<T> clear() {
        synchronized (lock) {
            Optional<T> cleared = peek();
            current = null;
            return cleared;
        }
    }

    /**
     * Closes the cache for good: forgets the cached token and hands it back (to end its
     * session). A login still in flight does not store its token: the token goes to the
     * {@code discard} hook, and the threads waiting for it get an {@link IllegalStateException}.
     * Later calls fail with {@link IllegalStateException}. Idempotent.
     *
     * @return the token that was cached, if any (empty on the second call)
     */
    public Optional<T> close() {
        synchronized (lock) {
            closed = true;
            Optional<T> cleared = peek();
            current = null;
            return cleared;
        }
    }

    private boolean usable(Cached<T> cached, Instant now) {
        if (cached.refreshAt == null || now.isBefore(cached.refreshAt)) {
            return true;
        }
        // due, but a login for expiry is not repeated within the interval (pacing rule 1)
        Instant last = lastExpiryLogin;
        return last != null && now.isBefore(last.plus(minLoginInterval));
    }

    private T fetchOrJoin(boolean afterRefusal) {
        CompletableFuture<T> flight;
        String reason = null;
        synchronized (lock) {
            requireOpen();
            Cached<T> cached = current;
            if (cached != null && usable(cached, clock.instant())) {
                return cached.token;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                fetchingThread = Thread.currentThread();
                reason = afterRefusal ? "token refused" : cached == null ? "no token cached" : "token due for refresh";
            } else if (fetchingThread == Thread.currentThread()) {
                // waiting for our own login would hang forever
                throw new IllegalStateException("The token fetcher asked its own TokenCache for a token;"
                        + " send the login request without this authenticator");
            }
            flight = inFlight;
        }
        // the login runs outside the lock; the other threads wait on its future
        return reason != null ? fetch(flight, reason, afterRefusal) : await(flight);
    }

    /** Runs the fetcher and publishes the outcome to the cache and to the waiting threads. */
    private T fetch(CompletableFuture<T> flight, String reason, boolean afterRefusal) {
        LOG.debug("Logging in: {}", reason);
        Instant startedAt = clock.instant();
        T token;
        boolean discarded;
        try {
            token = Objects.requireNonNull(fetcher.get(), "token fetcher returned null");
            Cached<T> cached = new Cached<>(token, refreshAt(token, startedAt, clock.instant()));
            synchronized (lock) {
                discarded = closed;
                if (!discarded) {
                    current = cached;
                    if (!afterRefusal) {
                        lastExpiryLogin = startedAt;
                    }
                }
                inFlight = null;
                fetchingThread = null;
            }
        } catch (Throwable failure) {
            // always end the attempt, or every later caller would wait on it forever
            synchronized (lock) {
                inFlight = null;
                fetchingThread = null;
            }
            flight.completeExceptionally(failure);
            LOG.debug("Login failed: {}", failure.getClass().getName());
            throw failure;
        }
        if (discarded) {
            IllegalStateException closedNow = new IllegalStateException(
                    "TokenCache closed while logging in; the new session was discarded");
            flight.completeExceptionally(closedNow);
            discard(token);
            throw closedNow;
        }
        flight.complete(token);
        return token;
    }

    private void discard(T token) {
        if (discard == null) {
            return;
        }
        try {
            discard.accept(token);
        } catch (RuntimeException e) {
            LOG.debug("Discarding a session after close failed: {}", e.getClass().getName());
        }
    }

    private Instant refreshAt(T token, Instant startedAt, Instant receivedAt) {
        Optional<Instant> expiresAt = Objects.requireNonNull(expiry.apply(token), "expiry function returned null");
        if (expiresAt.isEmpty()) {
            return null;
        }
        // the login's answer arrived between startedAt and receivedAt: a lifetime a vendor module
        // already clamped on either end passes unchanged (and is not logged twice)
        Instant raw = expiresAt.get();
        Instant expires = raw.isBefore(startedAt.plus(TokenLifetime.MIN))
                ? TokenLifetime.clampExpiry(raw, startedAt, "token expiry")
                : TokenLifetime.clampExpiry(raw, receivedAt, "token expiry");
        Instant aheadOfExpiry = expires.minus(refreshAhead);
        Instant halfLife = startedAt.plus(Duration.between(startedAt, expires).dividedBy(2));
        return aheadOfExpiry.isAfter(halfLife) ? aheadOfExpiry : halfLife;
    }

    private T await(CompletableFuture<T> flight) {
        try {
            return flight.get(waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AuditSdkException("Login failed", cause);
        } catch (TimeoutException e) {
            throw new AuditTransportException("Waited " + waitTimeout.toMillis() + " ms for another thread's login"
                    + " to finish (the TokenCache wait timeout); the login server may be hanging", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditSdkException("Interrupted while waiting for another thread's login", e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("TokenCache is closed: no login after close()");
        }
    }

    /** A token and the instant from which it must be replaced (null: never, until rejected). */
    private static final class Cached<T> {
        final T token;
        final Instant refreshAt;

        Cached(T token, Instant refreshAt) {
            this.token = token;
            this.refreshAt = refreshAt;
        }
    }

    /**
     * Configures a {@link TokenCache}.
     *
     * @param <T> the token type
     */
    public static final class Builder<T> {
        private final Supplier<? extends T> fetcher;
        private final Function<? super T, Optional<Instant>> expiry;
        private Duration refreshAhead = Duration.ofMinutes(1);
        private Duration minLoginInterval = DEFAULT_MIN_LOGIN_INTERVAL;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Consumer<? super T> discard;
        private Clock clock = Clock.systemUTC();

        private Builder(Supplier<? extends T> fetcher, Function<? super T, Optional<Instant>> expiry) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            this.expiry = Objects.requireNonNull(expiry, "expiry");
        }

        /**
         * @param refreshAhead how long before its expiry a token is replaced; not negative
         * @return this builder
         */
        public Builder<T> refreshAhead(Duration refreshAhead) {
            this.refreshAhead = notNegative(refreshAhead, "refreshAhead");
            return this;
        }

        /**
         * @param interval the shortest time between two logins for expiry, and between two logins
         *     after a refusal (see the class documentation); {@link Duration#ZERO} turns pacing off
         * @return this builder
         */
        public Builder<T> minLoginInterval(Duration interval) {
            this.minLoginInterval = notNegative(interval, "minLoginInterval");
            return this;
        }

        /**
         * @param timeout how long a thread waits for another thread's login before failing with
         *     an {@link AuditTransportException}; positive
         * @return this builder
         */
        public Builder<T> waitTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "waitTimeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("waitTimeout must be positive, was " + timeout);
            }
            this.waitTimeout = timeout;
            return this;
        }

        /**
         * @param discard receives a token whose login completed after {@link TokenCache#close()},
         *     e.g. to log that session out; runs on the thread that logged in; may throw (logged
         *     by type and ignored)
         * @return this builder
         */
        public Builder<T> discard(Consumer<? super T> discard) {
            this.discard = Objects.requireNonNull(discard, "discard");
            return this;
        }

        /**
         * @param clock the time source (inject a fixed or mutable clock in tests)
         * @return this builder
         */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return an empty cache; the first {@link TokenCache#get()} logs in */
        public TokenCache<T> build() {
            return new TokenCache<>(this);
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }
    }
}
