package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One answer of the classic audit API: {@code {"totalCount": 29, "results": [...]}}.
 */
@Value.Immutable
public abstract class UiPathAuditLogPage {

    /** @return a new builder */
    public static ImmutableUiPathAuditLogPage.Builder builder() {
        return ImmutableUiPathAuditLogPage.builder();
    }

    /**
     * Reads a page body and closes it.
     *
     * @param body the response body
     * @param what names the request in error messages, e.g. {@code "GET .../auditlogs skip=200"}
     * @return the page
     * @throws AuditDataException if the body is not such a page, or an entry is malformed
     */
    public static UiPathAuditLogPage read(InputStream body, String what) {
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
    public static UiPathAuditLogPage read(InputStream body, ReadLimits limits, String what) {
        JsonNode page = PageReader.readObject(body, limits, what);
        ImmutableUiPathAuditLogPage.Builder b = builder();
        JsonNode total = page.get("totalCount");
        if (total != null && total.canConvertToLong()) {
            b.totalCount(total.asLong());
        }
        int i = 0;
        for (JsonNode e : PageReader.array(page, "results", what)) {
            try {
                b.addResults(UiPathAuditEntry.fromJson(e));
            } catch (AuditDataException ex) {
                throw new AuditDataException(what + ", result " + (i + 1) + ": " + ex.getMessage(), -1, i, ex);
            }
            i++;
        }
        return b.build();
    }

    /** @return how many entries the whole log holds now, as the API reports it */
    public abstract OptionalLong totalCount();

    /** @return the entries of this page, in the order requested */
    public abstract List<UiPathAuditEntry> results();
}
