package dev.auditsdk.core.spi.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-looking values (passwords, tokens, session ids, secrets, codes) in text that
 * ends up in exception messages or logs, such as error-body excerpts.
 */
public final class Redactor {
    /** The longest excerpt kept of an error body. */
    public static final int MAX_EXCERPT = 500;

    private static final String KEYS =
            "[\\w.-]*(?:password|passwd|pwd|secret|token|session[_-]?id|sessionid|jwt|authorization|api[_-]?key|tfa[_-]?code|otp|cookie)[\\w.-]*";
    private static final Pattern JSON_VALUE = Pattern.compile(
            "(\"" + KEYS + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_VALUE = Pattern.compile(
            "(\\b" + KEYS + "\\s*[=:]\\s*)([^&\\s,;\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    /** A bare JWT (header.payload.signature, base64url, header starting {@code {"}) anywhere in text. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

    private Redactor() {
    }

    /**
     * @param text any text, may be null
     * @return the text with secret-looking values replaced by {@code ***}, shortened to
     *     {@link #MAX_EXCERPT} characters
     */
    public static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String masked = mask(text);
        String oneLine = masked.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "...";
    }

    /**
     * @param text any text, may be null
     * @return the text with secret-looking values replaced by {@code ***}
     */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String s = BEARER.matcher(text).replaceAll("$1 ***");
        s = JWT.matcher(s).replaceAll("***");
        s = replace(JSON_VALUE, s, "$1\"***\"");
        return replace(FORM_VALUE, s, "$1***");
    }

    private static String replace(Pattern p, String text, String replacement) {
        Matcher m = p.matcher(text);
        return m.replaceAll(replacement);
    }
}
