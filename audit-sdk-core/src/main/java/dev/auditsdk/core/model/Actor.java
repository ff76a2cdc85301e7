package dev.auditsdk.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who performed the action: any of name, email and vendor user id the vendor sent, or the client
 * application when the vendor names an application rather than a user.
 */
@Value.Immutable
public abstract class Actor {

    /** @return a new builder */
    public static ImmutableActor.Builder builder() {
        return ImmutableActor.builder();
    }

    /**
     * @param name the user name
     * @return an actor known by name only
     */
    public static Actor named(String name) {
        return builder().name(name).build();
    }

    /** @return the user name (login), if known */
    public abstract Optional<String> name();

    /** @return the email address, if known */
    public abstract Optional<String> email();

    /** @return the vendor's user id, if known */
    public abstract Optional<String> id();

    /** @return the client application or service that acted (OCSF {@code actor.app_name}), if the vendor names one */
    public abstract Optional<String> application();
}
