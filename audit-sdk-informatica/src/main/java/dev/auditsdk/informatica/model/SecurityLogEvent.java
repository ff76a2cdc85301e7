package dev.auditsdk.informatica.model;

/**
 * Known values of a security-log entry's {@link InformaticaSecurityLogEntry#actionEvent() actionEvent}.
 * The published reference names only {@link #USER_LOGIN}; the value is an open string.
 */
public final class SecurityLogEvent {
    /** A user logged in. */
    public static final String USER_LOGIN = "USER_LOGIN";

    private SecurityLogEvent() {
    }
}
