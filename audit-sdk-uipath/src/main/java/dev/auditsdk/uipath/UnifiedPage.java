package dev.auditsdk.uipath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One answer of the unified audit API:
 * {@code {"auditEvents": [...], "next": null, "previous": "/{org}/{tenant}/tenantaudit_/api/query/events?..."}}.
 * Events come newest first; {@link #previous()} leads to older events, {@link #next()} to newer ones.
 */
final class UnifiedPage {
    private final List<UiPathUnifiedAuditEvent> auditEvents;
    private final Optional<String> next;
    private final Optional<String> previous;

    private UnifiedPage(List<UiPathUnifiedAuditEvent> auditEvents, Optional<String> next, Optional<String> previous) {
        this.auditEvents = auditEvents;
        this.next = next;
        this.previous = previous;
    }

    /**
     * @param answer the answer as the transport read it
     * @param what names the request in error messages
     * @return the page
     * @throws AuditDataException if the answer is not such a page, or an event is malformed
     */
    static UnifiedPage of(JsonNode answer, String what) {
        JsonNode page = PageJson.object(answer, what);
        List<UiPathUnifiedAuditEvent> events = new ArrayList<>();
        for (JsonNode e : PageJson.array(page, "auditEvents", what)) {
            try {
                events.add(UiPathUnifiedAuditEvent.fromJson(e));
            } catch (AuditDataException ex) {
                int i = events.size();
                throw new AuditDataException(what + ", event " + (i + 1) + ": " + ex.getMessage(), -1, i, ex);
            }
        }
        return new UnifiedPage(List.copyOf(events), link(page, "next"), link(page, "previous"));
    }

    /** A link field: text that is not blank; {@code null}, {@code ""} and a missing field are no link. */
    private static Optional<String> link(JsonNode page, String field) {
        return Optional.of(page.path(field)).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    /** @return the events of this page, newest first */
    List<UiPathUnifiedAuditEvent> auditEvents() {
        return auditEvents;
    }

    /** @return the server-relative link to newer events, if any */
    Optional<String> next() {
        return next;
    }

    /** @return the server-relative link to older events; empty on the last page */
    Optional<String> previous() {
        return previous;
    }
}
