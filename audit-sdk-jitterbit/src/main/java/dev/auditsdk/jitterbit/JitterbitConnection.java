package dev.auditsdk.jitterbit;

import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A source's connection to Harmony: the transport (retry, timeouts, TLS rules, error decoding)
 * with the session authenticator of {@link JitterbitLogin} on top (one login however many threads
 * ask, paced, again ahead of expiry and once after a 401), and the service root the calls go to.
 */
final class JitterbitConnection implements AutoCloseable {
    private final URI service;
    private final HttpTransport transport;
    private final TokenAuthenticator<JitterbitSession> sessions;

    /**
     * @param service the service root, {@code https://host/jitterbit-cloud-restful-service/}
     * @param login the login
     * @param transportSettings the caller's transport settings; the error decoder is set here
     * @param minLoginInterval the login pacing
     */
    JitterbitConnection(URI service, JitterbitLogin login, HttpTransport.Builder transportSettings, Duration minLoginInterval) {
        this.service = Objects.requireNonNull(service, "service");
        // logins go through the plain transport; the authenticated view is built on top of it
        HttpTransport plain = transportSettings.errorDecoder(new JitterbitErrorDecoder()).build();
        this.sessions = login.authenticator(plain, minLoginInterval);
        this.transport = plain.withAuthenticator(sessions);
    }

    /** @return the service root, e.g. {@code https://na-east.jitterbit.com/jitterbit-cloud-restful-service/} */
    URI service() {
        return service;
    }

    /** @return the authenticated transport */
    HttpTransport transport() {
        return transport;
    }

    /** @return the retry policy in force, for re-reading a download that failed part-way */
    RetryPolicy retryPolicy() {
        return transport.retryPolicy();
    }

    /** @return the current session, logging in first when there is none */
    JitterbitSession session() {
        return sessions.token();
    }

    /** Releases the HTTP client if the transport built it (a caller's client is left open). */
    @Override
    public void close() {
        transport.close();
    }
}
