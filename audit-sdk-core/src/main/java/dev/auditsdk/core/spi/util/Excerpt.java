package dev.auditsdk.core.spi.util;

/**
 * A short, single-line excerpt of a data line or body for error messages: enough to recognize
 * an HTML page or a broken record. Secrets are masked by the SDK's one {@link Redactor}.
 */
public final class Excerpt {
    /** Default excerpt length in characters. */
    public static final int LENGTH = 120;
    /** How much text is masked before cutting, so a key just before the cut is still seen. */
    private static final int WINDOW = 2048;

    private Excerpt() {
    }

    public static String of(CharSequence text) {
        return of(text, LENGTH);
    }

    public static String of(CharSequence text, int maxChars) {
        if (text == null) {
            return "";
        }
        String window = text.subSequence(0, Math.min(text.length(), Math.max(WINDOW, maxChars))).toString();
        String masked = Redactor.mask(window);
        StringBuilder out = new StringBuilder(Math.min(masked.length(), maxChars) + 3);
        for (int i = 0; i < masked.length() && out.length() < maxChars; i++) {
            char c = masked.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (out.length() < masked.length() || window.length() < text.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
