package dev.auditsdk.core.spi.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads claims of a JWT the SDK receives as a session or bearer token, without verifying the
 * signature: the SDK is not the audience that checks it, it only wants to know when to renew.
 * Never throws on what the server sends: whatever is not a readable JWS compact token
 * ({@code header.payload.signature}, base64url or base64, padded or not) has no claims.
 */
public final class JwtClaims {
    private JwtClaims() {
    }

    /**
     * Reads the {@code exp} claim (seconds since the epoch). An absurd value is saturated, not
     * rejected: beyond what an {@link Instant} holds it reads as the last second of {@link Instant#MAX} (or
     * {@link Instant#MIN}); pass the result through {@link TokenLifetime#clampExpiry} before use.
     *
     * @param token the token, a JWT or an opaque id (which may contain dots)
     * @return the expiry, when {@code token} is a JWT with a numeric {@code exp}; empty otherwise
     * @throws NullPointerException if {@code token} is null
     */
    public static Optional<Instant> expiry(String token) {
        JsonNode exp = claims(token).map(c -> c.get("exp")).orElse(null);
        if (exp == null || !exp.isNumber()) {
            return Optional.empty();
        }
        long seconds;
        if (exp.canConvertToLong()) {
            seconds = exp.asLong();
        } else {
            // beyond a long (or a float like 1e300): saturate by sign
            seconds = exp.decimalValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long bounded = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), seconds));
        return Optional.of(Instant.ofEpochSecond(bounded));
    }

    private static Optional<JsonNode> claims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty(); // opaque, or a 5-part JWE whose payload is encrypted
        }
        try {
            String payload = parts[1].replace('+', '-').replace('/', '_').replace("=", "");
            JsonNode claims = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(payload),
                    StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty(); // not a JWT after all: an opaque id that happens to contain dots
        }
    }
}
