package dev.auditsdk.testkit.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JitterbitSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-01-20T00:00:00Z");
    private static final String FROM = "01/20/2024 00:00:00 +0000";
    private static final String TO = "01/21/2024 00:00:00 +0000";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JitterbitSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private JitterbitSimulator start(JitterbitSimulator.Builder builder) {
        sim = builder.span(T0, T0.plus(Duration.ofDays(1))).build().start();
        return sim;
    }

    @Test
    void loginAnswersTheDocumentedSuccessBodyAndTheTokenAuthorizesExports() throws Exception {
        start(JitterbitSimulator.builder());
        JsonNode login = put(JitterbitSimulator.LOGIN_PATH, null,
                "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\"}").json();

        assertThat(login.get("status").booleanValue()).isTrue();
        assertThat(login.get("operation").asText()).isEqualTo("User login");
        assertThat(login.get("authenticationToken").asText()).startsWith("1_");
        assertThat(login.get("defaultOrgId").asText()).isEqualTo("123456");
        assertThat(login.get("sessionTimeoutInSeconds").asLong()).isEqualTo(14400);
        assertThat(login.get("orgAttrs")).hasSize(2);
        assertThat(login.get("orgAttrs").get(0).get("orgName").asText()).isEqualTo("JB Example Company");

        Reply submit = put(JitterbitSimulator.EXPORT_PATH, login.get("authenticationToken").asText(), exportBody(true));
        assertThat(submit.status).isEqualTo(200);
        assertThat(submit.json().get("key").asText()).matches("debug-log-[0-9A-F]{64}");
    }

    @Test
    void anAnnouncedSessionTimeoutOfZeroDoesNotShortenTheRealSession() throws Exception {
        start(JitterbitSimulator.builder().announcedSessionTimeoutSeconds(0));
        JsonNode login = put(JitterbitSimulator.LOGIN_PATH, null,
                "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\"}").json();

        assertThat(login.get("sessionTimeoutInSeconds").asLong()).isZero();
        sim.advanceTime(Duration.ofHours(1));
        assertThat(put(JitterbitSimulator.EXPORT_PATH, login.get("authenticationToken").asText(), exportBody(true)).status)
                .isEqualTo(200);
    }

    @Test
    void aRefusedLoginIsHttp200WithStatusFalse() throws Exception {
        start(JitterbitSimulator.builder());
        Reply reply = put(JitterbitSimulator.LOGIN_PATH, null, "{\"email\":\"alice@jbexample.com\",\"password\":\"nope\"}");

        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.json().get("status").booleanValue()).isFalse();
        assertThat(reply.json().get("errorCode").asText()).isEqualTo(JitterbitSimulator.INVALID_CREDENTIALS);
        assertThat(reply.json().get("authenticationToken").isNull()).isTrue();
    }

    @Test
    void tfaNeedsADeviceIdThenEmailsANewCodeOnEveryFirstStepCall() throws Exception {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        JsonNode noDevice = put(JitterbitSimulator.LOGIN_PATH, null,
                "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\"}").json();
        assertThat(noDevice.get("errorCode").asText()).isEqualTo(JitterbitSimulator.TFA_DEVICE_ID_REQUIRED);
        assertThat(sim.tfaCodesSent()).isZero();

        String first = "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\",\"deviceId\":\"abcd\"}";
        JsonNode step1 = put(JitterbitSimulator.LOGIN_PATH, null, first).json();
        assertThat(step1.get("status").booleanValue()).isFalse();
        assertThat(step1.get("errorCode").asText()).isEqualTo("VALIDATE_TFA_LOGIN_EMAIL");
        put(JitterbitSimulator.LOGIN_PATH, null, first);
        assertThat(sim.tfaCodesSent()).isEqualTo(2);
        String code = sim.lastTfaCode().orElseThrow();

        JsonNode wrong = put(JitterbitSimulator.TFA_PATH, null, tfaBody("abcd", code.equals("000000") ? "111111" : "000000")).json();
        assertThat(wrong.get("errorCode").asText()).isEqualTo(JitterbitSimulator.INVALID_TFA_CODE);
        JsonNode otherDevice = put(JitterbitSimulator.TFA_PATH, null, tfaBody("efgh", code)).json();
        assertThat(otherDevice.get("status").booleanValue()).isFalse();

        JsonNode ok = put(JitterbitSimulator.TFA_PATH, null, tfaBody("abcd", code)).json();
        assertThat(ok.get("status").booleanValue()).isTrue();
        assertThat(ok.get("authenticationToken").asText()).startsWith("1_");
        // a code is good once
        assertThat(put(JitterbitSimulator.TFA_PATH, null, tfaBody("abcd", code)).json().get("status").booleanValue()).isFalse();
    }

    @Test
    void tfaCodesExpire() throws Exception {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        put(JitterbitSimulator.LOGIN_PATH, null,
                "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\",\"deviceId\":\"abcd\"}");
        sim.advanceTime(Duration.ofMinutes(11));

        JsonNode late = put(JitterbitSimulator.TFA_PATH, null, tfaBody("abcd", sim.lastTfaCode().orElseThrow())).json();
        assertThat(late.get("errorCode").asText()).isEqualTo(JitterbitSimulator.INVALID_TFA_CODE);
    }

    @Test
    void exportGoesReceivedProcessingCompleteAndIdenticalRequestsShareTheKey() throws Exception {
        start(JitterbitSimulator.builder().entries(50));
        String token = login();
        JsonNode submit = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json();
        String key = submit.get("key").asText();
        assertThat(submit.get("status").asText()).isEqualTo("RECEIVED");

        assertThat(poll(token, key).json().get("status").asText()).isEqualTo("PROCESSING");
        JsonNode again = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json();
        assertThat(again.get("key").asText()).isEqualTo(key);
        assertThat(again.get("status").asText()).isEqualTo("PROCESSING");

        Reply file = poll(token, key);
        assertThat(file.contentType).startsWith("text/csv");
        String csv = file.text();
        assertThat(csv).startsWith("time,apiName,envName,authProfile,requestId,requestMethod,requestUri,"
                + "responseTime,sourceIp,sourceApp,statusCode,message\r\n");
        for (ApiLogRecord r : sim.records()) {
            assertThat(csv).contains(r.requestId());
        }
        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("status").asText())
                .isEqualTo("COMPLETE");
        assertThat(sim.exportsStarted()).isEqualTo(1);
    }

    @Test
    void csvQuotesCommasQuotesAndNewlines() throws Exception {
        start(JitterbitSimulator.builder().entries(0));
        sim.append(ApiLogRecord.builder().time(T0.plusSeconds(5)).requestId("r-1").apiName("Orders, v2")
                .requestUri("/a/\"b\"").message("line one\nline two").statusCode(500).build());
        String token = login();
        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)
                .replace("\"retrieveLogMessages\":false", "\"retrieveLogMessages\":\"true\"")).json().get("key").asText();
        poll(token, key);

        String csv = poll(token, key).text();
        assertThat(csv).contains("\"Orders, v2\"").contains("\"/a/\"\"b\"\"\"").contains("\"line one\nline two\"");
    }

    @Test
    void messagesAreBlankUnlessRequested() throws Exception {
        start(JitterbitSimulator.builder().entries(0));
        sim.append(ApiLogRecord.builder().time(T0.plusSeconds(5)).requestId("r-1").message("secret-free text").build());
        String token = login();
        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(false)).json().get("key").asText();
        poll(token, key);

        JsonNode file = poll(token, key).json();
        assertThat(file.get(0).get("message").isNull()).isTrue();
    }

    @Test
    void jsonFilesComeAsAnArrayOrAsLinesAndTimesInTheClientTimeZone() throws Exception {
        start(JitterbitSimulator.builder().entries(0).jsonLayout(JitterbitSimulator.JsonLayout.LINES));
        sim.append(ApiLogRecord.builder().time(T0.plusMillis(1500)).requestId("r-1").statusCode(200).build(),
                ApiLogRecord.builder().time(T0.plusSeconds(60)).requestId("r-2").statusCode(404).build());
        String token = login();
        String body = exportBody(false).replace("\"clientTimeZone\":\"UTC\"", "\"clientTimeZone\":\"Europe/Berlin\"")
                .replace("\"ascendSort\":false", "\"ascendSort\":true");
        String key = put(JitterbitSimulator.EXPORT_PATH, token, body).json().get("key").asText();
        poll(token, key);

        String[] lines = poll(token, key).text().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("requestId").asText()).isEqualTo("r-1");
        assertThat(first.get("time").asText()).isEqualTo("2024-01-20T01:00:01.500+01:00");
        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void defaultSortIsNewestFirst() throws Exception {
        start(JitterbitSimulator.builder().entries(0));
        sim.append(ApiLogRecord.builder().time(T0.plusSeconds(1)).requestId("old").build(),
                ApiLogRecord.builder().time(T0.plusSeconds(2)).requestId("new").build());
        String token = login();
        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(false)).json().get("key").asText();
        poll(token, key);

        JsonNode file = poll(token, key).json();
        assertThat(file.get(0).get("requestId").asText()).isEqualTo("new");
    }

    @Test
    void gzipFilesAndGzipContentEncoding() throws Exception {
        for (JitterbitSimulator.Compression c : List.of(JitterbitSimulator.Compression.GZIP_FILE,
                JitterbitSimulator.Compression.CONTENT_ENCODING)) {
            start(JitterbitSimulator.builder().entries(5).compression(c).pollsWhileReceived(0).pollsWhileProcessing(0));
            String token = login();
            JsonNode submit = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json();
            assertThat(submit.get("status").asText()).isEqualTo("COMPLETE");

            Reply file = poll(token, submit.get("key").asText());
            assertThat(file.body[0] & 0xff).isEqualTo(0x1f);
            assertThat(file.body[1] & 0xff).isEqualTo(0x8b);
            String csv = new String(new GZIPInputStream(new ByteArrayInputStream(file.body)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(csv.split("\r\n")).hasSize(6);
            if (c == JitterbitSimulator.Compression.CONTENT_ENCODING) {
                assertThat(file.response.headers().firstValue("Content-Encoding")).contains("gzip");
            } else {
                assertThat(file.contentType).isEqualTo("application/octet-stream");
                assertThat(file.response.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".csv.gz\"");
            }
            sim.close();
        }
    }

    @Test
    void noDataThenANewGenerationOnTheSameRequest() throws Exception {
        start(JitterbitSimulator.builder().entries(0));
        String token = login();
        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("key").asText();
        poll(token, key);
        assertThat(poll(token, key).json().get("status").asText()).isEqualTo("NO_DATA");

        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("status").asText())
                .isEqualTo("RECEIVED");
        assertThat(sim.exportsStarted()).isEqualTo(2);
    }

    @Test
    void unknownKeysAndKeysOlderThan23HoursAreInvalid() throws Exception {
        start(JitterbitSimulator.builder());
        String token = login();
        assertThat(poll(token, "debug-log-NOPE").json().get("status").asText()).isEqualTo("INVALID");

        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("key").asText();
        sim.advanceTime(Duration.ofHours(23));
        // the session (4 h) has expired as well
        assertThat(poll(token, key).status).isEqualTo(401);
        assertThat(poll(login(), key).json().get("status").asText()).isEqualTo("INVALID");
    }

    @Test
    void anErrorAfterTryingAllowsTheSameRequestAgain() throws Exception {
        start(JitterbitSimulator.builder());
        sim.failNextExport("Query timed out");
        String token = login();
        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("key").asText();
        poll(token, key);
        JsonNode error = poll(token, key).json();
        assertThat(error.get("status").asText()).isEqualTo("ERROR");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Query timed out");

        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("status").asText())
                .isEqualTo("RECEIVED");
    }

    @Test
    void anErrorWhileProcessingLocksThatExactRequestUntilAParameterChanges() throws Exception {
        start(JitterbitSimulator.builder());
        sim.failNextExportAndLock("Internal error");
        String token = login();
        String key = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json().get("key").asText();
        poll(token, key);
        assertThat(poll(token, key).json().get("status").asText()).isEqualTo("ERROR");

        JsonNode locked = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).json();
        assertThat(locked.get("key").asText()).isEqualTo(key);
        assertThat(locked.get("status").asText()).isEqualTo("ERROR");
        assertThat(sim.lockedSubmits()).isEqualTo(1);
        assertThat(sim.exportsStarted()).isEqualTo(1);

        JsonNode distinct = put(JitterbitSimulator.EXPORT_PATH, token,
                exportBody(true).replace(TO, "01/21/2024 00:00:01 +0000")).json();
        assertThat(distinct.get("key").asText()).isNotEqualTo(key);
        assertThat(distinct.get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void queryStringFiltersAndRejectsUnknownColumns() throws Exception {
        start(JitterbitSimulator.builder().entries(0));
        sim.append(ApiLogRecord.builder().time(T0.plusSeconds(1)).requestId("a").sourceIp("14.141.1.1").responseTime(9).build(),
                ApiLogRecord.builder().time(T0.plusSeconds(2)).requestId("b").sourceIp("14.141.1.2").responseTime(2).build(),
                ApiLogRecord.builder().time(T0.plusSeconds(3)).requestId("c").sourceIp("10.0.0.1").responseTime(50).build());
        String token = login();
        ObjectNode body = (ObjectNode) JSON.readTree(exportBody(false));
        body.put("queryString", "responsetime>5; sourceip=14.141%");
        String key = put(JitterbitSimulator.EXPORT_PATH, token, body.toString()).json().get("key").asText();
        poll(token, key);
        JsonNode file = poll(token, key).json();
        assertThat(file).hasSize(1);
        assertThat(file.get(0).get("requestId").asText()).isEqualTo("a");

        body.put("queryString", "bogus=1");
        Reply bad = put(JitterbitSimulator.EXPORT_PATH, token, body.toString());
        assertThat(bad.status).isEqualTo(400);
    }

    @Test
    void requestValidation() throws Exception {
        start(JitterbitSimulator.builder());
        String token = login();
        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true).replace(FROM, "2024-01-20T00:00:00Z")).status)
                .isEqualTo(400);
        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true).replace("123456", "999")).status)
                .isEqualTo(403);
        assertThat(put(JitterbitSimulator.EXPORT_PATH, null, exportBody(true)).status).isEqualTo(401);
        assertThat(poll(token, "x").status).isEqualTo(200);
    }

    @Test
    void expiredSessionsGet401() throws Exception {
        start(JitterbitSimulator.builder().sessionTimeoutSeconds(60));
        String token = login();
        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).status).isEqualTo(200);
        sim.advanceTime(Duration.ofSeconds(61));
        assertThat(put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true)).status).isEqualTo(401);

        String fresh = login();
        sim.expireSessions();
        assertThat(put(JitterbitSimulator.EXPORT_PATH, fresh, exportBody(true)).status).isEqualTo(401);
        assertThat(sim.issuedTokens()).containsExactly(token, fresh);
    }

    @Test
    void tooManyRequestsIs429WithoutRetryAfter() throws Exception {
        start(JitterbitSimulator.builder());
        sim.rateLimitNext(1);
        Reply limited = put(JitterbitSimulator.LOGIN_PATH, null,
                "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\"}");
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.response.headers().firstValue("Retry-After")).isEmpty();
        login();
        sim.close();

        start(JitterbitSimulator.builder().maxRequestsPerSecond(2));
        String token = login();
        put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true));
        Reply third = put(JitterbitSimulator.EXPORT_PATH, token, exportBody(true));
        assertThat(third.status).isEqualTo(429);
        assertThat(third.response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void generatedDataIsDeterministicPerSeed() {
        JitterbitSimulator a = JitterbitSimulator.builder().seed(7).entries(20).span(T0, T0.plusSeconds(3600)).build();
        JitterbitSimulator b = JitterbitSimulator.builder().seed(7).entries(20).span(T0, T0.plusSeconds(3600)).build();
        assertThat(a.records()).extracting(ApiLogRecord::requestId)
                .containsExactlyElementsOf(b.records().stream().map(ApiLogRecord::requestId).collect(java.util.stream.Collectors.toList()));
        assertThat(a.records()).extracting(ApiLogRecord::time).isSorted()
                .allSatisfy(t -> assertThat(t).isBetween(T0, T0.plusSeconds(3600)));
    }

    // --- helpers --------------------------------------------------------------------------

    private static String exportBody(boolean csv) {
        return "{\"ascendSort\":false,\"retrieveLogMessages\":false,\"timeRangeFrom\":\"" + FROM
                + "\",\"timeRangeTo\":\"" + TO + "\",\"clientTimeZone\":\"UTC\",\"orgId\":\"123456\",\"csvFormat\":" + csv + "}";
    }

    private static String tfaBody(String deviceId, String code) {
        return "{\"email\":\"alice@jbexample.com\",\"password\":\"Jitterbit4Ever!\",\"code\":\"" + code
                + "\",\"deviceId\":\"" + deviceId + "\"}";
    }

    private String login() throws Exception {
        return put(JitterbitSimulator.LOGIN_PATH, null, "{\"email\":\"" + sim.email() + "\",\"password\":\""
                + sim.password() + "\"}").json().get("authenticationToken").asText();
    }

    private Reply put(String path, String token, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            req.header("authToken", token);
        }
        return new Reply(http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private Reply poll(String token, String key) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + JitterbitSimulator.STATUS_PATH
                + sim.defaultOrgId() + "/" + key)).header("Accept", "application/json").header("authToken", token).GET().build();
        return new Reply(http.send(req, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static final class Reply {
        final HttpResponse<byte[]> response;
        final int status;
        final String contentType;
        final byte[] body;

        Reply(HttpResponse<byte[]> response) {
            this.response = response;
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.body = response.body();
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
