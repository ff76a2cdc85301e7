package dev.auditsdk.jitterbit;

import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.jitterbit.model.OrgAttr;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A logged-in Harmony session: the {@code authToken} (a {@link Secret}, never printed), the
 * user's organizations and default organization, and when the token expires.
 */
final class JitterbitSession {
    private final Secret authToken;
    private final List<OrgAttr> orgAttrs;
    private final Optional<String> defaultOrgId;
    private final Optional<Instant> expiresAt;

    /**
     * @param authToken the token, sent as the {@code authToken} header
     * @param orgAttrs the organizations the user belongs to
     * @param defaultOrgId the user's default organization
     * @param expiresAt when the token expires ({@code sessionTimeoutInSeconds} after the login), if Harmony said
     */
    JitterbitSession(Secret authToken, List<OrgAttr> orgAttrs, Optional<String> defaultOrgId, Optional<Instant> expiresAt) {
        this.authToken = Objects.requireNonNull(authToken, "authToken");
        this.orgAttrs = List.copyOf(orgAttrs);
        this.defaultOrgId = Objects.requireNonNull(defaultOrgId, "defaultOrgId");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    Secret authToken() {
        return authToken;
    }

    List<OrgAttr> orgAttrs() {
        return orgAttrs;
    }

    Optional<String> defaultOrgId() {
        return defaultOrgId;
    }

    Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /**
     * @param orgId an organization id
     * @return the organization, if the user belongs to it
     */
    Optional<OrgAttr> org(String orgId) {
        return orgAttrs.stream().filter(o -> o.orgId().equals(orgId)).findFirst();
    }

    @Override
    public String toString() {
        return "JitterbitSession{authToken=" + authToken + ", orgAttrs=" + orgAttrs + ", defaultOrgId="
                + defaultOrgId.orElse(null) + ", expiresAt=" + expiresAt.orElse(null) + "}";
    }
}
