package dev.auditsdk.jitterbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Harmony's error answers, over a real loopback socket, through a transport with this decoder. */
class JitterbitErrorDecoderTest {
    private static final String PATH = "/jitterbit-cloud-restful-service/api/analytics/log-async/123/k1";

    private WireMockServer wm;
    private HttpTransport transport;

    @BeforeEach
    void setUp() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        transport = HttpTransport.builder().vendor("jitterbit").retryPolicy(RetryPolicy.none())
                .errorDecoder(new JitterbitErrorDecoder()).build();
    }

    @AfterEach
    void tearDown() {
        transport.close();
        wm.stop();
    }

    private AuditApiException failureOf(int status, String contentType, String body) {
        wm.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(body)));
        HttpRequestSpec spec = HttpRequestSpec.get(URI.create(wm.baseUrl() + PATH)).build();
        Throwable thrown = catchThrowable(() -> transport.sendForText(spec));
        assertThat(thrown).isInstanceOf(AuditApiException.class);
        return (AuditApiException) thrown;
    }

    @Test
    void harmonysErrorObjectGivesTheVendorCodeAndMessage() {
        AuditApiException e = failureOf(403, "application/json",
                "{\"status\":false,\"errorCode\":\"ACCESS_DENIED\",\"errorMessage\":\"User is not an admin\"}");
        assertThat(e).isInstanceOf(AuditAccessDeniedException.class);
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.vendorCode()).hasValue("ACCESS_DENIED");
        assertThat(e.getMessage()).startsWith("jitterbit: GET ").contains("HTTP 403 (ACCESS_DENIED): User is not an admin")
                .contains("is the user an organization administrator");
    }

    @Test
    void aBodyThatIsNotJsonIsQuotedAsItCame() {
        AuditApiException e = failureOf(404, "text/html", "<html>no such key</html>");
        assertThat(e.vendorCode()).isEmpty();
        assertThat(e.getMessage()).contains("HTTP 404: <html>no such key</html>");
    }

    @Test
    void theStatusesACallerCanActOnSayWhatToCheck() {
        assertThat(failureOf(401, "application/json", "{\"status\":false}")).isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("the authToken was refused even after a new login");
        assertThat(failureOf(429, "application/json", "{\"errorCode\":7}")).isInstanceOf(AuditRateLimitedException.class)
                .hasMessageContaining("(7)").hasMessageContaining("Harmony is throttling requests");
        assertThatThrownBy(() -> transport.sendForText(HttpRequestSpec.get(URI.create(wm.baseUrl() + "/other")).build()))
                .isInstanceOf(AuditApiException.class).hasMessageContaining("HTTP 404");
    }
}
