package dev.auditsdk.core.auth;

import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An API token, optionally paired with the name it belongs to: a user name (Boomi sends
 * {@code BOOMI_TOKEN.<user>:<token>} as Basic credentials) or a token code (Sonatype Lifecycle
 * user tokens are {@code code:passcode} sent as Basic). How the pair goes on the wire is the
 * vendor's choice. {@link #toString()} shows the name only; the token prints as {@code ****}.
 */
@Value.Immutable
public abstract class ApiToken {

    /**
     * @param name the user name or token name paired with the token; not null, not blank
     * @param token the token; not null
     * @return the token with its name
     * @throws NullPointerException naming the argument that is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static ApiToken of(String name, Secret token) {
        return ImmutableApiToken.builder()
                .name(Checks.requireNonBlank(name, "name"))
                .token(Objects.requireNonNull(token, "token"))
                .build();
    }

    /**
     * @param token the token; not null
     * @return a token without a name (a bearer-style token)
     * @throws NullPointerException if {@code token} is null
     */
    public static ApiToken of(Secret token) {
        return ImmutableApiToken.builder().token(Objects.requireNonNull(token, "token")).build();
    }

    /** @return the user name or token name paired with the token (not a secret), if any */
    public abstract Optional<String> name();

    /** @return the token */
    public abstract Secret token();

    @Value.Check
    void check() {
        name().ifPresent(name -> Checks.requireNonBlank(name, "name"));
    }
}
