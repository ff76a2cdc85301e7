package dev.auditsdk.informatica;

import dev.auditsdk.core.spi.auth.JwtClaims;
import dev.auditsdk.core.auth.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Informatica session: its id (an opaque {@code icSessionId}, or a JWT in orgs that switched
 * to JWT sessions), the server URL every data call goes to, and the expiry when the id is a JWT
 * with an {@code exp} claim. Opaque sessions expire after 30 idle minutes, which the client
 * cannot see coming: they are kept until the server refuses them. {@link #toString()} hides the id.
 *
 * <p>The {@code exp} claim is read by core's {@link JwtClaims}, the same reader as Boomi's: an
 * absurd value saturates instead of throwing, and the session cache clamps every expiry to
 * 30 s .. 24 h after the login ({@link dev.auditsdk.core.spi.auth.TokenLifetime}).
 */
final class InformaticaSession {
    private final Secret id;
    private final URI serverUrl;
    private final Instant expiresAt;

    private InformaticaSession(Secret id, URI serverUrl, Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.expiresAt = expiresAt;
    }

    /**
     * @param id the session id the login returned
     * @param serverUrl the {@code serverUrl} (v2) or {@code baseApiUrl} (v3) the login returned
     * @return the session; its expiry is read from the id when it is a JWT
     */
    static InformaticaSession of(Secret id, URI serverUrl) {
        return new InformaticaSession(id, serverUrl, JwtClaims.expiry(id.reveal()).orElse(null));
    }

    /** @return the session id; send it only in the session header */
    Secret id() {
        return id;
    }

    /** @return where the data calls of this session go, e.g. {@code https://na4.dm-us.informaticacloud.com/saas} */
    URI serverUrl() {
        return serverUrl;
    }

    /** @return when the session expires as the id says (JWT sessions), not yet clamped; empty for opaque ids */
    Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public String toString() {
        return "InformaticaSession{serverUrl=" + serverUrl + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "}";
    }
}
