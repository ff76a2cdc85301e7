package dev.auditsdk.uipath;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.OAuthClientCredentials;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.core.testing.SecretLeakGuard;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the token client sends and how it reads answers without a usable token. */
class UiPathTokenClientRequestTest {
    private static final Instant T0 = Instant.parse("2026-12-03T11:00:00Z");
    private static final String SECRET = "cs&S3CR3T=+/ é";
    private static final String TOKEN = "at-S3CR3T-token";

    private WireMockServer wm;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        transport = HttpTransport.builder().vendor("uipath").retryPolicy(RetryPolicy.builder().maxAttempts(3)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build()).build();
        SecretLeakGuard.secret(TOKEN);
        SecretLeakGuard.secret(SECRET);
    }

    @AfterEach
    void stop() {
        transport.close();
        wm.stop();
    }

    private UiPathTokenClient client(List<String> scopes) {
        return new UiPathTokenClient(transport, URI.create(wm.baseUrl() + "/acme/identity_"),
                CredentialsProvider.of(OAuthClientCredentials.of("audit reader", Secret.of(SECRET))), scopes,
                new MutableClock(T0));
    }

    private void answer(String contentType, String body) {
        wm.stubFor(post("/acme/identity_/connect/token").willReturn(aResponse().withHeader("Content-Type", contentType)
                .withBody(body)));
    }

    @Test
    void postsTheClientCredentialsGrantAsAnEncodedFormWithoutAuthorization() {
        answer("application/json", "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}");
        client(List.of("PM.Audit.Read", "OR.Folders")).fetchToken();
        wm.verify(1, postRequestedFor(urlEqualTo("/acme/identity_/connect/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=audit+reader"
                        + "&client_secret=cs%26S3CR3T%3D%2B%2F+%C3%A9&scope=PM.Audit.Read+OR.Folders")));
    }

    @Test
    void theTokenEndpointIsBelowTheIdentityUrlWithOrWithoutTrailingSlash() {
        for (String identity : new String[] {"https://cloud.uipath.com/acme/identity_", "https://cloud.uipath.com/acme/identity_/"}) {
            UiPathTokenClient c = new UiPathTokenClient(transport, URI.create(identity),
                    CredentialsProvider.of(OAuthClientCredentials.of("id", Secret.of(SECRET))), List.of("PM.Audit.Read"),
                    new MutableClock(T0));
            assertThat(c.tokenEndpoint()).hasToString("https://cloud.uipath.com/acme/identity_/connect/token");
            assertThat(c.toString()).isEqualTo("UiPathTokenClient{https://cloud.uipath.com/acme/identity_/connect/token,"
                    + " scopes=[PM.Audit.Read]}");
        }
    }

    @Test
    void atLeastOneScopeIsRequiredAndTheScopesAreCopied() {
        assertThatThrownBy(() -> client(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scopes: at least one scope is required, e.g. PM.Audit.Read");
        java.util.ArrayList<String> scopes = new java.util.ArrayList<>(List.of("PM.Audit"));
        UiPathTokenClient c = client(scopes);
        scopes.add("OR.Everything");
        assertThat(c.scopes()).containsExactly("PM.Audit");
        assertThatThrownBy(() -> new UiPathTokenClient(transport, null,
                CredentialsProvider.of(OAuthClientCredentials.of("id", Secret.of(SECRET))), List.of("x"), new MutableClock(T0)))
                .isInstanceOf(NullPointerException.class).hasMessage("identityUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token_type\":\"Bearer\"}", "{\"access_token\":\"  \"}", "{\"access_token\":42}",
        "{\"access_token\":null}", "[{\"access_token\":\"x\"}]", "{\"access_token\":{\"value\":\"x\"}}"})
    void anAnswerWithoutAUsableTokenIsADataErrorNamingTheEndpoint(String body) {
        answer("application/json", body);
        assertThatThrownBy(() -> client(List.of("PM.Audit.Read")).fetchToken()).isInstanceOf(AuditDataException.class)
                .hasMessage("uipath: the token endpoint /acme/identity_/connect/token answered without an access_token");
    }

    @Test
    void anAnswerThatIsNotJsonIsRefusedWithoutQuotingItSinceItMayHoldTheToken() {
        answer("text/plain", "access_token=" + TOKEN + "&expires_in=3600");
        assertThatThrownBy(() -> client(List.of("PM.Audit.Read")).fetchToken())
                .isInstanceOf(AuditDataException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("access_token="));
    }

    @Test
    void aFailedTokenRequestIsAskedForAgainSinceItHasNoSideEffect() {
        wm.stubFor(post("/acme/identity_/connect/token").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post("/acme/identity_/connect/token").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":600}")));
        assertThat(client(List.of("PM.Audit.Read")).fetchToken().expiresAt()).hasValue(T0.plusSeconds(600));
        wm.verify(2, postRequestedFor(urlEqualTo("/acme/identity_/connect/token")));
    }
}
