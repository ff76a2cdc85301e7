package dev.auditsdk.core.auth;

import java.util.Objects;

/** Argument checks shared by the credential types; messages name the argument, never its value. */
final class Checks {
    private Checks() {
    }

    static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
