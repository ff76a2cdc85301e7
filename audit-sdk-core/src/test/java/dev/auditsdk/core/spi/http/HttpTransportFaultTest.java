package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.http.HttpRequestInfo;
import static dev.auditsdk.core.spi.http.ScriptedHttpServer.ok;
import static dev.auditsdk.core.spi.http.ScriptedHttpServer.redirect;
import static dev.auditsdk.core.spi.http.ScriptedHttpServer.stall;
import static dev.auditsdk.core.spi.http.ScriptedHttpServer.status;
import static dev.auditsdk.core.spi.http.ScriptedHttpServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.http.HttpTransportTest.CountingAuthenticator;
import dev.auditsdk.core.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.http.Operation;

/** The transport against servers that misbehave: bodies cut short or stalled, throttles, hostile redirects. */
class HttpTransportFaultTest {
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    private static final String PAGE = "{\"items\":[1,2,3],\"next\":\"abc\"}";

    private ScriptedHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpTransport.Builder transport() {
        return HttpTransport.builder().vendor("test").retryPolicy(FAST).bodyReadTimeout(Duration.ofMillis(300));
    }

    @Test
    void aBoundedAnswerCutShortIsReadAgainInsideTheRetryPolicy() {
        server.then(truncated(PAGE, 10)).then(truncated(PAGE, PAGE.length() - 1)).then(ok(PAGE));
        try (HttpTransport t = transport().build()) {
            JsonNode page = t.sendForJson(HttpRequestSpec.get(server.url("/page")).build());
            assertThat(page.get("next").asText()).isEqualTo("abc");
        }
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aStreamingAnswerCutWhileItsHeadIsInspectedIsOpenedAgainAndStaysOpenAfterwards() throws Exception {
        String file = "{\"n\":1}\n".repeat(2000);
        server.then(truncated(file, 100)).then(ok(file));
        try (HttpTransport t = transport().build()) {
            java.io.InputStream body = t.open(HttpRequestSpec.get(server.url("/file")).operation(Operation.DOWNLOAD).build(),
                    answer -> {
                        java.io.BufferedInputStream in = new java.io.BufferedInputStream(answer.body(), 8192);
                        in.mark(8192);
                        in.readNBytes(4096); // the head, e.g. to sniff the format
                        in.reset();
                        return in;
                    });
            try (java.io.InputStream in = body) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(file);
            }
        }
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void anAnswerWithoutLengthThatEndsInsideAnArrayIsReadAgain() {
        // no Content-Length: the body ends when the server closes, here inside the JSON
        server.then(out -> {
            out.write(ScriptedHttpServer.head(200, "Content-Type: application/json"));
            out.write("{\"items\":[1,2,".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }).then(ok(PAGE));
        try (HttpTransport t = transport().build()) {
            assertThat(t.sendForJson(HttpRequestSpec.get(server.url("/page")).build()).get("next").asText()).isEqualTo("abc");
        }
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aBoundedAnswerThatStallsMidBodyIsReadAgain() {
        server.then(stall(200, "{\"items\":[1,", PAGE.length(), 5_000)).then(ok(PAGE));
        long start = System.nanoTime();
        try (HttpTransport t = transport().build()) {
            assertThat(t.sendForText(HttpRequestSpec.get(server.url("/page")).build())).isEqualTo(PAGE);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aGzipAnswerCutShortIsReadAgain() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        byte[] gzip = buf.toByteArray();
        // a server that closes without Content-Length: the gzip stream itself ends early
        server.then(out -> {
            out.write(ScriptedHttpServer.head(200, "Content-Encoding: gzip"));
            out.write(gzip, 0, gzip.length / 2);
            out.flush();
        }).then(out -> {
            out.write(ScriptedHttpServer.head(200, "Content-Encoding: gzip\r\nContent-Length: " + gzip.length));
            out.write(gzip);
            out.flush();
        });
        try (HttpTransport t = transport().build()) {
            assertThat(t.sendForJson(HttpRequestSpec.get(server.url("/page")).build()).get("next").asText()).isEqualTo("abc");
        }
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aBodyCutShortOnEveryAttemptFailsNamingTheRequestAfterTheRetries() {
        server.otherwise(truncated(PAGE, 5));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.get(server.url("/page")).build()))
                    .isInstanceOf(AuditTransportException.class)
                    .hasMessageContaining("GET http://127.0.0.1:")
                    .hasMessageContaining("/page")
                    .hasMessageContaining("after retries");
        }
        assertThat(server.received()).hasSize(FAST.maxAttempts());
    }

    @Test
    void malformedJsonIsADataErrorAndIsNotRetried() {
        server.otherwise(ok("{\"items\": [1, 2,, 3]}"));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.get(server.url("/page")).build()))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("test: the answer to GET")
                    .hasMessageContaining("malformed JSON at line 1");
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aLoginAnswerThatIsNotJsonIsReportedWithoutQuotingIt() {
        server.otherwise(ok("access_token=sekrit-token-value&x"));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.post(server.url("/token"))
                    .textBody("grant_type=client_credentials", "application/x-www-form-urlencoded")
                    .operation(Operation.LOGIN).build()))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("is not valid JSON (line 1")
                    .hasMessageNotContaining("sekrit")
                    .hasNoCause();
        }
    }

    @Test
    void aPageLargerThanTheTreeLimitIsADataErrorNamingTheLimit() {
        server.otherwise(ok("[" + "0,".repeat(5000) + "0]"));
        ReadLimits small = ReadLimits.builder().maxTreeBytes(4096).build();
        try (HttpTransport t = transport().limits(small).build()) {
            assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.get(server.url("/page")).build()))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("maxTreeBytes");
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aGzipBombInTheContentEncodingIsADataErrorNotAnOutOfMemoryError() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        byte[] bomb = buf.toByteArray();
        server.otherwise(out -> {
            out.write(ScriptedHttpServer.head(200, "Content-Encoding: gzip\r\nContent-Length: " + bomb.length));
            out.write(bomb);
            out.flush();
        });
        ReadLimits limits = ReadLimits.builder().maxDecompressedBytes(8 << 20).maxDecompressionRatio(100_000).build();
        try (HttpTransport t = transport().limits(limits).build()) {
            HttpResult r = t.send(HttpRequestSpec.get(server.url("/export")).operation(Operation.DOWNLOAD).build());
            assertThatThrownBy(() -> r.body().transferTo(java.io.OutputStream.nullOutputStream()))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("maxDecompressedBytes");
            r.close();
        }
    }

    @Test
    void aCutBodyOfARequestThatIsNotRetrySafeIsNotRepeated() {
        server.otherwise(truncated(PAGE, 5));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.post(server.url("/jobs"))
                    .textBody("{}", "application/json").operation(Operation.SUBMIT).build()))
                    .isInstanceOf(AuditTransportException.class)
                    .hasMessageContaining("not retry-safe");
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aStalledErrorBodyFailsWithinTheBodyReadTimeout() {
        server.otherwise(stall(503, "{\"error\":", 1000, 20_000));
        long start = System.nanoTime();
        try (HttpTransport t = transport().retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(server.url("/page")).build()))
                    .isInstanceOf(AuditServerException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aThrottledLoginIsRetriedAlthoughAPostIsNotRetrySafe() {
        server.then(status(429, "{\"message\":\"slow down\"}")).then(status(429, "")).then(ok("{\"token\":\"t\"}"));
        try (HttpTransport t = transport().build()) {
            JsonNode answer = t.sendForJson(HttpRequestSpec.post(server.url("/login"))
                    .textBody("{\"user\":\"u\"}", "application/json").operation(Operation.LOGIN).build());
            assertThat(answer.get("token").asText()).isEqualTo("t");
        }
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aVendorThrottleStatusIsRetriedForAnyMethodButAPlain503IsNot() {
        server.then(status(503, "busy")).then(ok("{}"));
        try (HttpTransport t = transport().throttlePolicy(ThrottlePolicy.statuses(java.util.Set.of(429, 503))).build()) {
            t.sendForJson(HttpRequestSpec.post(server.url("/query")).textBody("{}", "application/json").build());
        }
        assertThat(server.received()).hasSize(2);

        server.then(status(503, "busy"));
        try (HttpTransport t = transport().build()) {
            assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.post(server.url("/query"))
                    .textBody("{}", "application/json").build()))
                    .isInstanceOf(AuditServerException.class);
        }
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void theListenerHearsTheActualWaitBeforeTheTransportWaits() {
        server.then(out -> {
            out.write(ScriptedHttpServer.head(429, "Retry-After: 1\r\nContent-Length: 0"));
            out.flush();
        }).then(ok("{}"));
        List<Duration> delays = new CopyOnWriteArrayList<>();
        List<Long> heardAt = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        try (HttpTransport t = transport().listener(new TransportListener() {
            @Override
            public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
                delays.add(delay);
                heardAt.add(System.nanoTime() - start);
            }
        }).build()) {
            t.sendForJson(HttpRequestSpec.get(server.url("/page")).build());
        }
        long total = System.nanoTime() - start;
        assertThat(delays).containsExactly(Duration.ofSeconds(1));
        assertThat(total - heardAt.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
    }

    @Test
    void theRetryAfterReportedOnTheExceptionIsClampedLikeTheWait() {
        server.otherwise(out -> {
            out.write(ScriptedHttpServer.head(429, "Retry-After: 86400\r\nContent-Length: 0"));
            out.flush();
        });
        RetryPolicy once = RetryPolicy.builder().maxAttempts(1).maxRetryAfter(Duration.ofSeconds(30)).build();
        try (HttpTransport t = transport().retryPolicy(once).build()) {
            assertThatThrownBy(() -> t.send(HttpRequestSpec.get(server.url("/page")).build()))
                    .isInstanceOfSatisfying(AuditRateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {307, 308})
    void aLoginBodyIsNeverSentToAnotherOrigin(int status) throws Exception {
        try (ScriptedHttpServer other = new ScriptedHttpServer()) {
            server.then(redirect(status, other.url("/steal").toString()));
            try (HttpTransport t = transport().build()) {
                assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.post(server.url("/login"))
                        .textBody("{\"password\":\"hunter2\"}", "application/json").operation(Operation.LOGIN).build()))
                        .isInstanceOf(AuditTransportException.class)
                        .hasMessageContaining("another origin")
                        .hasMessageNotContaining("hunter2");
            }
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void aBodyIsNeverSentToAnotherOriginWhateverTheOperation() throws Exception {
        try (ScriptedHttpServer other = new ScriptedHttpServer()) {
            server.then(redirect(307, other.url("/x").toString()));
            try (HttpTransport t = transport().build()) {
                assertThatThrownBy(() -> t.sendForJson(HttpRequestSpec.post(server.url("/query")).retrySafe(true)
                        .textBody("{\"q\":1}", "application/json").build()))
                        .isInstanceOf(AuditTransportException.class)
                        .hasMessageContaining("another origin");
            }
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void aCrossOriginRedirectOfAReadCarriesNeitherCredentialsNorVendorHeaders() throws Exception {
        try (ScriptedHttpServer other = new ScriptedHttpServer()) {
            other.then(ok("{\"file\":true}"));
            server.then(redirect(302, other.url("/file").toString()));
            try (HttpTransport t = transport().authenticator(new CountingAuthenticator("tok")).build()) {
                JsonNode file = t.sendForJson(HttpRequestSpec.get(server.url("/download"))
                        .header("Accept", "application/json").header("X-Session-Id", "sess-1").operation(Operation.DOWNLOAD).build());
                assertThat(file.get("file").asBoolean()).isTrue();
            }
            ScriptedHttpServer.Received there = other.received().get(0);
            assertThat(there.hasHeader("Authorization")).isFalse();
            assertThat(there.hasHeader("X-Session-Id")).isFalse();
            assertThat(there.hasHeader("Accept")).isTrue();
            ScriptedHttpServer.Received home = server.received().get(0);
            assertThat(home.hasHeader("Authorization")).isTrue();
            assertThat(home.hasHeader("X-Session-Id")).isTrue();
        }
    }

    @Test
    void seeOtherAfterAPostFetchesTheAnswerWithAGetWithoutTheBody() {
        server.then(redirect(303, "/result")).then(ok("{\"done\":true}"));
        try (HttpTransport t = transport().build()) {
            t.sendForJson(HttpRequestSpec.post(server.url("/jobs")).textBody("{\"a\":1}", "application/json").build());
        }
        ScriptedHttpServer.Received second = server.received().get(1);
        assertThat(second.method).isEqualTo("GET");
        assertThat(second.path).isEqualTo("/result");
        assertThat(second.body).isEmpty();
        assertThat(second.hasHeader("Content-Type")).isFalse();
    }

    @Test
    void aClosedTransportSendsNothingWhicheverViewIsUsed() {
        HttpTransport t = transport().build();
        HttpTransport plain = t.withoutAuth();
        t.close();
        assertThat(plain.isClosed()).isTrue();
        assertThatThrownBy(() -> plain.sendForJson(HttpRequestSpec.get(server.url("/page")).build()))
                .isInstanceOf(IllegalStateException.class).hasMessage("test: the transport is closed");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void theViewWithoutAuthenticationSharesTheTransportButSendsNoCredentials() {
        server.otherwise(ok("{}"));
        CountingAuthenticator auth = new CountingAuthenticator("tok");
        try (HttpTransport plain = transport().build(); HttpTransport authed = plain.withAuthenticator(auth)) {
            authed.sendForJson(HttpRequestSpec.get(server.url("/page")).build());
            authed.withoutAuth().sendForJson(HttpRequestSpec.get(server.url("/login")).build());
            assertThat(authed.withoutAuth().retryPolicy()).isSameAs(authed.retryPolicy());
        }
        assertThat(server.received().get(0).hasHeader("Authorization")).isTrue();
        assertThat(server.received().get(1).hasHeader("Authorization")).isFalse();
    }

    @Test
    void anHttpsAnswerRedirectingToPlainHttpIsRefusedEvenOnLoopback(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "wm", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "password", "-keypass", "password").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        com.github.tomakehurst.wiremock.WireMockServer tls = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort()
                        .keystorePath(keystore.toString()).keystoreType("PKCS12").keystorePassword("password")
                        .keyManagerPassword("password").bindAddress("127.0.0.1"));
        tls.start();
        try {
            tls.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/page").willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302)
                            .withHeader("Location", server.url("/plain").toString())));
            javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
            trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            javax.net.ssl.SSLParameters noHostCheck = new javax.net.ssl.SSLParameters();
            noHostCheck.setEndpointIdentificationAlgorithm(null);
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(trustAll)
                    .sslParameters(noHostCheck).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            try (HttpTransport t = transport().httpClient(client).authenticator(new CountingAuthenticator("tok")).build()) {
                assertThatThrownBy(() -> t.send(HttpRequestSpec.get(java.net.URI.create("https://127.0.0.1:" + tls.httpsPort() + "/page")).build()))
                        .isInstanceOf(AuditTransportException.class)
                        .hasMessageContaining("from https to http://127.0.0.1");
            }
            assertThat(server.received()).isEmpty();
        } finally {
            tls.stop();
        }
    }
}
