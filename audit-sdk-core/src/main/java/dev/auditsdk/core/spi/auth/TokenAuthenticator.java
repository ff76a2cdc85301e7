package dev.auditsdk.core.spi.auth;

import dev.auditsdk.core.AuditLogListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session-style authentication: logs in once, caches the token in a {@link TokenCache}
 * (refresh ahead of expiry, single flight) and turns it into request headers with a function
 * the vendor chooses, e.g.
 *
 * <pre>{@code
 * TokenAuthenticator<AccessToken> auth = TokenAuthenticator
 *         .builder(this::login, token -> AuthHeaders.of("Authorization", "Bearer " + token.value().reveal()))
 *         .expiry(AccessToken::expiresAt)
 *         .logout(this::logout)
 *         .build();
 * }</pre>
 *
 * <p>On a 401 the transport calls {@link #refresh(AuthHeaders)}: if the refused headers are
 * still the current ones, it logs in again (one login however many requests were refused at
 * once); otherwise another thread already did and the replay uses the newer headers.
 * {@link #close()} logs the session out, best effort; a login still in flight then is logged
 * out as soon as it completes and never cached, and later calls fail with
 * {@link IllegalStateException}.
 *
 * <p>Logins are paced as {@link TokenCache} describes: at most one per
 * {@code minLoginInterval} (default one minute) for expiry, plus at most one per interval after
 * a refusal, whatever lifetimes the server announces; vendor-sent lifetimes are clamped to
 * [{@link TokenLifetime#MIN}, {@link TokenLifetime#MAX}].
 *
 * @param <T> the token (session) type the login returns
 */
public final class TokenAuthenticator<T> implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthenticator.class);

    private final TokenCache<Session<T>> sessions;
    private final Consumer<? super T> logout;
    private volatile AuditLogListener logins = AuditLogListener.NONE;

    private TokenAuthenticator(Builder<T> builder) {
        Supplier<? extends T> login = builder.login;
        Function<? super T, AuthHeaders> headers = builder.headers;
        Function<? super T, Optional<Instant>> expiry = builder.expiry;
        // headers are built once per login, so each session has exactly one AuthHeaders instance
        // and a refused instance identifies the session it came from
        this.logout = builder.logout;
        this.sessions = TokenCache.<Session<T>>builder(() -> Session.of(observed(login), headers),
                        session -> expiry.apply(session.token))
                .refreshAhead(builder.refreshAhead)
                .minLoginInterval(builder.minLoginInterval)
                .waitTimeout(builder.loginWaitTimeout)
                .clock(builder.clock)
                // a login that completes after close() is ended at once, never cached
                .discard(this::logOut)
                .build();
    }

    /** Runs one login and tells the listener whether it was granted (a refusal or a failure to reach the vendor is not). */
    private T observed(Supplier<? extends T> login) {
        T token;
        try {
            token = login.get();
        } catch (RuntimeException e) {
            logins.onLogin(false);
            throw e;
        }
        logins.onLogin(true);
        return token;
    }

    /**
     * Reports each login (granted or not) to the listener from now on.
     *
     * @param listener the listener of the transport using this authenticator
     */
    @Override
    public void observeLogins(AuditLogListener listener) {
        this.logins = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @param login logs in and returns a new token (blocking); throw
     *     {@link dev.auditsdk.core.error.AuditAuthenticationException} when the login is refused
     * @param headers turns a token into the headers of a request (header name and prefix are
     *     the vendor's: {@code Authorization: Bearer x}, {@code icSessionId: x}, {@code authToken: x})
     * @param <T> the token type
     * @return a builder; by default tokens never expire (kept until refused), refresh ahead is
     *     one minute, logins are paced by {@link TokenCache#DEFAULT_MIN_LOGIN_INTERVAL}, waits for
     *     another thread's login end after {@link TokenCache#DEFAULT_WAIT_TIMEOUT}, the clock is
     *     the system UTC clock and there is no logout
     */
    public static <T> Builder<T> builder(Supplier<? extends T> login, Function<? super T, AuthHeaders> headers) {
        return new Builder<>(login, headers);
    }

    /**
     * @return the headers of the current session, logging in first if there is none or it is
     *     due for refresh
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public AuthHeaders authenticate() {
        return sessions.get().headers;
    }

    /**
     * Logs in again if {@code rejected} belongs to the current session; does nothing when another
     * thread already replaced it.
     *
     * @param rejected the headers the server refused
     * @return true: the replay uses the new session's headers; false when login pacing declines
     *     to log in again (a refusal already caused a login within {@code minLoginInterval}), so
     *     the 401 is final
     * @throws RuntimeException what the login threw, when the new login fails
     */
    @Override
    public boolean refresh(AuthHeaders rejected) {
        Objects.requireNonNull(rejected, "rejected");
        Optional<Session<T>> session = sessions.peek();
        if (session.isPresent() && session.get().headers == rejected) {
            return sessions.refreshAfterRejection(session.get()) != session.get();
        }
        return true;
    }

    /**
     * For vendors whose login answer carries more than the header value (e.g. the API base
     * URL of Informatica's {@code serverUrl}).
     *
     * @return the current token, logging in first if needed
     */
    public T token() {
        return sessions.get().token;
    }

    /**
     * Logs the current session out, if there is one and a logout was configured, and closes the
     * authenticator: a login in flight is logged out when it completes and not cached, and a
     * later {@link #authenticate()} or {@link #token()} fails with {@link IllegalStateException}.
     * Best effort: never throws; a failed logout is logged at debug level by type only. Idempotent.
     */
    @Override
    public void close() {
        sessions.close().ifPresent(this::logOut);
    }

    private void logOut(Session<T> session) {
        if (logout == null) {
            return;
        }
        try {
            logout.accept(session.token);
            LOG.debug("Session logged out");
        } catch (RuntimeException e) {
            LOG.debug("Best-effort logout failed: {}", e.getClass().getName());
        }
    }

    /** A token and the one headers instance built from it. */
    private static final class Session<T> {
        final T token;
        final AuthHeaders headers;

        private Session(T token, AuthHeaders headers) {
            this.token = token;
            this.headers = headers;
        }

        static <T> Session<T> of(T token, Function<? super T, AuthHeaders> toHeaders) {
            Objects.requireNonNull(token, "login returned null");
            return new Session<>(token, Objects.requireNonNull(toHeaders.apply(token), "headers function returned null"));
        }
    }

    /**
     * Configures a {@link TokenAuthenticator}.
     *
     * @param <T> the token type
     */
    public static final class Builder<T> {
        private final Supplier<? extends T> login;
        private final Function<? super T, AuthHeaders> headers;
        private Function<? super T, Optional<Instant>> expiry = token -> Optional.empty();
        private Duration refreshAhead = Duration.ofMinutes(1);
        private Duration minLoginInterval = TokenCache.DEFAULT_MIN_LOGIN_INTERVAL;
        private Duration loginWaitTimeout = TokenCache.DEFAULT_WAIT_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Consumer<? super T> logout;

        private Builder(Supplier<? extends T> login, Function<? super T, AuthHeaders> headers) {
            this.login = Objects.requireNonNull(login, "login");
            this.headers = Objects.requireNonNull(headers, "headers");
        }

        /**
         * @param expiry when a token expires, or empty when unknown; e.g. {@code AccessToken::expiresAt}
         * @return this builder
         */
        public Builder<T> expiry(Function<? super T, Optional<Instant>> expiry) {
            this.expiry = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /**
         * @param refreshAhead how long before its expiry a token is replaced; not negative
         * @return this builder
         */
        public Builder<T> refreshAhead(Duration refreshAhead) {
            Objects.requireNonNull(refreshAhead, "refreshAhead");
            if (refreshAhead.isNegative()) {
                throw new IllegalArgumentException("refreshAhead must not be negative");
            }
            this.refreshAhead = refreshAhead;
            return this;
        }

        /**
         * @param interval the shortest time between two logins for expiry, and between two
         *     logins after a refusal (see {@link TokenCache}); {@link Duration#ZERO} turns pacing off
         * @return this builder
         */
        public Builder<T> minLoginInterval(Duration interval) {
            Objects.requireNonNull(interval, "minLoginInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("minLoginInterval must not be negative");
            }
            this.minLoginInterval = interval;
            return this;
        }

        /**
         * @param timeout how long a request waits for a login another thread is running before
         *     failing with {@link dev.auditsdk.core.error.AuditTransportException}; positive.
         *     Set it at least as long as a login may take (its request timeout times its attempts)
         * @return this builder
         */
        public Builder<T> loginWaitTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "loginWaitTimeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("loginWaitTimeout must be positive, was " + timeout);
            }
            this.loginWaitTimeout = timeout;
            return this;
        }

        /**
         * @param clock the time source expiries are compared with
         * @return this builder
         */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param logout ends a session on {@link TokenAuthenticator#close()}, and a session whose
         *     login completes after it; may throw, the failure is logged and ignored
         * @return this builder
         */
        public Builder<T> logout(Consumer<? super T> logout) {
            this.logout = Objects.requireNonNull(logout, "logout");
            return this;
        }

        /** @return the authenticator; it logs in on the first {@link TokenAuthenticator#authenticate()} */
        public TokenAuthenticator<T> build() {
            return new TokenAuthenticator<>(this);
        }
    }
}
