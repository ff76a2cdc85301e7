package dev.auditsdk.core.spi.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.CredentialsNotFoundException;
import dev.auditsdk.core.auth.ApiToken;

/**
 * HTTP Basic authentication ({@code Authorization: Basic base64(user:password)}, UTF-8, RFC 7617)
 * from a {@link CredentialsProvider}. The provider is asked on every request, so rotated
 * credentials are picked up. A 401 is final: {@link #refresh(AuthHeaders)} returns false
 * because sending the same static credentials again cannot help.
 */
public final class BasicAuthenticator implements Authenticator {
    private final CredentialsProvider<UsernamePassword> credentials;

    private BasicAuthenticator(CredentialsProvider<UsernamePassword> credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * @param credentials the user name and password
     * @return an authenticator sending them as Basic credentials
     */
    public static BasicAuthenticator of(CredentialsProvider<UsernamePassword> credentials) {
        return new BasicAuthenticator(credentials);
    }

    /**
     * Sends an {@link ApiToken} as Basic credentials: its name as the user, the token as the
     * password (e.g. Sonatype Lifecycle user tokens, {@code code:passcode}). A vendor that
     * decorates the user part (Boomi's {@code BOOMI_TOKEN.<user>}) maps the token with
     * {@link CredentialsProvider#map} and uses {@link #of(CredentialsProvider)}.
     *
     * @param credentials the token; it must have a name
     * @return an authenticator sending {@code name:token} as Basic credentials
     */
    public static BasicAuthenticator ofApiToken(CredentialsProvider<ApiToken> credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new BasicAuthenticator(credentials.map(token -> UsernamePassword.of(
                token.name().orElseThrow(() -> new IllegalArgumentException(
                        "ApiToken.name is required for Basic authentication")),
                token.token())));
    }

    /**
     * @return {@code Authorization: Basic ...} for the credentials resolved now
     * @throws CredentialsNotFoundException when the provider finds no credentials
     * @throws IllegalArgumentException when the user name contains {@code ':'}, which Basic
     *     authentication cannot carry
     */
    @Override
    public AuthHeaders authenticate() {
        UsernamePassword resolved = Objects.requireNonNull(credentials.resolve(), "credentials provider returned null");
        if (resolved.username().indexOf(':') >= 0) {
            throw new IllegalArgumentException("username must not contain ':' for Basic authentication");
        }
        String pair = resolved.username() + ':' + resolved.password().reveal();
        return AuthHeaders.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param rejected the refused headers
     * @return always false: static credentials that were refused stay refused
     */
    @Override
    public boolean refresh(AuthHeaders rejected) {
        return false;
    }

    @Override
    public String toString() {
        return "BasicAuthenticator[" + credentials + "]";
    }
}
