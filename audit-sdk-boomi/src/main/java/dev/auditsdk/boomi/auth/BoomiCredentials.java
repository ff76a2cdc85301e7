package dev.auditsdk.boomi.auth;

import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.UsernamePassword;
import java.util.Objects;

/**
 * Turns the two kinds of Boomi credentials into the Basic user and password Boomi expects: a
 * user name and password as they are, an API token as {@code BOOMI_TOKEN.<user>:<token>}.
 */
public final class BoomiCredentials {
    /** The prefix Boomi expects before the user name when the password is an API token. */
    public static final String TOKEN_USER_PREFIX = "BOOMI_TOKEN.";

    private BoomiCredentials() {
    }

    /**
     * @param apiToken the user's API token; its name must be the user name (an email address)
     * @return Basic credentials {@code BOOMI_TOKEN.<user>} / token
     * @throws IllegalArgumentException when the token has no user name
     */
    public static UsernamePassword fromApiToken(ApiToken apiToken) {
        Objects.requireNonNull(apiToken, "apiToken");
        String user = apiToken.name().orElseThrow(() -> new IllegalArgumentException(
                "a Boomi API token needs the user name it belongs to (ApiToken.of(user, token))"));
        return UsernamePassword.of(user.startsWith(TOKEN_USER_PREFIX) ? user : TOKEN_USER_PREFIX + user, apiToken.token());
    }

    /**
     * @param apiTokens resolves the user's API token (with the user name as its name)
     * @return a provider of the Basic credentials Boomi expects for it
     */
    public static CredentialsProvider<UsernamePassword> fromApiToken(CredentialsProvider<ApiToken> apiTokens) {
        Objects.requireNonNull(apiTokens, "apiTokens");
        return apiTokens.map(BoomiCredentials::fromApiToken);
    }
}
