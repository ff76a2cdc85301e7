package dev.auditsdk.informatica;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InformaticaLoginTest {
    private static final String PASSWORD = "pw-S3CR3T";
    private static final String SESSION = "sessionS3CR3Tid0000001";

    private final WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private HttpTransport transport;

    @BeforeEach
    void start() {
        wm.start();
        transport = HttpTransport.builder().vendor("informatica").retryPolicy(RetryPolicy.none())
                .errorDecoder(new InformaticaErrorDecoder()).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        wm.stop();
    }

    private InformaticaLogin login(InformaticaLogin.Api api) {
        return new InformaticaLogin(api, URI.create(wm.baseUrl()),
                CredentialsProvider.of(UsernamePassword.of("ana@example.com", Secret.of(PASSWORD))), transport, false);
    }

    @Test
    void v2LoginPostsTheLoginObjectAndReadsSessionAndServerUrl() {
        wm.stubFor(post(urlEqualTo("/ma/api/v2/user/login")).willReturn(okJson(
                "{\"@type\":\"user\",\"icSessionId\":\"" + SESSION + "\",\"serverUrl\":\"" + wm.baseUrl() + "/saas\"}")));

        InformaticaSession session = login(InformaticaLogin.Api.V2).login();

        assertThat(session.id().reveal()).isEqualTo(SESSION);
        assertThat(session.serverUrl()).isEqualTo(URI.create(wm.baseUrl() + "/saas"));
        wm.verify(postRequestedFor(urlEqualTo("/ma/api/v2/user/login"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"@type\":\"login\",\"username\":\"ana@example.com\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(login(InformaticaLogin.Api.V2).headers(session).headers()).containsOnlyKeys("icSessionId");
    }

    @Test
    void v3LoginReadsUserInfoAndBaseApiUrl() {
        wm.stubFor(post(urlEqualTo("/saas/public/core/v3/login")).willReturn(okJson("{\"products\":[{\"name\":\"Integration Cloud\","
                + "\"baseApiUrl\":\"" + wm.baseUrl() + "/saas\"}],\"userInfo\":{\"sessionId\":\"" + SESSION + "\"}}")));

        InformaticaSession session = login(InformaticaLogin.Api.V3).login();

        assertThat(session.serverUrl()).isEqualTo(URI.create(wm.baseUrl() + "/saas"));
        wm.verify(postRequestedFor(urlEqualTo("/saas/public/core/v3/login"))
                .withRequestBody(equalToJson("{\"username\":\"ana@example.com\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(login(InformaticaLogin.Api.V3).headers(session).headers()).containsOnlyKeys("INFA-SESSION-ID");
    }

    @Test
    void aServerUrlOnPlainHttpToAnotherHostIsRefusedBeforeTheSessionIsSentThere() {
        wm.stubFor(post(urlEqualTo("/ma/api/v2/user/login")).willReturn(okJson(
                "{\"icSessionId\":\"" + SESSION + "\",\"serverUrl\":\"http://na4.dm-us.informaticacloud.com/saas\"}")));

        assertThatThrownBy(() -> login(InformaticaLogin.Api.V2).login()).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("server URL").hasMessageContaining("plain HTTP");
    }

    @Test
    void anAnswerWithoutSessionOrServerUrlIsADataError() {
        wm.stubFor(post(urlEqualTo("/ma/api/v2/user/login")).willReturn(okJson("{\"serverUrl\":\"" + wm.baseUrl() + "\"}")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V2).login()).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("icSessionId");

        wm.stubFor(post(urlEqualTo("/ma/api/v2/user/login")).willReturn(okJson("{\"icSessionId\":\"" + SESSION + "\"}")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V2).login()).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("serverUrl");
    }

    @Test
    void anAnswerThatIsNotJsonIsADataErrorThatQuotesNothing() {
        wm.stubFor(post(urlEqualTo("/ma/api/v2/user/login")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("icSessionId=" + SESSION + " <html>")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V2).login()).isInstanceOfSatisfying(AuditDataException.class,
                e -> {
                    assertThat(e.getMessage()).contains("not valid JSON").doesNotContain(SESSION);
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void anAnswerOfTheWrongShapeIsADataErrorThatQuotesNothing() {
        wm.stubFor(post(urlEqualTo("/saas/public/core/v3/login")).willReturn(okJson(
                "{\"userInfo\":\"" + SESSION + "\",\"products\":[]}")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V3).login()).isInstanceOfSatisfying(AuditDataException.class,
                e -> {
                    assertThat(e.getMessage()).contains("not the expected userInfo/products object").doesNotContain(SESSION);
                    assertThat(e.getCause()).isNull();
                });

        wm.stubFor(post(urlEqualTo("/ma/api/v2/user/login")).willReturn(okJson("[\"" + SESSION + "\"]")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V2).login()).isInstanceOfSatisfying(AuditDataException.class,
                e -> assertThat(e.getMessage()).contains("not the expected user object").doesNotContain(SESSION));
    }

    @Test
    void aV3AnswerWithoutProductsNamesTheDocumentedField() {
        wm.stubFor(post(urlEqualTo("/saas/public/core/v3/login")).willReturn(okJson(
                "{\"userInfo\":{\"sessionId\":\"" + SESSION + "\"},\"products\":[]}")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V3).login()).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("products[0].baseApiUrl");

        wm.stubFor(post(urlEqualTo("/saas/public/core/v3/login")).willReturn(okJson(
                "{\"userInfo\":{\"sessionId\":\" \"},\"products\":[{\"baseApiUrl\":\"" + wm.baseUrl() + "\"}]}")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V3).login()).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("userInfo.sessionId");
    }

    @Test
    void aRefusedLoginIsAnAuthenticationErrorWithTheVendorCode() {
        wm.stubFor(post(urlEqualTo("/saas/public/core/v3/login")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"IDS_085\",\"message\":\"Invalid credentials.\",\"requestId\":\"r-1\",\"details\":null}}")));
        assertThatThrownBy(() -> login(InformaticaLogin.Api.V3).login())
                .isInstanceOfSatisfying(AuditAuthenticationException.class, e -> {
                    assertThat(e.vendorCode()).hasValue("IDS_085");
                    assertThat(e.requestId()).hasValue("r-1");
                    assertThat(e.getMessage()).contains("Invalid credentials.").doesNotContain(PASSWORD);
                });
    }

    @Test
    void logoutSendsTheSessionHeaderToTheServerUrl() {
        wm.stubFor(post(urlEqualTo("/saas/api/v2/user/logout")).willReturn(aResponse().withStatus(200)));
        login(InformaticaLogin.Api.V2).logout(InformaticaSession.of(Secret.of(SESSION), URI.create(wm.baseUrl() + "/saas")));
        wm.verify(postRequestedFor(urlEqualTo("/saas/api/v2/user/logout")).withHeader("icSessionId", equalTo(SESSION)));
    }
}
