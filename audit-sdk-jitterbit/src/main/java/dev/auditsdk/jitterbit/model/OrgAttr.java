package dev.auditsdk.jitterbit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One organization the logged-in user belongs to, from the login answer's {@code orgAttrs}. */
@Value.Immutable
@JsonDeserialize(as = ImmutableOrgAttr.class)
public abstract class OrgAttr {

    /** @return a new builder */
    public static ImmutableOrgAttr.Builder builder() {
        return ImmutableOrgAttr.builder();
    }

    /** @return the organization id, e.g. {@code "123456"} */
    public abstract String orgId();

    /** @return the organization's name */
    public abstract Optional<String> orgName();

    /** @return the URL of the organization's zone (region), e.g. {@code https://na-east.jitterbit.com} */
    public abstract Optional<String> orgZoneUrl();
}
