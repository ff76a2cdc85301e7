package dev.auditsdk.cli;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Replaces known secret values with {@code ****} in text bound for the terminal: a second line
 * of defence behind the SDK's rule that secrets never reach a log or a message. Values shorter
 * than {@value #MIN_LENGTH} characters are not redacted (they would garble ordinary words).
 */
public final class SecretRedactor {
    /** The shortest secret that is redacted. */
    public static final int MIN_LENGTH = 4;
    private static final String MASK = "****";
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /**
     * @param secret a value never to be shown; ignored when null or too short
     */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    /** @return true when there is nothing to redact */
    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /**
     * @param text any text
     * @return the text with every known secret replaced by {@code ****}
     */
    public String redact(String text) {
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
