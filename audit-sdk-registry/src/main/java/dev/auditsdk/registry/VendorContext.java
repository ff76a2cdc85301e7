package dev.auditsdk.registry;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.http.TransportListener;

/**
 * What the caller offers a plugin while it builds a source: the terminal, for a code the user
 * must type (a two-factor code), a way to tell the user something, a listener for requests and one
 * for the stream-level events metrics count.
 * The command line has a terminal; the Kafka connector has none ({@link #interactive()} false).
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
     * Tells the user something worth a warning (the command line prints it on stderr, the connector logs it).
     *
     * @param message the warning, free of secrets
     */
    void warn(String message);

    /**
     * A listener to pass to the source's builder, so the caller can count requests and retries
     * (the command line's progress line and the demo's summary).
     *
     * @return the listener
     */
    TransportListener transportListener();

    /**
     * A listener for the stream-level events of the source (entries delivered, watermark,
     * requests, retries, throttling, logins, bytes, pages, failures), passed to the source's
     * builder: how the caller gets metrics per stream, e.g. from the {@code audit-sdk-micrometer}
     * module. One per stream, kept for the stream's life (its sources come and go).
     *
     * @return the listener; {@link AuditLogListener#NONE} unless the caller collects metrics
     */
    default AuditLogListener auditLogListener() {
        return AuditLogListener.NONE;
    }
}
