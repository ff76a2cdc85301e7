package dev.auditsdk.core.auth;

import java.util.Objects;
import org.immutables.value.Value;

/**
 * A user name and password. {@link #toString()} shows the user name only; the password
 * prints as {@code ****}.
 */
@Value.Immutable
public abstract class UsernamePassword {

    /**
     * @param username the login name; not null, not blank
     * @param password the password; not null
     * @return the credentials
     * @throws NullPointerException naming the argument that is null
     * @throws IllegalArgumentException if {@code username} is blank
     */
    public static UsernamePassword of(String username, Secret password) {
        return ImmutableUsernamePassword.builder()
                .username(Checks.requireNonBlank(username, "username"))
                .password(Objects.requireNonNull(password, "password"))
                .build();
    }

    /** @return the login name (not a secret) */
    public abstract String username();

    /** @return the password */
    public abstract Secret password();

    @Value.Check
    void check() {
        Checks.requireNonBlank(username(), "username");
    }
}
