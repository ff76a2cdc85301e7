package dev.auditsdk.boomi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Boomi's error answers as the decoder reads them off a real transport (WireMock over loopback). */
class BoomiErrorDecoderTest {
    private static final String ACCOUNT = "acme-X1Y2Z3";
    private static final String PLATFORM = "/api/rest/v1/" + ACCOUNT + "/AuditLog/query";
    private static final String STAGING = "/staging/v1/" + ACCOUNT + "/requests";

    private WireMockServer wm;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        transport = HttpTransport.builder().vendor("boomi").retryPolicy(RetryPolicy.none())
                .errorDecoder(new BoomiErrorDecoder(ACCOUNT)).throttlePolicy(BoomiConnection.THROTTLE).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        wm.stop();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + wm.port() + path);
    }

    private AuditApiException fail(String path, int status, String contentType, String body) {
        wm.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withHeader("X-Request-Id", "req-77").withBody(body)));
        return catchThrowableOfType(AuditApiException.class, () -> transport.sendForJson(HttpRequestSpec.post(url(path))
                .jsonBody(java.util.Map.of("QueryFilter", "x")).build()));
    }

    @Test
    void aPlatformErrorMessageIsQuotedWithWhatToCheck() {
        AuditApiException e = fail(PLATFORM, 403, "application/json",
                "{\"error\":{\"message\":\"User lacks privilege\"}}");
        assertThat(e).isInstanceOf(AuditAccessDeniedException.class);
        assertThat(e.getMessage()).isEqualTo("boomi: POST " + url(PLATFORM) + " failed with HTTP 403: User lacks privilege"
                + " (the user needs the API Access and View Audit Logs privileges in account " + ACCOUNT + ")");
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.requestId()).contains("req-77");
        assertThat(e.vendorCode()).isEmpty();
    }

    @Test
    void theXmlFormOfAPlatformErrorGivesItsMessage() {
        AuditApiException e = fail(PLATFORM, 400, "application/xml",
                "<?xml version=\"1.0\"?><error xmlns=\"http://api.platform.boomi.com/\"><message>\n  Invalid query filter\n"
                        + "</message></error>");
        assertThat(e.getMessage()).endsWith("failed with HTTP 400: Invalid query filter");
    }

    @Test
    void aStagingErrorGivesMessageAndCodeAndAStagingHint() {
        AuditApiException e = fail(STAGING, 404, "application/json",
                "{\"message\":\"No such resource\",\"error\":\"NOT_FOUND\"}");
        assertThat(e).isInstanceOf(AuditNotFoundException.class);
        assertThat(e.getMessage()).contains("failed with HTTP 404: No such resource (Boomi does not publish the staging"
                + " resource paths: check the configured staging paths").endsWith("--staging-request-path)");
        assertThat(e.vendorCode()).contains("NOT_FOUND");
    }

    @Test
    void aPlatformNotFoundPointsAtTheBaseUrlAndAccount() {
        AuditApiException e = fail(PLATFORM, 404, "text/plain", "Not Found");
        assertThat(e.getMessage()).endsWith("failed with HTTP 404: Not Found (check the base URL or region and the"
                + " account id " + ACCOUNT + ")");
    }

    @Test
    void anErrorCodeAloneIsUsedAsTheMessage() {
        AuditApiException e = fail(STAGING, 400, "application/json", "{\"error\":\"INVALID_RANGE\"}");
        assertThat(e.getMessage()).endsWith("failed with HTTP 400: INVALID_RANGE");
        assertThat(e.vendorCode()).contains("INVALID_RANGE");
    }

    @Test
    void aTruncatedOrNonJsonBodyIsQuotedAsText() {
        AuditApiException e = fail(PLATFORM, 500, "application/json", "  {\"error\":{\"message\":\"cut off  ");
        assertThat(e).isInstanceOf(AuditServerException.class);
        assertThat(e.getMessage()).endsWith("failed with HTTP 500: {\"error\":{\"message\":\"cut off");
    }

    @Test
    void anEmptyBodyAddsNoColon() {
        AuditApiException e = fail(PLATFORM, 410, "text/plain", "");
        assertThat(e.getMessage()).isEqualTo("boomi: POST " + url(PLATFORM) + " failed with HTTP 410"
                + " (Boomi retired this endpoint)");
    }

    @Test
    void unauthorizedHintsDifferForThePlatformAndTheStagingApi() {
        String platform = fail(PLATFORM, 401, "text/plain", "").getMessage();
        assertThat(platform).contains("check the user name and password, or the API token sent as BOOMI_TOKEN.<user>,"
                + " the account id " + ACCOUNT + ", and the X-Boomi-OTP code");
        wm.resetAll();
        String staging = fail(STAGING, 401, "text/plain", "").getMessage();
        assertThat(staging).contains("the staging API refused the JWT")
                .doesNotContain("BOOMI_TOKEN");
    }

    @Test
    void theThrottling503IsRateLimitedWithTheServersWait() {
        AuditApiException e = fail(PLATFORM, 503, "application/json", "{\"error\":{\"message\":\"Too many requests\"}}");
        wm.resetAll();
        wm.stubFor(any(urlPathEqualTo(PLATFORM)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")
                .withBody("{\"error\":\"THROTTLED\"}")));
        AuditRateLimitedException withWait = catchThrowableOfType(AuditRateLimitedException.class,
                () -> transport.sendForJson(HttpRequestSpec.get(url(PLATFORM)).build()));
        assertThat(e).isInstanceOf(AuditRateLimitedException.class);
        assertThat(e.getMessage()).contains("Too many requests").contains("Boomi throttles an account above 10 requests per second");
        assertThat(((AuditRateLimitedException) e).retryAfter()).isEmpty();
        assertThat(withWait.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(withWait.vendorCode()).contains("THROTTLED");
    }

    @Test
    void aStagingConflictCarriesTheExistingRequestsIdWhenBoomiSendsIt() {
        AuditApiException e = fail(STAGING, 409, "application/json",
                "{\"message\":\"A request for this range exists\",\"requestId\":4242}");
        assertThat(e).isInstanceOf(BoomiErrorDecoder.StagingConflictException.class);
        assertThat(((BoomiErrorDecoder.StagingConflictException) e).existingRequestId()).hasValue(4242);
        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.getMessage()).contains("A request for this range exists");
        wm.resetAll();
        AuditApiException noId = fail(STAGING, 409, "text/plain", "conflict");
        assertThat(((BoomiErrorDecoder.StagingConflictException) noId).existingRequestId()).isEmpty();
    }
}
