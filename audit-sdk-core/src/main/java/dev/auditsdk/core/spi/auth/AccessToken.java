package dev.auditsdk.core.spi.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import dev.auditsdk.core.auth.Secret;

/**
 * A bearer or session token obtained by a login, with its expiry when the server told it.
 * {@link #toString()} shows the expiry only; the value prints as {@code ****}.
 * Use {@code AccessToken::expiresAt} as the expiry function of a {@link TokenCache}.
 */
@Value.Immutable
public abstract class AccessToken {

    /**
     * @param value the token; not null
     * @return a token without a known expiry (kept until the server rejects it)
     * @throws NullPointerException if {@code value} is null
     */
    public static AccessToken of(Secret value) {
        return ImmutableAccessToken.builder().value(Objects.requireNonNull(value, "value")).build();
    }

    /**
     * @param value the token; not null
     * @param expiresAt when the server stops accepting it; not null
     * @return a token that expires at {@code expiresAt}
     * @throws NullPointerException naming the argument that is null
     */
    public static AccessToken of(Secret value, Instant expiresAt) {
        return ImmutableAccessToken.builder()
                .value(Objects.requireNonNull(value, "value"))
                .expiresAt(Objects.requireNonNull(expiresAt, "expiresAt"))
                .build();
    }

    /** @return the token */
    public abstract Secret value();

    /** @return when the server stops accepting the token, if known */
    public abstract Optional<Instant> expiresAt();
}
