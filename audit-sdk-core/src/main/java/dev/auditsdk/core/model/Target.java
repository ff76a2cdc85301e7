package dev.auditsdk.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** What the action was performed on: its type, id and name, as far as the vendor tells. */
@Value.Immutable
public abstract class Target {

    /** @return a new builder */
    public static ImmutableTarget.Builder builder() {
        return ImmutableTarget.builder();
    }

    /** @return the kind of object, e.g. {@code "user"}, {@code "process"} */
    public abstract Optional<String> type();

    /** @return the object's vendor id */
    public abstract Optional<String> id();

    /** @return the object's display name */
    public abstract Optional<String> name();
}
