package dev.auditsdk.informatica.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One Informatica session: its id (an opaque {@code icSessionId}, or a JWT in orgs that switched
 * to JWT sessions), the server URL every data call goes to, and the expiry when the id is a JWT
 * with an {@code exp} claim. Opaque sessions expire after 30 idle minutes, which the client
 * cannot see coming: they are kept until the server refuses them. {@link #toString()} hides the id.
 */
public final class InformaticaSession {
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
    public static InformaticaSession of(Secret id, URI serverUrl) {
        return new InformaticaSession(id, serverUrl, jwtExpiry(id.reveal()).orElse(null));
    }

    /** @return the session id; send it only in the session header */
    public Secret id() {
        return id;
    }

    /** @return where the data calls of this session go, e.g. {@code https://na4.dm-us.informaticacloud.com/saas} */
    public URI serverUrl() {
        return serverUrl;
    }

    /** @return when the session expires, if the id says so (JWT sessions) */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * @param token a session id
     * @return the {@code exp} claim when the id is a JWT carrying one
     */
    static Optional<Instant> jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = Json.mapper().readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.longValue())) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty(); // not a JWT after all: an opaque id that happens to contain dots
        }
    }

    @Override
    public String toString() {
        return "InformaticaSession{serverUrl=" + serverUrl + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "}";
    }
}
