package dev.auditsdk.jitterbit.auth;

import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.jitterbit.model.OrgAttr;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A logged-in Harmony session: the {@code authToken} (a {@link Secret}, never printed), the
 * user's organizations and default organization, and when the token expires.
 */
@Value.Immutable
public abstract class JitterbitSession {

    /** @return a new builder */
    public static ImmutableJitterbitSession.Builder builder() {
        return ImmutableJitterbitSession.builder();
    }

    /** @return the token, sent as the {@code authToken} header */
    public abstract Secret authToken();

    /** @return the organizations the user belongs to */
    public abstract List<OrgAttr> orgAttrs();

    /** @return the user's default organization */
    public abstract Optional<String> defaultOrgId();

    /** @return when the token expires ({@code sessionTimeoutInSeconds} after the login), if Harmony said */
    public abstract Optional<Instant> expiresAt();

    /**
     * @param orgId an organization id
     * @return the organization, if the user belongs to it
     */
    public Optional<OrgAttr> org(String orgId) {
        return orgAttrs().stream().filter(o -> o.orgId().equals(orgId)).findFirst();
    }
}
