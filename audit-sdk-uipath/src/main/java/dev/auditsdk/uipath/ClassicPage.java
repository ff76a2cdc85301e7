package dev.auditsdk.uipath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** One answer of the classic audit API: {@code {"totalCount": 29, "results": [...]}}. */
final class ClassicPage {
    private final OptionalLong totalCount;
    private final List<UiPathAuditEntry> results;

    private ClassicPage(OptionalLong totalCount, List<UiPathAuditEntry> results) {
        this.totalCount = totalCount;
        this.results = results;
    }

    /**
     * @param answer the answer as the transport read it
     * @param what names the request in error messages, e.g. {@code "GET .../auditlogs (skip=200, top=100)"}
     * @return the page
     * @throws AuditDataException if the answer is not such a page, or an entry is malformed
     */
    static ClassicPage of(JsonNode answer, String what) {
        JsonNode page = PageJson.object(answer, what);
        JsonNode total = page.get("totalCount");
        OptionalLong totalCount = total != null && total.canConvertToLong() ? OptionalLong.of(total.asLong())
                : OptionalLong.empty();
        List<UiPathAuditEntry> results = new ArrayList<>();
        for (JsonNode e : PageJson.array(page, "results", what)) {
            try {
                results.add(UiPathAuditEntry.fromJson(e));
            } catch (AuditDataException ex) {
                int i = results.size();
                throw new AuditDataException(what + ", result " + (i + 1) + ": " + ex.getMessage(), -1, i, ex);
            }
        }
        return new ClassicPage(totalCount, List.copyOf(results));
    }

    /** @return how many entries the whole log holds now, as the API reports it */
    OptionalLong totalCount() {
        return totalCount;
    }

    /** @return the entries of this page, in the order requested */
    List<UiPathAuditEntry> results() {
        return results;
    }
}
