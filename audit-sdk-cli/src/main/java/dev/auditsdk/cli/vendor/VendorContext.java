package dev.auditsdk.cli.vendor;

import dev.auditsdk.core.http.TransportListener;

/**
 * What the command line offers a plugin while it builds a source: the terminal, for a code the
 * user must type (a two-factor code), and a way to tell the user something.
 */
public interface VendorContext {

    /** @return true when a user sits at a terminal and can answer a prompt */
    boolean interactive();

    /**
     * Asks the user for a secret on the terminal, without echo.
     *
     * @param prompt what to ask, e.g. {@code "Jitterbit two-factor code: "}
     * @return what the user typed
     * @throws VendorSettingException when there is no terminal to ask on
     */
    char[] promptSecret(String prompt);

    /**
     * Prints a one-line warning on stderr (unless {@code --quiet}).
     *
     * @param message the warning, free of secrets
     */
    void warn(String message);

    /**
     * A listener to pass to the source's builder, so the command line can show requests and
     * retries in its progress line and the demo's summary.
     *
     * @return the listener
     */
    TransportListener transportListener();
}
