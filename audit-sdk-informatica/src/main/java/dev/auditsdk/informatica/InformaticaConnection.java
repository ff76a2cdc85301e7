package dev.auditsdk.informatica;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.spi.http.BodyReader;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A source's connection to Informatica: the transport (retry, timeouts, TLS rules, error
 * decoding) with a session authenticator on core's {@link TokenAuthenticator}: one login however
 * many threads ask, a new login (once) when the server answers 401 to an expired session, JWT
 * sessions renewed ahead of their {@code exp}, and a logout on {@link #close()}.
 */
final class InformaticaConnection implements AutoCloseable {
    private final HttpTransport transport;
    private final TokenAuthenticator<InformaticaSession> sessions;

    /**
     * @param api which login (and session header)
     * @param loginUrl the login host
     * @param credentials user name and password, resolved at each login
     * @param transportSettings the caller's transport settings (client, timeouts, retry policy,
     *     listener, HTTP opt-in); the authenticator and error decoder are set here
     * @param allowInsecureHttp whether plain HTTP to non-loopback hosts is allowed
     * @param clock the clock JWT expiries are compared with
     * @param refreshAhead how long before a JWT session's expiry it is renewed
     */
    InformaticaConnection(InformaticaLogin.Api api, URI loginUrl, CredentialsProvider<UsernamePassword> credentials,
            HttpTransport.Builder transportSettings, boolean allowInsecureHttp, Clock clock, Duration refreshAhead) {
        Objects.requireNonNull(transportSettings, "transportSettings");
        // logins go through the plain transport; the authenticated view is built on top of it
        HttpTransport plain = transportSettings
                .errorDecoder(new InformaticaErrorDecoder())
                .allowInsecureHttp(allowInsecureHttp)
                .build();
        InformaticaLogin login = new InformaticaLogin(api, loginUrl, credentials, plain, allowInsecureHttp);
        this.sessions = TokenAuthenticator.builder(login::login, login::headers)
                .expiry(InformaticaSession::expiresAt)
                .refreshAhead(refreshAhead)
                .clock(clock)
                .logout(login::logout)
                .build();
        this.transport = plain.withAuthenticator(sessions);
    }

    /** @return the current session's server URL, logging in first when there is no session */
    URI serverUrl() {
        return sessions.token().serverUrl();
    }

    /**
     * Sends a data call and reads its bounded answer inside the attempt, so an answer cut short
     * or stalled on the way is asked for again within the retry policy.
     *
     * @param request a data call
     * @param reader reads the answer
     * @param <T> what is read
     * @return what the reader returned
     */
    <T> T read(HttpRequestSpec request, BodyReader<T> reader) {
        return transport.send(request, reader);
    }

    /** @return the read limits in force */
    ReadLimits limits() {
        return transport.limits();
    }

    /** Logs out (best effort) and releases the HTTP client if the transport built it. */
    @Override
    public void close() {
        transport.close();
    }
}
