package dev.auditsdk.core.spi.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule for lifetimes a vendor sends with a session or token (a JWT {@code exp},
 * OAuth {@code expires_in}, Jitterbit's {@code sessionTimeoutInSeconds}): they are trusted only
 * within [{@link #MIN}, {@link #MAX}], 30 seconds to 24 hours.
 *
 * <ul>
 *   <li>Shorter (0, negative, an {@code exp} already past because of clock skew) becomes 30 s,
 *       so a server that announces sessions that are over at once cannot make the client log in
 *       for every request.</li>
 *   <li>Longer (up to {@code Long.MAX_VALUE} seconds, or an {@code exp} past the year 10^9)
 *       becomes 24 h, so no date arithmetic overflows and a session is renewed at least daily.</li>
 * </ul>
 *
 * <p>Clamping logs one line (vendor field and the value sent, never a token): WARN below the
 * minimum, INFO above the maximum. Stateless and thread-safe.
 */
public final class TokenLifetime {
    /** The shortest lifetime believed: 30 seconds. */
    public static final Duration MIN = Duration.ofSeconds(30);
    /** The longest lifetime believed: 24 hours. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(TokenLifetime.class);

    private TokenLifetime() {
    }

    /**
     * @param sent the lifetime the server announced; any value, negative included
     * @param what the vendor field it came from, for the log line, e.g. {@code "jitterbit sessionTimeoutInSeconds"}
     * @return {@code sent} within [{@link #MIN}, {@link #MAX}]
     * @throws NullPointerException if an argument is null
     */
    public static Duration clamp(Duration sent, String what) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(what, "what");
        if (sent.compareTo(MIN) < 0) {
            LOG.warn("{}: the server-sent lifetime of {} s is shorter than the minimum; using {} s", what,
                    sent.getSeconds(), MIN.getSeconds());
            return MIN;
        }
        if (sent.compareTo(MAX) > 0) {
            LOG.info("{}: the server-sent lifetime of {} s is longer than the maximum; using {} s", what,
                    sent.getSeconds(), MAX.getSeconds());
            return MAX;
        }
        return sent;
    }

    /**
     * A lifetime sent as a number of seconds; never overflows.
     *
     * @param seconds the seconds the server announced; any value
     * @param what the vendor field it came from, for the log line
     * @return the clamped lifetime
     */
    public static Duration ofSeconds(long seconds, String what) {
        return clamp(Duration.ofSeconds(seconds), what);
    }

    /**
     * An expiry sent as an instant (a JWT {@code exp}), clamped relative to when it was received.
     *
     * @param expiresAt the instant the server announced; any instant from {@link Instant#MIN} to {@link Instant#MAX}
     * @param receivedAt when the answer carrying it was received (or the request sent)
     * @param what the vendor field it came from, for the log line
     * @return {@code receivedAt} plus the clamped lifetime
     * @throws NullPointerException if an argument is null
     */
    public static Instant clampExpiry(Instant expiresAt, Instant receivedAt, String what) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        // Duration.between cannot overflow between any two Instants (at most ~2 * 10^16 seconds)
        return receivedAt.plus(clamp(Duration.between(receivedAt, expiresAt), what));
    }
}
