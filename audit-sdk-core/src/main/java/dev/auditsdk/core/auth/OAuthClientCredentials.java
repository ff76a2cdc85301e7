package dev.auditsdk.core.auth;

import java.util.Objects;
import org.immutables.value.Value;

/**
 * An OAuth 2.0 client id and client secret (client-credentials grant).
 * {@link #toString()} shows the client id only; the secret prints as {@code ****}.
 */
@Value.Immutable
public abstract class OAuthClientCredentials {

    /**
     * @param clientId the client (application) id; not null, not blank
     * @param clientSecret the client secret; not null
     * @return the client credentials
     * @throws NullPointerException naming the argument that is null
     * @throws IllegalArgumentException if {@code clientId} is blank
     */
    public static OAuthClientCredentials of(String clientId, Secret clientSecret) {
        return ImmutableOAuthClientCredentials.builder()
                .clientId(Checks.requireNonBlank(clientId, "clientId"))
                .clientSecret(Objects.requireNonNull(clientSecret, "clientSecret"))
                .build();
    }

    /** @return the client id (not a secret) */
    public abstract String clientId();

    /** @return the client secret */
    public abstract Secret clientSecret();

    @Value.Check
    void check() {
        Checks.requireNonBlank(clientId(), "clientId");
    }
}
