package dev.auditsdk.core.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret string (password, token, session id, client secret) that does not leak by accident:
 * {@link #toString()} and JSON serialization give {@code ****}; only {@link #reveal()} returns
 * the value, at the one place that must send it.
 *
 * <p>Equality compares SHA-256 digests in constant time, so comparing secrets does not reveal
 * how many leading characters matched; the hash code is derived from that digest too.
 * Not {@link java.io.Serializable}.
 */
public final class Secret {
    private static final String REDACTED = "****";

    private final String value;
    private final byte[] digest;

    private Secret(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * Wraps a secret value. Also the JSON creator, so a value type parsed from a login answer
     * can hold its token as a {@code Secret} (serializing it again gives {@code "****"}).
     *
     * @param value the secret; not null, not blank
     * @return the wrapped secret
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        return new Secret(Checks.requireNonBlank(value, "secret"));
    }

    /**
     * Returns the secret value. Call it only where the value is sent (a header, a login body);
     * never log or store the result.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    /** @return always {@code ****}; also what Jackson writes for a {@code Secret} */
    @JsonValue
    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret && MessageDigest.isEqual(digest, ((Secret) other).digest);
    }

    @Override
    public int hashCode() {
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
