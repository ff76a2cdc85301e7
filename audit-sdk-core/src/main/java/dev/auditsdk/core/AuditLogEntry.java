package dev.auditsdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;

/**
 * One audit-log entry as a vendor sent it, with the few things every entry has.
 */
public interface AuditLogEntry {

    /** @return the vendor's id, or a stable identity derived from the entry when the vendor has none */
    String id();

    /** @return when it happened, as a UTC instant whatever form the vendor used */
    Instant timestamp();

    /** @return the entry in the normalized, OCSF-aligned model */
    AuditEvent toAuditEvent();

    /** @return the entry exactly as received, including fields the typed model does not know */
    JsonNode raw();
}
