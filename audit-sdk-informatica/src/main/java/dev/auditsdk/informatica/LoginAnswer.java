package dev.auditsdk.informatica;

import dev.auditsdk.core.auth.Secret;
import java.util.Optional;

/**
 * What {@link InformaticaLogin} needs from a login answer, whichever API gave it: the session
 * id and the URL data calls go to, each named as the answer names it for error messages.
 */
interface LoginAnswer {

    /** @return the session id, if the answer carries a non-blank one */
    Optional<Secret> sessionId();

    /** @return the URL of later calls, if the answer carries a non-blank one */
    Optional<String> serverUrl();

    /** @return where the answer carries the session id, e.g. {@code icSessionId} */
    String sessionIdField();

    /** @return where the answer carries the server URL, e.g. {@code serverUrl} */
    String serverUrlField();

    /** @return {@code value} when it is not blank */
    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
