package dev.auditsdk.core.spi.auth;

import dev.auditsdk.core.AuditLogListener;

/**
 * Supplies the authentication headers of each request and renews them when the server
 * rejects them. The transport calls {@link #authenticate()} before every attempt and, on an
 * HTTP 401, calls {@link #refresh(AuthHeaders)} and replays the request; a replay refused again
 * is final unless the server accepted other requests in between (then the new session ended
 * too, and it is renewed again, a bounded number of times per request).
 *
 * <p>Implementations must be thread-safe; session-style ones log in at most once however
 * many threads ask at the same moment (see {@code TokenCache}).
 */
public interface Authenticator {

    /**
     * @return the headers for the next request; may log in first (blocking)
     * @throws dev.auditsdk.core.error.AuditAuthenticationException when the login is refused
     */
    AuthHeaders authenticate();

    /**
     * Called when the server answered 401 to a request sent with {@code rejected}.
     * Implementations renew their credential unless another thread already did (the current
     * headers are no longer {@code rejected}).
     *
     * @param rejected the headers the server refused
     * @return true if a replay with fresh headers may succeed; false when refreshing cannot help
     *     (static credentials), so the 401 is final
     */
    boolean refresh(AuthHeaders rejected);

    /**
     * Lets a source's {@link AuditLogListener} hear each login this authenticator makes
     * ({@link AuditLogListener#onLogin(boolean)}): the transport calls it when it is given the
     * authenticator, so every vendor's logins are counted without code of its own. Default:
     * nothing (authenticators that never log in).
     *
     * @param listener the listener of the transport using this authenticator
     */
    default void observeLogins(AuditLogListener listener) {
    }

    /**
     * Ends the session if there is one (best effort; never throws). Default: nothing.
     */
    default void close() {
    }

    /** @return an authenticator that adds nothing (anonymous requests) */
    static Authenticator none() {
        return new Authenticator() {
            @Override
            public AuthHeaders authenticate() {
                return AuthHeaders.none();
            }

            @Override
            public boolean refresh(AuthHeaders rejected) {
                return false;
            }
        };
    }
}
