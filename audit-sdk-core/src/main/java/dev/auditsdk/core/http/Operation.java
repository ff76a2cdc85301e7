package dev.auditsdk.core.http;

import dev.auditsdk.core.spi.http.HttpRequestSpec;

/**
 * What a request is for, as error decoders, retry rules and logs need to know it. A vendor
 * adapter tags each {@link HttpRequestSpec} with one, so nothing has to guess the purpose of a
 * request from its URL.
 */
public enum Operation {
    /** Obtains a session or token (the credentials travel in the request). */
    LOGIN,
    /** Ends a session. */
    LOGOUT,
    /** Reads one page, batch or window of audit entries (the default). */
    PAGE,
    /** Reads the state of an asynchronous job. */
    STATUS,
    /** Submits an asynchronous job. */
    SUBMIT,
    /** Downloads a file a job produced. */
    DOWNLOAD,
    /** Reads one entity by id, or anything else. */
    LOOKUP;

    /** @return the lower-case name used in logs, e.g. {@code login} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
