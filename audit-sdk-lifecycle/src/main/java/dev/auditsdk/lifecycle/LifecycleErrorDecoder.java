package dev.auditsdk.lifecycle;

import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.spi.http.ErrorDecoder;
import dev.auditsdk.core.spi.http.ErrorResponse;

/**
 * IQ Server's error answers, which are plain text or HTML pages without error codes: the
 * status decides the exception, and for 401 and 403 the message says what to do about it.
 */
final class LifecycleErrorDecoder implements ErrorDecoder {
    /** The permission IQ Server requires to read the audit log, as its UI names it. */
    static final String PERMISSION = "Access Audit Log";

    @Override
    public AuditApiException decode(ErrorResponse r) {
        String where = r.vendor() + ": " + r.request().describe() + " failed with HTTP " + r.status();
        switch (r.status()) {
            case 401:
                return r.toException(where + ": IQ Server refused the credentials; check the user name and password,"
                        + " or the user token's code and passcode", null);
            case 403:
                return r.toException(where + ": the user lacks the '" + PERMISSION + "' permission; assign a role"
                        + " with it to the user (at the Root Organization to read the whole log)", null);
            default:
                // 400 and others: the server's own words (an excerpt, redacted) are the best explanation
                return ErrorDecoder.standard().decode(r);
        }
    }
}
