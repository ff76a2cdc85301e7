package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One answer of the unified audit API:
 * {@code {"auditEvents": [...], "next": null, "previous": "/{org}/{tenant}/tenantaudit_/api/query/events?..."}}.
 * Events come newest first; {@link #previous()} leads to older events, {@link #next()} to newer ones.
 */
@Value.Immutable
public abstract class UiPathUnifiedEventsPage {

    /** @return a new builder */
    public static ImmutableUiPathUnifiedEventsPage.Builder builder() {
        return ImmutableUiPathUnifiedEventsPage.builder();
    }

    /**
     * Reads a page body and closes it.
     *
     * @param body the response body
     * @param what names the request in error messages
     * @return the page
     * @throws AuditDataException if the body is not such a page, or an event is malformed
     */
    public static UiPathUnifiedEventsPage read(InputStream body, String what) {
        return read(body, ReadLimits.defaults(), what);
    }

    /**
     * Reads a page body within read limits and closes it.
     *
     * @param body the response body
     * @param limits the read limits (the page is read as one tree of at most {@code maxTreeBytes})
     * @param what names the request in error messages
     * @return the page
     * @throws AuditDataException if the body is not such a page, an entry is malformed, or a limit is crossed
     */
    public static UiPathUnifiedEventsPage read(InputStream body, ReadLimits limits, String what) {
        JsonNode page = PageReader.readObject(body, limits, what);
        ImmutableUiPathUnifiedEventsPage.Builder b = builder()
                .next(Fields.nonBlank(page, "next"))
                .previous(Fields.nonBlank(page, "previous"));
        int i = 0;
        for (JsonNode e : PageReader.array(page, "auditEvents", what)) {
            try {
                b.addAuditEvents(UiPathUnifiedAuditEvent.fromJson(e));
            } catch (AuditDataException ex) {
                throw new AuditDataException(what + ", event " + (i + 1) + ": " + ex.getMessage(), -1, i, ex);
            }
            i++;
        }
        return b.build();
    }

    /** @return the events of this page, newest first */
    public abstract List<UiPathUnifiedAuditEvent> auditEvents();

    /** @return the server-relative link to newer events, if any */
    public abstract Optional<String> next();

    /** @return the server-relative link to older events; empty on the last page */
    public abstract Optional<String> previous();
}
