package dev.auditsdk.testkit.boomi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoomiSimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RANGE_FILTER = "{\"QueryFilter\":{\"expression\":{\"operator\":\"and\",\"nestedExpression\":["
            + "{\"operator\":\"GREATER_THAN_OR_EQUAL\",\"property\":\"date\",\"argument\":[\"2026-01-01T00:00:00Z\"]},"
            + "{\"operator\":\"LESS_THAN\",\"property\":\"date\",\"argument\":[\"2027-01-01T00:00:00Z\"]}]}}}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private BoomiSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private BoomiSimulator start(BoomiSimulator.Builder builder) {
        sim = builder.build();
        sim.start();
        return sim;
    }

    private String platform(String operation) {
        return sim.baseUrl() + "/api/rest/v1/" + sim.accountId() + "/AuditLog/" + operation;
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String url, String contentType, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String filter) throws Exception {
        return post(platform("query"), "application/json", filter,
                basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD));
    }

    private HttpResponse<String> queryMore(String body) throws Exception {
        return post(platform("queryMore"), "text/plain", body,
                basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD));
    }

    @Test
    void pagesOfAHundredFollowTheRawQueryToken() throws Exception {
        start(BoomiSimulator.builder().seed(3).entries(250).rateLimitPerSecond(0));
        List<String> ids = new ArrayList<>();
        JsonNode page = MAPPER.readTree(query(RANGE_FILTER).body());
        int pages = 1;
        page.path("result").forEach(e -> ids.add(e.path("documentId").asText()));
        assertThat(page.path("result")).hasSize(100);
        while (page.has("queryToken")) {
            String token = page.get("queryToken").asText();
            assertThat(token).contains("/");
            HttpResponse<String> more = queryMore(token);
            assertThat(more.statusCode()).isEqualTo(200);
            page = MAPPER.readTree(more.body());
            page.path("result").forEach(e -> ids.add(e.path("documentId").asText()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>();
        sim.entries().forEach(e -> expected.add(e.path("documentId").asText()));
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void aQuotedQueryTokenIsRejected() throws Exception {
        start(BoomiSimulator.builder().entries(150).rateLimitPerSecond(0));
        String token = MAPPER.readTree(query(RANGE_FILTER).body()).get("queryToken").asText();
        HttpResponse<String> quoted = queryMore(MAPPER.writeValueAsString(token));
        assertThat(quoted.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(quoted.body()).path("error").path("message").asText()).contains("queryToken");
    }

    @Test
    void emptyResultHasNoResultArray() throws Exception {
        start(BoomiSimulator.builder().entries(10));
        JsonNode page = MAPPER.readTree(query("{\"QueryFilter\":{\"expression\":{\"operator\":\"EQUALS\","
                + "\"property\":\"type\",\"argument\":[\"no.such.type\"]}}}").body());
        assertThat(page.path("numberOfResults").asInt()).isZero();
        assertThat(page.has("result")).isFalse();
        assertThat(page.has("queryToken")).isFalse();
    }

    @Test
    void filtersAreValidatedAndApplied() throws Exception {
        start(BoomiSimulator.builder().entries(200).rateLimitPerSecond(0));
        HttpResponse<String> oneArgBetween = query("{\"QueryFilter\":{\"expression\":{\"operator\":\"BETWEEN\","
                + "\"property\":\"date\",\"argument\":[\"2026-01-01T00:00:00Z\"]}}}");
        assertThat(oneArgBetween.statusCode()).isEqualTo(400);
        assertThat(oneArgBetween.body()).contains("BETWEEN takes 2");
        HttpResponse<String> millis = query("{\"QueryFilter\":{\"expression\":{\"operator\":\"GREATER_THAN\","
                + "\"property\":\"date\",\"argument\":[\"2026-01-01T00:00:00.000Z\"]}}}");
        assertThat(millis.statusCode()).isEqualTo(400);
        assertThat(query("{\"QueryFilter\":{\"expression\":{\"operator\":\"EQUALS\",\"property\":\"documentId\","
                + "\"argument\":[\"x\"]}}}").statusCode()).isEqualTo(400);

        JsonNode users = MAPPER.readTree(query("{\"QueryFilter\":{\"expression\":{\"operator\":\"LIKE\","
                + "\"property\":\"type\",\"argument\":[\"user%\"]}}}").body());
        assertThat(users.path("result")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("type").asText()).startsWith("user"));
        long expected = sim.entries().stream().filter(e -> e.path("type").asText().startsWith("user")).count();
        assertThat(users.path("numberOfResults").asLong()).isEqualTo(expected);
    }

    @Test
    void apiTokenPasswordOtpAndPrivilegesAreChecked() throws Exception {
        start(BoomiSimulator.builder().entries(5).otp("424242").userWithoutAuditAccess("viewer@acme.example", "pw"));
        String tokenAuth = basic(BoomiSimulator.TOKEN_USER_PREFIX + BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_API_TOKEN);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(platform("query")))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(http.send(req.copy().header("Authorization", tokenAuth).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(req.copy().header("Authorization", tokenAuth).header("X-Boomi-OTP", "424242").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(req.copy().header("Authorization", basic(BoomiSimulator.DEFAULT_USER, "wrong"))
                .header("X-Boomi-OTP", "424242").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(req.copy().header("Authorization", basic("viewer@acme.example", "pw"))
                .header("X-Boomi-OTP", "424242").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpRequest otherAccount = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/rest/v1/other-1/AuditLog/query"))
                .header("Accept", "application/json").header("Authorization", tokenAuth).header("X-Boomi-OTP", "424242")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(http.send(otherAccount, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void answersXmlUnlessJsonIsAccepted() throws Exception {
        start(BoomiSimulator.builder().entries(3));
        HttpRequest req = HttpRequest.newBuilder(URI.create(platform("query")))
                .header("Authorization", basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> answer = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(answer.body()).contains("<bns:QueryResult").contains("numberOfResults=\"3\"");
    }

    @Test
    void getAndBulkFindEntriesById() throws Exception {
        start(BoomiSimulator.builder().entries(3));
        String id = sim.entries().get(1).path("documentId").asText();
        HttpRequest get = HttpRequest.newBuilder(URI.create(platform(id))).header("Accept", "application/json")
                .header("Authorization", basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)).build();
        assertThat(MAPPER.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body()).path("documentId").asText())
                .isEqualTo(id);
        HttpResponse<String> bulk = post(platform("bulk"), "application/json",
                "{\"type\":\"GET\",\"request\":[{\"id\":\"" + id + "\"},{\"id\":\"nope\"}]}",
                basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD));
        JsonNode responses = MAPPER.readTree(bulk.body()).path("response");
        assertThat(responses.get(0).path("Result").path("documentId").asText()).isEqualTo(id);
        assertThat(responses.get(1).path("statusCode").asText()).isEqualTo("404");
    }

    @Test
    void throttlesAboveTheRateLimitWith503() throws Exception {
        start(BoomiSimulator.builder().entries(5).rateLimitPerSecond(10));
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(platform("query"))).header("Accept", "application/json")
                    .header("Authorization", basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            burst.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        long rejected = 0;
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 503) {
                rejected++;
                assertThat(r.body()).contains("rate limits have been exceeded");
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(rejected).isGreaterThanOrEqualTo(6);
        assertThat(sim.throttledCount()).isEqualTo((int) rejected);
        assertThat(sim.peakRequestsPerSecond()).isEqualTo(16);
    }

    private String jwt() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/auth/jwt/generate/" + sim.accountId()))
                .header("Authorization", basic(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        return r.body();
    }

    private String stagingUrl() {
        return sim.baseUrl() + sim.stagingRequestsPath().replace("{accountId}", sim.accountId());
    }

    private HttpResponse<String> submit(String jwt, String from, String to) throws Exception {
        String body = "{\"accountId\":\"" + sim.accountId() + "\",\"fromDate\":\"" + from + "\",\"toDate\":\"" + to
                + "\",\"queryFilter\":{\"expression\":{\"values\":[\"" + from + "\",\"" + to
                + "\"],\"operator\":\"BETWEEN\",\"property\":\"date\"}}}";
        return post(stagingUrl(), "application/json", body, "Bearer " + jwt);
    }

    private JsonNode getJson(String url, String jwt) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + jwt).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    @Test
    void jwtIsPlainTextAndExpires() throws Exception {
        start(BoomiSimulator.builder().entries(5).jwtLifetime(Duration.ofMillis(300)));
        String jwt = jwt();
        assertThat(jwt.split("\\.")).hasSize(3);
        JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims.path("exp").asLong()).isGreaterThanOrEqualTo(claims.path("iat").asLong());
        assertThat(submit(jwt, "2026-01-01T00:00:00Z", "2026-01-09T00:00:00Z").statusCode()).isEqualTo(200);
        Thread.sleep(400);
        HttpResponse<String> expired = submit(jwt, "2026-02-01T00:00:00Z", "2026-02-09T00:00:00Z");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(sim.expiredJwtRejections()).isEqualTo(1);
        assertThat(submit("not-a-jwt", "2026-02-01T00:00:00Z", "2026-02-09T00:00:00Z").statusCode()).isEqualTo(401);
    }

    @Test
    void stagingValidatesTheRangeAndAnswers409ForDuplicates() throws Exception {
        start(BoomiSimulator.builder().entries(5));
        String jwt = jwt();
        assertThat(submit(jwt, "2026-01-01T00:00:00Z", "2026-01-06T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(submit(jwt, "2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(submit(jwt, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(submit(jwt, "2026-01-01T00:00:00.5Z", "2026-02-01T00:00:00Z").statusCode()).isEqualTo(400);
        HttpResponse<String> first = submit(jwt, "2026-01-01T00:00:00Z", "2026-01-08T00:00:01Z");
        assertThat(first.statusCode()).isEqualTo(200);
        long requestId = MAPPER.readTree(first.body()).path("requestId").asLong();
        HttpResponse<String> again = submit(jwt, "2026-01-01T00:00:00Z", "2026-01-08T00:00:01Z");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(MAPPER.readTree(again.body()).path("requestId").asLong()).isEqualTo(requestId);

        sim.setConflictIncludesRequestId(false);
        assertThat(MAPPER.readTree(submit(jwt, "2026-01-01T00:00:00Z", "2026-01-08T00:00:01Z").body()).has("requestId"))
                .isFalse();
        JsonNode found = getJson(stagingUrl() + "?fromDate=2026-01-01T00:00:00Z&toDate=2026-01-08T00:00:01Z", jwt);
        assertThat(found.path("requestId").asLong()).isEqualTo(requestId);
        assertThat(sim.stagingSubmissions()).isEqualTo(1);
        assertThat(sim.stagingConflicts()).isEqualTo(2);
    }

    @Test
    void stagedExportBecomesReadyAndMatchesItsChecksum() throws Exception {
        start(BoomiSimulator.builder().entries(400).spacing(Duration.ofHours(1)).stagingReadyAfter(Duration.ZERO, 2));
        String jwt = jwt();
        HttpResponse<String> submitted = submit(jwt, "2026-01-05T00:00:00Z", "2026-01-20T00:00:00Z");
        long requestId = MAPPER.readTree(submitted.body()).path("requestId").asLong();
        JsonNode status = getJson(stagingUrl() + "/" + requestId, jwt);
        assertThat(status.has("downloadLink")).isFalse();
        status = getJson(stagingUrl() + "/" + requestId, jwt);
        assertThat(status.path("downloadLink").asText()).startsWith(sim.baseUrl().toString());
        assertThat(Instant.parse(status.path("downloadLinkExpiry").asText())).isAfter(Instant.now());

        byte[] archive = download(status.path("downloadLink").asText());
        assertThat(StagingArchive.md5Hex(archive)).isEqualTo(status.path("checksum").asText());
        List<JsonNode> records = readJsonLines(new GZIPInputStream(new ByteArrayInputStream(archive)));
        List<ObjectNode> expected = sim.entriesBetween(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-20T00:00:01Z"));
        assertThat(records).hasSize(expected.size()).isNotEmpty();

        sim.setCorruptDownloads(true);
        byte[] corrupt = download(getJson(stagingUrl() + "/" + requestId, jwt).path("downloadLink").asText());
        assertThat(StagingArchive.md5Hex(corrupt)).isNotEqualTo(status.path("checksum").asText());
        assertThat(readJsonLines(new GZIPInputStream(new ByteArrayInputStream(corrupt)))).hasSize(expected.size());
    }

    @Test
    void zipArchivesHoldAJsonArray() throws Exception {
        start(BoomiSimulator.builder().entries(50).spacing(Duration.ofHours(2)).archiveFormat(StagingArchiveFormat.ZIP_JSON_ARRAY));
        String jwt = jwt();
        long requestId = MAPPER.readTree(submit(jwt, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z").body())
                .path("requestId").asLong();
        JsonNode status = getJson(stagingUrl() + "/" + requestId, jwt);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download(status.path("downloadLink").asText())))) {
            assertThat(zip.getNextEntry()).isNotNull();
            assertThat(MAPPER.readTree(zip.readAllBytes())).hasSize(50);
        }
    }

    @Test
    void failedRequestsCarryAnError() throws Exception {
        start(BoomiSimulator.builder().entries(5));
        sim.setStagingError("Internal export failure");
        String jwt = jwt();
        long requestId = MAPPER.readTree(submit(jwt, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z").body())
                .path("requestId").asLong();
        JsonNode status = getJson(stagingUrl() + "/" + requestId, jwt);
        assertThat(status.path("error").asText()).isEqualTo("Internal export failure");
        assertThat(status.has("downloadLink")).isFalse();
    }

    @Test
    void downloadLinksAreSignedAndExpire() throws Exception {
        start(BoomiSimulator.builder().entries(5));
        sim.setDownloadLinkLifetime(Duration.ofSeconds(1));
        String jwt = jwt();
        long requestId = MAPPER.readTree(submit(jwt, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z").body())
                .path("requestId").asLong();
        String link = getJson(stagingUrl() + "/" + requestId, jwt).path("downloadLink").asText();
        HttpResponse<byte[]> forged = http.send(HttpRequest.newBuilder(URI.create(link.replaceAll("signature=.*", "signature=00")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(forged.statusCode()).isEqualTo(403);
        sim.setDownloadRequiresJwt(true);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(link)).header("Authorization", "Bearer " + jwt).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
    }

    @Test
    void theNextLinksCanBePublishedAlreadyExpiredWithOrWithoutSayingSo() throws Exception {
        start(BoomiSimulator.builder().entries(5));
        String jwt = jwt();
        long requestId = MAPPER.readTree(submit(jwt, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z").body())
                .path("requestId").asLong();
        sim.expireNextDownloadLinks(1, true);
        JsonNode announced = getJson(stagingUrl() + "/" + requestId, jwt);
        assertThat(Instant.parse(announced.path("downloadLinkExpiry").asText())).isBefore(Instant.now());
        assertThat(http.send(HttpRequest.newBuilder(URI.create(announced.path("downloadLink").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("Request has expired");

        sim.expireNextDownloadLinks(1, false);
        JsonNode silent = getJson(stagingUrl() + "/" + requestId, jwt);
        assertThat(Instant.parse(silent.path("downloadLinkExpiry").asText())).isAfter(Instant.now());
        assertThat(http.send(HttpRequest.newBuilder(URI.create(silent.path("downloadLink").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(sim.expiredLinkRefusals()).isEqualTo(2);

        JsonNode fresh = getJson(stagingUrl() + "/" + requestId, jwt);
        assertThat(download(fresh.path("downloadLink").asText())).isNotEmpty();
        assertThat(sim.stagingDownloads()).isEqualTo(1);
    }

    @Test
    void envelopedArchivesHoldTheRecordsInAnArrayField() throws Exception {
        start(BoomiSimulator.builder().entries(30).spacing(Duration.ofHours(2))
                .archiveFormat(StagingArchiveFormat.ZIP_JSON_ENVELOPE));
        String jwt = jwt();
        long requestId = MAPPER.readTree(submit(jwt, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z").body())
                .path("requestId").asLong();
        JsonNode status = getJson(stagingUrl() + "/" + requestId, jwt);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download(status.path("downloadLink").asText())))) {
            assertThat(zip.getNextEntry()).isNotNull();
            JsonNode envelope = MAPPER.readTree(zip.readAllBytes());
            assertThat(envelope.isObject()).isTrue();
            assertThat(envelope.path(BoomiSimulator.ENVELOPE_FIELD)).hasSize(30);
        }
    }

    private byte[] download(String link) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static List<JsonNode> readJsonLines(InputStream in) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(MAPPER.readTree(line));
            }
        }
        return out;
    }
}
