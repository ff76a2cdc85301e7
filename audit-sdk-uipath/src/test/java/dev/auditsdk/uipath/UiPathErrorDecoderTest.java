package dev.auditsdk.uipath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.ThrottlePolicy;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UiPath's error answers as the decoder reads them off a real transport (WireMock over loopback). */
class UiPathErrorDecoderTest {
    private static final String TOKEN_PATH = "/identity_/connect/token";
    private static final String AUDIT_PATH = "/acme/DefaultTenant/orchestrator_/odata/AuditLogs";
    private static final String SECRET = "cs-S3CR3T-never-shown";

    private WireMockServer wm;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        transport = HttpTransport.builder().vendor("uipath").retryPolicy(RetryPolicy.none())
                .errorDecoder(new UiPathErrorDecoder())
                .throttlePolicy(ThrottlePolicy.standard()
                        .withRetryAfterFromBody((status, body) -> UiPathErrorDecoder.retryAfterInBody(body)))
                .build();
    }

    @AfterEach
    void stop() {
        transport.close();
        wm.stop();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + wm.port() + path);
    }

    private AuditApiException token(int status, String body, String scope) {
        wm.stubFor(any(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        HttpRequestSpec spec = HttpRequestSpec.post(url(TOKEN_PATH)).operation(Operation.LOGIN).authenticated(false)
                .textBody("grant_type=client_credentials&client_id=audit-reader&client_secret=" + SECRET
                        + (scope == null ? "" : "&scope=" + scope), "application/x-www-form-urlencoded")
                .build();
        return catchThrowableOfType(AuditApiException.class, () -> transport.sendForJson(spec));
    }

    private AuditApiException page(ResponseDefinitionBuilder answer) {
        wm.stubFor(any(urlPathEqualTo(AUDIT_PATH)).willReturn(answer));
        return catchThrowableOfType(AuditApiException.class,
                () -> transport.sendForJson(HttpRequestSpec.get(url(AUDIT_PATH)).build()));
    }

    private static String refused() {
        return "uipath: the token endpoint " + TOKEN_PATH + " refused the client-credentials grant";
    }

    @Test
    void anInvalidClientNamesTheCodeAndWhatToCheckButNeverTheSecret() {
        AuditApiException e = token(400, "{\"error\":\"invalid_client\",\"error_description\":\"bad\"}", null);
        assertThat(e).isInstanceOf(AuditAuthenticationException.class);
        assertThat(e.getMessage()).isEqualTo(refused()
                + ": invalid_client: check the client id and client secret of the external application");
        assertThat(e.vendorCode()).contains("invalid_client");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void anInvalidScopeQuotesTheRequestedScopesDecodedButNoOtherPartOfTheForm() {
        AuditApiException e = token(400, "{\"error\":\"invalid_scope\"}", "PM.Audit%20OR.Folders.Read");
        assertThat(e.getMessage()).isEqualTo(refused() + ": invalid_scope: the external application is not granted the"
                + " scope(s) 'PM.Audit OR.Folders.Read' (add them to the application, or configure other scopes)");
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("client_secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unauthorized_client|: unauthorized_client: the application may not use the client-credentials grant (it must be a confidential external application)",
        "unsupported_grant_type|: unsupported_grant_type: the identity URL may not be a UiPath Identity server",
        "access_denied|: access_denied"})
    void eachOAuthCodeGetsItsOwnAdvice(String code, String tail) {
        AuditApiException e = token(401, "{\"error\":\"" + code + "\"}", null);
        assertThat(e).isInstanceOf(AuditAuthenticationException.class);
        assertThat(e.getMessage()).isEqualTo(refused() + tail);
    }

    @Test
    void aRefusalWithoutCodeNamesTheStatusAndTheThingsToCheck() {
        AuditApiException e = token(401, "", null);
        assertThat(e).isInstanceOf(AuditAuthenticationException.class);
        assertThat(e.getMessage()).isEqualTo(refused() + " (HTTP 401): check the identity URL, client id and client secret");
        assertThat(e.vendorCode()).isEmpty();
    }

    @Test
    void anErrorObjectInsteadOfAnOAuthCodeIsTreatedAsNoCode() {
        AuditApiException e = token(400, "{\"error\":{\"code\":\"E1\",\"message\":\"Bad request\"}}", null);
        assertThat(e).isInstanceOf(AuditAuthenticationException.class);
        assertThat(e.getMessage()).isEqualTo(refused() + " (HTTP 400): check the identity URL, client id and client secret");
    }

    @Test
    void theOAuthCodeIsFoundInABodyCutShort() {
        AuditApiException e = token(400, "{\"error\":\"invalid_client\",\"error_description\":\"The client", null);
        assertThat(e.vendorCode()).contains("invalid_client");
        assertThat(e.getMessage()).contains(": invalid_client: check the client id");
    }

    @Test
    void aThrottledOrFailingTokenEndpointIsNotAnAuthenticationError() {
        AuditApiException throttled = token(429, "{\"error\":\"slow_down\",\"retry_after\":3}", null);
        assertThat(throttled).isInstanceOf(AuditRateLimitedException.class);
        assertThat(((AuditRateLimitedException) throttled).retryAfter()).contains(Duration.ofSeconds(3));
        wm.resetAll();
        AuditApiException broken = token(500, "{\"message\":\"Internal\"}", null);
        assertThat(broken).isInstanceOf(AuditServerException.class).isNotInstanceOf(AuditAuthenticationException.class);
        assertThat(broken.getMessage()).isEqualTo("uipath: POST " + url(TOKEN_PATH) + " failed with HTTP 500: Internal");
    }

    @Test
    void aValidationProblemListsTitleAndEachFieldsFirstError() {
        AuditApiException e = page(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"One or more validation errors occurred.\",\"status\":400,"
                        + "\"errors\":{\"from\":[\"The from field is invalid.\",\"second\"],\"to\":\"bad\"},"
                        + "\"traceId\":\"00-4bf92f-01\",\"errorCode\":1002}"));
        assertThat(e.getMessage()).isEqualTo("uipath: GET " + url(AUDIT_PATH) + " failed with HTTP 400: One or more"
                + " validation errors occurred.; from: The from field is invalid.; to: bad");
        assertThat(e.requestId()).contains("00-4bf92f-01");
        assertThat(e.vendorCode()).contains("1002");
    }

    @Test
    void aRequestIdHeaderWinsOverTheTraceIdInTheBody() {
        AuditApiException e = page(aResponse().withStatus(500).withHeader("X-Request-Id", "hdr-1")
                .withBody("{\"message\":\"boom\",\"traceId\":\"body-1\"}"));
        assertThat(e.requestId()).contains("hdr-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401| (the access token was refused: expired, revoked, or issued by another identity server)",
        "403| (the token lacks the PM.Audit or PM.Audit.Read scope, or the application has no access to this organization or tenant)",
        "404| (unknown organization or tenant name, or the audit API is not available at this URL)"})
    void commonStatusesSayWhatToCheck(int status, String hint) {
        AuditApiException e = page(aResponse().withStatus(status).withBody("{\"message\":\"Nope\"}"));
        assertThat(e.getMessage()).isEqualTo("uipath: GET " + url(AUDIT_PATH) + " failed with HTTP " + status + " " + hint
                + ": Nope");
        if (status == 403) {
            assertThat(e).isInstanceOf(AuditAccessDeniedException.class);
        }
        if (status == 404) {
            assertThat(e).isInstanceOf(AuditNotFoundException.class);
        }
    }

    @Test
    void aNonJsonBodyGivesNoDetailButStillTheStatus() {
        AuditApiException e = page(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"));
        assertThat(e.getMessage()).isEqualTo("uipath: GET " + url(AUDIT_PATH) + " failed with HTTP 502");
        assertThat(e.bodyExcerpt()).hasValueSatisfying(b -> assertThat(b).contains("Bad Gateway"));
    }

    @Test
    void aPageThrottledWithTheWaitInTheBodyReportsThatWaitAndTheHeaderWins() {
        AuditRateLimitedException body = (AuditRateLimitedException) page(aResponse().withStatus(429)
                .withBody("{\"message\":\"Too many requests\",\"retryAfter\":\"2.5\"}"));
        assertThat(body.retryAfter()).contains(Duration.ofMillis(2500));
        assertThat(body.getMessage()).endsWith("failed with HTTP 429: Too many requests");
        wm.resetAll();
        AuditRateLimitedException header = (AuditRateLimitedException) page(aResponse().withStatus(429)
                .withHeader("Retry-After", "4").withBody("{\"retry_after\":9}"));
        assertThat(header.retryAfter()).contains(Duration.ofSeconds(4));
    }

    @Test
    void retryAfterInBodyReadsSecondsInAnySpellingAndRoundsUpToTheMillisecond() {
        assertThat(UiPathErrorDecoder.retryAfterInBody("{\"Retry_After\": 12}")).contains(Duration.ofSeconds(12));
        assertThat(UiPathErrorDecoder.retryAfterInBody("{\"RETRYAFTER\":\"0.0001\"}")).contains(Duration.ofMillis(1));
        assertThat(UiPathErrorDecoder.retryAfterInBody("{\"retry_after\":\"soon\"}")).isEmpty();
        assertThat(UiPathErrorDecoder.retryAfterInBody("{\"message\":\"retry after 5 seconds\"}")).isEmpty();
        assertThat(UiPathErrorDecoder.retryAfterInBody(null)).isEmpty();
        assertThat(UiPathErrorDecoder.retryAfterInBody("")).isEmpty();
    }
}
