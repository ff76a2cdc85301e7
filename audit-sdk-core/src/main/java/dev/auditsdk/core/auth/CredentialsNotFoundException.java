package dev.auditsdk.core.auth;

import dev.auditsdk.core.error.AuditSdkException;
import java.util.List;

/**
 * No credentials were found where a {@link CredentialsProvider} looked. The message and
 * {@link #names()} name the environment variables or system properties that were tried,
 * never their values.
 */
public class CredentialsNotFoundException extends AuditSdkException {
    private static final long serialVersionUID = 1L;

    private final List<String> names;

    /**
     * @param message what was missing, free of secrets
     * @param names the names of the variables or properties that were tried
     */
    public CredentialsNotFoundException(String message, List<String> names) {
        super(message);
        this.names = List.copyOf(names);
    }

    /** @return the names of the variables or properties that were tried, in order */
    public List<String> names() {
        return names;
    }
}
