package dev.auditsdk.core.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Supplies credentials when they are needed (at each login or request), so they can come from
 * the environment, a vault or a rotating file without living in configuration objects.
 *
 * <p>Environment and system-property providers read their variables on every
 * {@link #resolve()}; a missing or blank variable raises {@link CredentialsNotFoundException}
 * naming the variables, never their values. Prefer environment variables to system
 * properties for secrets: {@code -D} arguments are visible in process listings.
 *
 * <pre>{@code
 * CredentialsProvider<UsernamePassword> credentials = CredentialsProvider.chain(
 *         CredentialsProvider.usernamePasswordFromEnv("IQ_USER", "IQ_PASSWORD"),
 *         CredentialsProvider.usernamePasswordFromSystemProperties("iq.user", "iq.password"));
 * }</pre>
 *
 * @param <C> the credential type, e.g. {@link UsernamePassword}
 */
@FunctionalInterface
public interface CredentialsProvider<C> {

    /**
     * @return the credentials, never null
     * @throws CredentialsNotFoundException when this provider has none
     */
    C resolve();

    /**
     * Adapts the credentials, e.g. an {@link ApiToken} into the {@link UsernamePassword} a vendor
     * expects on the wire.
     *
     * @param mapper turns these credentials into others; not null
     * @param <D> the resulting credential type
     * @return a provider resolving this one and applying {@code mapper}
     */
    default <D> CredentialsProvider<D> map(Function<? super C, ? extends D> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return () -> mapper.apply(resolve());
    }

    /**
     * @param credentials fixed credentials; not null
     * @param <C> the credential type
     * @return a provider that always returns {@code credentials}
     */
    static <C> CredentialsProvider<C> of(C credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return () -> credentials;
    }

    /**
     * @param userVar the environment variable holding the user name
     * @param passwordVar the environment variable holding the password
     * @return a provider reading both variables
     */
    static CredentialsProvider<UsernamePassword> usernamePasswordFromEnv(String userVar, String passwordVar) {
        return VariableSource.environment().usernamePassword(userVar, passwordVar);
    }

    /**
     * @param nameVar the environment variable holding the user or token name
     * @param tokenVar the environment variable holding the token
     * @return a provider reading both variables
     */
    static CredentialsProvider<ApiToken> apiTokenFromEnv(String nameVar, String tokenVar) {
        return VariableSource.environment().apiToken(nameVar, tokenVar);
    }

    /**
     * @param tokenVar the environment variable holding the token
     * @return a provider of a token without a name
     */
    static CredentialsProvider<ApiToken> apiTokenFromEnv(String tokenVar) {
        return VariableSource.environment().apiToken(tokenVar);
    }

    /**
     * @param idVar the environment variable holding the client id
     * @param secretVar the environment variable holding the client secret
     * @return a provider reading both variables
     */
    static CredentialsProvider<OAuthClientCredentials> oauthFromEnv(String idVar, String secretVar) {
        return VariableSource.environment().oauth(idVar, secretVar);
    }

    /**
     * @param userProperty the system property holding the user name
     * @param passwordProperty the system property holding the password
     * @return a provider reading both properties
     */
    static CredentialsProvider<UsernamePassword> usernamePasswordFromSystemProperties(String userProperty,
            String passwordProperty) {
        return VariableSource.systemProperties().usernamePassword(userProperty, passwordProperty);
    }

    /**
     * @param nameProperty the system property holding the user or token name
     * @param tokenProperty the system property holding the token
     * @return a provider reading both properties
     */
    static CredentialsProvider<ApiToken> apiTokenFromSystemProperties(String nameProperty, String tokenProperty) {
        return VariableSource.systemProperties().apiToken(nameProperty, tokenProperty);
    }

    /**
     * @param tokenProperty the system property holding the token
     * @return a provider of a token without a name
     */
    static CredentialsProvider<ApiToken> apiTokenFromSystemProperties(String tokenProperty) {
        return VariableSource.systemProperties().apiToken(tokenProperty);
    }

    /**
     * @param idProperty the system property holding the client id
     * @param secretProperty the system property holding the client secret
     * @return a provider reading both properties
     */
    static CredentialsProvider<OAuthClientCredentials> oauthFromSystemProperties(String idProperty,
            String secretProperty) {
        return VariableSource.systemProperties().oauth(idProperty, secretProperty);
    }

    /**
     * Tries each provider in order; the first that finds credentials wins. Only
     * {@link CredentialsNotFoundException} moves on to the next provider; any other failure
     * propagates. When none finds any, the exception names every variable tried.
     *
     * @param providers the providers, in order; at least one, none null
     * @param <C> the credential type
     * @return the chained provider
     */
    @SafeVarargs
    static <C> CredentialsProvider<C> chain(CredentialsProvider<? extends C>... providers) {
        Objects.requireNonNull(providers, "providers");
        // copied element by element: the generic varargs array itself never escapes
        List<CredentialsProvider<? extends C>> list = new ArrayList<>(providers.length);
        for (CredentialsProvider<? extends C> provider : providers) {
            list.add(provider);
        }
        return new ChainedCredentialsProvider<>(list);
    }
}
