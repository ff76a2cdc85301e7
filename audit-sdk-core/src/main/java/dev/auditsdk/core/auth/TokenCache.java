package dev.auditsdk.core.auth;

import dev.auditsdk.core.error.AuditSdkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 *       margin is still used for the first half of its lifetime, so short-lived tokens do not
 *       cause a login per request.</li>
 *   <li><b>Single flight:</b> while one thread runs the fetcher, every other thread that needs
 *       a token waits for that same attempt and receives its token, or its exception.</li>
 *   <li><b>Rejection:</b> {@link #refreshAfterRejection(Object)} logs in again only if the
 *       rejected token is still the current one, so many concurrent 401s on one token cause
 *       one login.</li>
 *   <li><b>No loops:</b> a failed login is not retried here and not remembered; the next call
 *       tries again. Retrying is the transport's job.</li>
 * </ul>
 *
 * <p>Tokens are compared by identity: each fetch is a new session, even if the server hands
 * back an equal value. Thread-safe.
 *
 * @param <T> the token type, e.g. {@link AccessToken}
 */
public final class TokenCache<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

    private final Supplier<? extends T> fetcher;
    private final Function<? super T, Optional<Instant>> expiry;
    private final Duration refreshAhead;
    private final Clock clock;

    private final Object lock = new Object();
    /** Written under {@link #lock}; read without it on the fast path. */
    private volatile Cached<T> current;
    /** The login in progress, if any. Guarded by {@link #lock}. */
    private CompletableFuture<T> inFlight;
    /** The thread running {@link #inFlight}. Guarded by {@link #lock}. */
    private Thread fetchingThread;

    private TokenCache(Supplier<? extends T> fetcher, Function<? super T, Optional<Instant>> expiry,
            Duration refreshAhead, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshAhead.isNegative()) {
            throw new IllegalArgumentException("refreshAhead must not be negative");
        }
    }

    /**
     * @param fetcher logs in and returns a new token (blocking); called by one thread at a time
     * @param expiry when a token expires, or empty when unknown (then it is kept until rejected);
     *     e.g. {@code AccessToken::expiresAt}
     * @param refreshAhead how long before its expiry a token is replaced; not negative
     * @param clock the time source (inject a fixed or mutable clock in tests)
     * @param <T> the token type
     * @return an empty cache; the first {@link #get()} logs in
     */
    public static <T> TokenCache<T> of(Supplier<? extends T> fetcher, Function<? super T, Optional<Instant>> expiry,
            Duration refreshAhead, Clock clock) {
        return new TokenCache<>(fetcher, expiry, refreshAhead, clock);
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
     * Returns the cached token, logging in first when there is none or it is due for refresh.
     *
     * @return a token usable now
     * @throws RuntimeException whatever the fetcher threw for this attempt (e.g.
     *     {@link dev.auditsdk.core.error.AuditAuthenticationException}), to every thread waiting on it
     * @throws AuditSdkException if the thread is interrupted while waiting for another thread's login
     * @throws IllegalStateException if called by the fetcher itself (a login sent through the
     *     authenticator it is logging in for), which would otherwise wait for itself forever
     */
    public T get() {
        Cached<T> cached = current;
        if (cached != null && cached.usableAt(clock.instant())) {
            return cached.token;
        }
        return fetchOrJoin();
    }

    /**
     * The server refused {@code rejected}: log in again unless another thread already did.
     *
     * @param rejected the token the server refused (compared by identity)
     * @return the token to use now: a fresh one, or the one another thread already fetched
     * @throws RuntimeException whatever the fetcher threw, as for {@link #get()}
     */
    public T refreshAfterRejection(T rejected) {
        Objects.requireNonNull(rejected, "rejected");
        synchronized (lock) {
            Cached<T> cached = current;
            if (cached != null && cached.token == rejected) {
                LOG.debug("Token reported as rejected; logging in again");
                current = null;
            }
        }
        return get();
    }

    /** @return the cached token without logging in, even if it is due for refresh */
    public Optional<T> peek() {
        Cached<T> cached = current;
        return cached == null ? Optional.empty() : Optional.of(cached.token);
    }

    /**
     * Forgets the cached token (e.g. before logging it out); the next {@link #get()} logs in.
     * A login already in progress still stores its token when it completes.
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

    private T fetchOrJoin() {
        CompletableFuture<T> flight;
        String reason = null;
        synchronized (lock) {
            Cached<T> cached = current;
            if (cached != null && cached.usableAt(clock.instant())) {
                return cached.token;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                fetchingThread = Thread.currentThread();
                reason = cached == null ? "no token cached" : "token due for refresh";
            } else if (fetchingThread == Thread.currentThread()) {
                // waiting for our own login would hang forever
                throw new IllegalStateException("The token fetcher asked its own TokenCache for a token;"
                        + " send the login request without this authenticator");
            }
            flight = inFlight;
        }
        // the login runs outside the lock; the other threads wait on its future
        return reason != null ? fetch(flight, reason) : await(flight);
    }

    /** Runs the fetcher and publishes the outcome to the cache and to the waiting threads. */
    private T fetch(CompletableFuture<T> flight, String reason) {
        LOG.debug("Logging in: {}", reason);
        try {
            T token = Objects.requireNonNull(fetcher.get(), "token fetcher returned null");
            Cached<T> cached = new Cached<>(token, refreshAt(token, clock.instant()));
            synchronized (lock) {
                current = cached;
                inFlight = null;
                fetchingThread = null;
            }
            flight.complete(token);
            return token;
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
    }

    private Instant refreshAt(T token, Instant fetchedAt) {
        Optional<Instant> expiresAt = Objects.requireNonNull(expiry.apply(token), "expiry function returned null");
        if (expiresAt.isEmpty()) {
            return null;
        }
        Instant expires = expiresAt.get();
        if (!expires.isAfter(fetchedAt)) {
            LOG.warn("The new token expired at {}, before it was received at {}; check the clocks", expires, fetchedAt);
        }
        Instant aheadOfExpiry = expires.minus(refreshAhead);
        Instant halfLife = fetchedAt.plus(Duration.between(fetchedAt, expires).dividedBy(2));
        return aheadOfExpiry.isAfter(halfLife) ? aheadOfExpiry : halfLife;
    }

    private static <T> T await(CompletableFuture<T> flight) {
        try {
            return flight.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AuditSdkException("Login failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditSdkException("Interrupted while waiting for another thread's login", e);
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

        boolean usableAt(Instant now) {
            return refreshAt == null || now.isBefore(refreshAt);
        }
    }
}
