package dev.auditsdk.uipath.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UiPathPagesTest {

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAClassicPageWithItsTotalCount() {
        UiPathAuditLogPage page = UiPathAuditLogPage.read(
                body("{\"totalCount\":29,\"results\":[" + UiPathAuditEntryTest.SAMPLE + "," + UiPathAuditEntryTest.SAMPLE
                        .replace("13:10:15", "12:41:00") + "]}"), "page");
        assertThat(page.totalCount()).hasValue(29);
        assertThat(page.results()).hasSize(2);
        assertThat(page.results().get(1).createdOn()).startsWith("2021-10-14T12:41:00");
    }

    @Test
    void readsAUnifiedPageWithItsLinks() {
        UiPathUnifiedEventsPage page = UiPathUnifiedEventsPage.read(body("{\"auditEvents\":["
                + UiPathUnifiedAuditEventTest.SAMPLE + "],\"next\":null,\"previous\":\"/acme/orgaudit_/api/query/events?"
                + "before=x&beforeId=y\"}"), "page");
        assertThat(page.auditEvents()).hasSize(1);
        assertThat(page.next()).isEmpty();
        assertThat(page.previous()).hasValue("/acme/orgaudit_/api/query/events?before=x&beforeId=y");

        UiPathUnifiedEventsPage last = UiPathUnifiedEventsPage.read(body("{\"auditEvents\":[],\"previous\":\"\"}"), "page");
        assertThat(last.auditEvents()).isEmpty();
        assertThat(last.previous()).isEmpty();
    }

    @Test
    void explainsBodiesThatAreNotPages() {
        assertThatThrownBy(() -> UiPathAuditLogPage.read(body("<html><body>Sign in</body></html>"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("GET auditlogs is not valid JSON");
        assertThatThrownBy(() -> UiPathAuditLogPage.read(body("{\"totalCount\":3}"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("no 'results' array");
        assertThatThrownBy(() -> UiPathAuditLogPage.read(body(""), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> UiPathUnifiedEventsPage.read(body("{\"auditEvents\":{}}"), "GET events"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("not an array");
        assertThatThrownBy(() -> UiPathAuditLogPage.read(body("{\"results\":[{\"createdOn\":\"soon\"}]}"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("result 1").hasMessageContaining("'soon'");
        // a body ending inside the JSON was cut on the way: a transport failure, which the transport's bounded read retries
        assertThatThrownBy(() -> UiPathAuditLogPage.read(body("{\"results\":[{\"a\":1},"), "GET auditlogs"))
                .isInstanceOf(dev.auditsdk.core.error.AuditTransportException.class)
                .hasMessageContaining("ended inside the JSON document");
        assertThatThrownBy(() -> UiPathAuditLogPage.read(body("{\"results\":[{\"a\":1},]}"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class)
                .satisfies(e -> assertThat(((AuditDataException) e).line()).isEqualTo(1));
    }
}
