package dev.auditsdk.core.json;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short, single-line, redacted excerpt of a response body or a data line, for error
 * messages: enough to recognize an HTML error page or a broken record, never a credential.
 *
 * <p>Redacted (replaced by {@code ***}): JWTs; values after {@code Bearer}/{@code Basic}; values of
 * keys or parameters whose name mentions a password, secret, token, session id, API key, OTP,
 * TFA code, authorization or credential (JSON {@code "key":"value"}, {@code key=value}); long
 * opaque runs of 40 or more token characters. Control characters become spaces.
 */
public final class BodyExcerpt {
    /** Default excerpt length in characters. */
    public static final int DEFAULT_LENGTH = 120;
    /** How much of the text is looked at before redaction, so keys just before the cut are seen. */
    private static final int WINDOW = 2048;

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic|Token)(\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)(\"?[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|session[_-]?id|api[_-]?key|otp|tfa[_-]?code"
                    + "|authorization|credential)[A-Za-z0-9_.-]*\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s,&;}\\]]+)");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_+=-]{40,}");

    private BodyExcerpt() {
    }

    /**
     * @param text the body or line; may be null
     * @return at most {@value #DEFAULT_LENGTH} characters (plus "...") of redacted text
     */
    public static String of(CharSequence text) {
        return of(text, DEFAULT_LENGTH);
    }

    /**
     * @param text the body or line; may be null
     * @param maxChars the longest excerpt, before the "..." that marks a cut
     * @return the redacted excerpt ({@code ""} for null)
     */
    public static String of(CharSequence text, int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        if (text == null) {
            return "";
        }
        String window = text.subSequence(0, Math.min(text.length(), Math.max(WINDOW, maxChars))).toString();
        String redacted = redact(window);
        StringBuilder out = new StringBuilder(Math.min(redacted.length(), maxChars) + 3);
        for (int i = 0; i < redacted.length() && out.length() < maxChars; i++) {
            char c = redacted.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (out.length() < redacted.length() || window.length() < text.length()) {
            out.append("...");
        }
        return out.toString();
    }

    private static String redact(String text) {
        String s = JWT.matcher(text).replaceAll("***");
        s = AUTH_SCHEME.matcher(s).replaceAll("$1$2***");
        Matcher m = SECRET_VALUE.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String value = m.group(2);
            String replacement = value.startsWith("\"") ? "\"***\"" : "***";
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + replacement));
        }
        m.appendTail(sb);
        return replaceOpaque(sb.toString());
    }

    private static String replaceOpaque(String s) {
        Matcher m = OPAQUE.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String run = m.group();
            boolean opaque = run.chars().anyMatch(Character::isDigit) && run.chars().anyMatch(Character::isLetter);
            m.appendReplacement(sb, Matcher.quoteReplacement(opaque ? "***" : run));
        }
        m.appendTail(sb);
        return Objects.requireNonNull(sb.toString());
    }
}
