package dev.auditsdk.uipath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.Json;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two APIs' pages as the sources read them: the answer is read by the transport
 * ({@code sendForJson}, over WireMock on loopback), then checked and typed by
 * {@link ClassicPage} and {@link UnifiedPage}.
 */
class UiPathPageAnswersTest {
    private static final String PATH = "/acme/DefaultTenant/audit_/api/auditlogs/";
    private static final String CLASSIC_ENTRY = "{\"createdOn\":\"2021-10-14T13:10:15.1964174+00:00\",\"category\":\"User\","
            + "\"action\":\"Login\",\"userName\":\"System Administrator\",\"source\":\"Cis\"}";
    private static final String UNIFIED_EVENT = "{\"id\":\"8c6b2c36\",\"createdOn\":\"2025-03-24T10:11:12.3456789Z\","
            + "\"eventType\":\"User created\",\"eventTarget\":\"User\",\"status\":0}";

    private WireMockServer wm;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        transport = HttpTransport.builder().vendor("uipath").retryPolicy(RetryPolicy.none())
                .errorDecoder(new UiPathErrorDecoder()).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        wm.stop();
    }

    /** Serves {@code body} and reads it as the sources do. */
    private JsonNode answer(String body) {
        wm.stubFor(get(PATH).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
        return transport.sendForJson(HttpRequestSpec.get(URI.create(wm.baseUrl() + PATH)).build());
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void readsAClassicPageWithItsTotalCount() {
        ClassicPage page = ClassicPage.of(answer("{\"totalCount\":29,\"results\":[" + CLASSIC_ENTRY + ","
                + CLASSIC_ENTRY.replace("13:10:15", "12:41:00") + "]}"), "page");
        assertThat(page.totalCount()).hasValue(29);
        assertThat(page.results()).hasSize(2);
        assertThat(page.results().get(1).createdOn()).startsWith("2021-10-14T12:41:00");
    }

    @Test
    void readsAUnifiedPageWithItsLinks() throws Exception {
        UnifiedPage page = UnifiedPage.of(json("{\"auditEvents\":[" + UNIFIED_EVENT
                + "],\"next\":null,\"previous\":\"/acme/orgaudit_/api/query/events?before=x&beforeId=y\"}"), "page");
        assertThat(page.auditEvents()).hasSize(1);
        assertThat(page.next()).isEmpty();
        assertThat(page.previous()).hasValue("/acme/orgaudit_/api/query/events?before=x&beforeId=y");

        UnifiedPage last = UnifiedPage.of(json("{\"auditEvents\":[],\"previous\":\"\"}"), "page");
        assertThat(last.auditEvents()).isEmpty();
        assertThat(last.previous()).isEmpty();
    }

    @Test
    void explainsAnswersThatAreNotPages() throws Exception {
        assertThatThrownBy(() -> answer("<html><body>Sign in</body></html>"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("uipath: the answer to GET ").hasMessageContaining(PATH)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> answer("")).isInstanceOf(AuditDataException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ClassicPage.of(json("{\"totalCount\":3}"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("GET auditlogs has no 'results' array");
        assertThatThrownBy(() -> ClassicPage.of(json("[]"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("GET auditlogs is not a JSON object but ARRAY");
        assertThatThrownBy(() -> UnifiedPage.of(json("{\"auditEvents\":{}}"), "GET events"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("not an array");
        assertThatThrownBy(() -> ClassicPage.of(json("{\"results\":[{\"createdOn\":\"soon\"}]}"), "GET auditlogs"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("result 1").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> UnifiedPage.of(json("{\"auditEvents\":[" + UNIFIED_EVENT
                + ",{\"id\":\"x\"}]}"), "GET events"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("GET events, event 2");
        // a body ending inside the JSON was cut on the way: a transport failure, which the transport's bounded read retries
        assertThatThrownBy(() -> answer("{\"results\":[{\"a\":1},"))
                .isInstanceOf(AuditTransportException.class);
        assertThatThrownBy(() -> answer("{\"results\":[{\"a\":1},]}"))
                .isInstanceOf(AuditDataException.class)
                .satisfies(e -> assertThat(((AuditDataException) e).line()).isEqualTo(1));
    }
}
