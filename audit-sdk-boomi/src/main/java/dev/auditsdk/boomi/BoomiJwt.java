package dev.auditsdk.boomi;

import dev.auditsdk.core.spi.auth.AccessToken;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.JwtClaims;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.spi.auth.TokenLifetime;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.auth.TokenCache;

/**
 * The Audit Log Staging API's JWT: fetched with HTTP Basic from
 * {@code GET /auth/jwt/generate/{accountId}} (the body is the raw token as plain text), sent as
 * {@code Authorization: Bearer <jwt>}, and cached for less than its life (Boomi: 5 minutes) in
 * core's {@code TokenCache}: refreshed ahead of expiry, one fetch at a time, and once more when
 * the staging API answers 401, so a long export survives any number of expiries.
 *
 * <p>The token's expiry is the earlier of its {@code exp} claim (read by core's
 * {@link JwtClaims}, not verified: the SDK is not the audience that checks the signature) and the
 * fetch time plus the assumed lifetime, clamped by {@link TokenLifetime} to 30 s .. 24 h after
 * the fetch (logged): an {@code exp} already past (clock skew) counts as 30 s, and an absurd one
 * never throws.
 */
final class BoomiJwt {
    /** Boomi's documented JWT lifetime. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** How long before its expiry a JWT is replaced by default. */
    static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(BoomiJwt.class);

    private BoomiJwt() {
    }

    /**
     * @param platform a transport authenticating with Basic credentials (see {@link BoomiBasicAuthenticator})
     * @param generateUri the JWT endpoint, {@code https://api.boomi.com/auth/jwt/generate/{accountId}}
     * @param lifetime how long a JWT is assumed valid when its {@code exp} claim says nothing sooner
     * @param refreshAhead how long before expiry a JWT is replaced
     * @param clock the time source
     * @return an authenticator adding {@code Authorization: Bearer <jwt>}
     */
    static TokenAuthenticator<AccessToken> authenticator(HttpTransport platform, URI generateUri,
            Duration lifetime, Duration refreshAhead, Clock clock) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(generateUri, "generateUri");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(clock, "clock");
        return TokenAuthenticator.<AccessToken>builder(() -> fetch(platform, generateUri, lifetime, clock),
                        token -> AuthHeaders.of("Authorization", "Bearer " + token.value().reveal()))
                .expiry(AccessToken::expiresAt)
                .refreshAhead(refreshAhead)
                .clock(clock)
                .build();
    }

    private static AccessToken fetch(HttpTransport platform, URI generateUri, Duration lifetime, Clock clock) {
        Instant fetchedAt = clock.instant();
        // authenticated with the account's Basic credentials; read inside the attempt
        String jwt = platform.sendForText(HttpRequestSpec.get(generateUri).header("Accept", "text/plain")
                .operation(Operation.LOGIN).build()).trim();
        if (jwt.isEmpty() || jwt.chars().anyMatch(Character::isWhitespace)) {
            // never quote the body: it may be a token after all
            throw new AuditDataException("boomi: the JWT endpoint " + generateUri.getPath()
                    + " answered no usable token (" + jwt.length() + " characters)");
        }
        Instant assumed = fetchedAt.plus(lifetime);
        Instant claimed = JwtClaims.expiry(jwt).filter(exp -> exp.isBefore(assumed)).orElse(assumed);
        Instant expires = TokenLifetime.clampExpiry(claimed, fetchedAt, "boomi JWT exp");
        LOG.debug("boomi: fetched a staging JWT valid until {}", expires);
        return AccessToken.of(Secret.of(jwt), expires);
    }
}
