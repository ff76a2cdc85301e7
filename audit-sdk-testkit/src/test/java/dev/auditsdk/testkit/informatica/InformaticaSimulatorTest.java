package dev.auditsdk.testkit.informatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.core.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InformaticaSimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant END = Instant.parse("2026-03-01T12:00:00Z");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private InformaticaSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private InformaticaSimulator start(InformaticaSimulator.Builder b) {
        sim = b.build().start();
        return sim;
    }

    @Test
    void loginHandsOutAServerUrlOnAnotherPathAndDataCallsOnlyWorkThere() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        JsonNode user = loginV2(sim.username(), sim.password()).json();

        assertThat(user.path("@type").asText()).isEqualTo("user");
        assertThat(user.path("serverUrl").asText()).isEqualTo(sim.loginUrl() + "/saas").isEqualTo(sim.serverUrl().toString());
        String session = user.path("icSessionId").asText();
        assertThat(session).hasSize(22);

        Reply atServer = get(sim.serverUrl() + "/api/v2/auditlog?batchId=0&batchSize=5", "icSessionId", session);
        assertThat(atServer.status).isEqualTo(200);
        assertThat(atServer.json()).hasSize(5);

        Reply atLoginHost = get(sim.loginUrl() + "/api/v2/auditlog?batchId=0&batchSize=5", "icSessionId", session);
        assertThat(atLoginHost.status).isEqualTo(404);
        assertThat(atLoginHost.json().path("@type").asText()).isEqualTo("error");
    }

    @Test
    void wrongPasswordIsAV2ErrorObjectWithTheConfiguredStatus() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        Reply refused = loginV2(sim.username(), "wrong");
        assertThat(refused.status).isEqualTo(403);
        JsonNode err = refused.json();
        assertThat(err.path("@type").asText()).isEqualTo("error");
        assertThat(err.path("code").asText()).isEqualTo(InformaticaSimulator.CODE_BAD_CREDENTIALS);
        assertThat(err.path("statusCode").asInt()).isEqualTo(403);
        assertThat(err.path("description").asText()).isNotBlank();
        sim.close();

        start(InformaticaSimulator.builder().endingAt(END).loginFailureStatus(400));
        assertThat(loginV2(sim.username(), "wrong").status).isEqualTo(400);
        assertThat(sim.loginCount()).isZero();
    }

    @Test
    void loginWithoutTheAtTypeIsRejected() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        String body = "{\"username\":\"" + sim.username() + "\",\"password\":\"" + sim.password() + "\"}";
        Reply r = post(sim.loginUrl() + InformaticaSimulator.V2_LOGIN_PATH, body, null, null);
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("code").asText()).isEqualTo(InformaticaSimulator.CODE_INVALID_REQUEST);
    }

    @Test
    void batchesAreNewestFirstAndCoverTheLogWithoutGaps() throws Exception {
        start(InformaticaSimulator.builder().seed(7).auditEntries(53).endingAt(END));
        String session = session();
        List<String> ids = new ArrayList<>();
        for (int batch = 0; ; batch++) {
            JsonNode page = get(sim.serverUrl() + "/api/v2/auditlog?batchId=" + batch + "&batchSize=10", "icSessionId",
                    session).json();
            if (page.isEmpty()) {
                break;
            }
            page.forEach(e -> ids.add(e.path("id").asText()));
        }
        List<String> newestFirst = sim.auditEntries().stream().map(InformaticaAuditRecord::id).collect(Collectors.toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(ids).containsExactlyElementsOf(newestFirst);

        JsonNode first = get(sim.serverUrl() + "/api/v2/auditlog?batchId=0&batchSize=1", "icSessionId", session).json().get(0);
        InformaticaAuditRecord newest = sim.auditEntries().get(52);
        assertThat(first.path("@type").asText()).isEqualTo("auditLogEntry");
        assertThat(first.path("entryTimeUTC").asText()).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                        .format(newest.time()));
        // entryTime is Eastern wall-clock time (EST in March 1st: UTC-5), written with a literal Z
        assertThat(Instant.parse(first.path("entryTime").asText()))
                .isEqualTo(newest.time().atZone(ZoneId.of("America/New_York")).toLocalDateTime().toInstant(ZoneOffset.UTC));
        assertThat(newest.time()).isEqualTo(END);
    }

    @Test
    void withoutBatchParametersTheNewest200AreReturned_andHalfAPairIsAnError() throws Exception {
        start(InformaticaSimulator.builder().auditEntries(250).endingAt(END));
        String session = session();
        assertThat(get(sim.serverUrl() + "/api/v2/auditlog", "icSessionId", session).json()).hasSize(200);
        Reply half = get(sim.serverUrl() + "/api/v2/auditlog?batchId=1", "icSessionId", session);
        assertThat(half.status).isEqualTo(400);
        assertThat(half.json().path("code").asText()).isEqualTo(InformaticaSimulator.CODE_INVALID_REQUEST);
    }

    @Test
    void appendedEntriesShiftLaterBatches() throws Exception {
        start(InformaticaSimulator.builder().auditEntries(30).endingAt(END));
        String session = session();
        JsonNode before = get(sim.serverUrl() + "/api/v2/auditlog?batchId=1&batchSize=10", "icSessionId", session).json();
        List<InformaticaAuditRecord> added = sim.appendAuditEntries(3);
        assertThat(added).allSatisfy(r -> assertThat(r.time()).isAfterOrEqualTo(END));
        JsonNode after = get(sim.serverUrl() + "/api/v2/auditlog?batchId=1&batchSize=10", "icSessionId", session).json();
        assertThat(after.get(3).path("id").asText()).isEqualTo(before.get(0).path("id").asText());

        sim.appendOnEachAuditLogRequest(5);
        int size = sim.auditEntries().size();
        get(sim.serverUrl() + "/api/v2/auditlog?batchId=0&batchSize=1", "icSessionId", session);
        assertThat(sim.auditEntries()).hasSize(size + 5);
    }

    @Test
    void truncatedEventParamsCarryThePrefixAndTheLimit() {
        InformaticaSimulator s = InformaticaSimulator.builder().seed(3).auditEntries(400).endingAt(END).build();
        List<InformaticaAuditRecord> truncated = s.auditEntries().stream()
                .filter(InformaticaAuditRecord::eventParamTruncated).collect(Collectors.toList());
        assertThat(truncated).isNotEmpty().allSatisfy(r -> {
            assertThat(r.eventParam()).startsWith(InformaticaAuditRecord.TRUNCATED_PREFIX);
            assertThat(r.eventParam()).hasSize(InformaticaAuditRecord.EVENT_PARAM_MAX);
        });
    }

    @Test
    void equalSeedsGiveEqualData() {
        InformaticaSimulator a = InformaticaSimulator.builder().seed(11).endingAt(END).build();
        InformaticaSimulator b = InformaticaSimulator.builder().seed(11).endingAt(END).build();
        assertThat(a.auditEntries()).extracting(InformaticaAuditRecord::id, InformaticaAuditRecord::time,
                InformaticaAuditRecord::category).containsExactlyElementsOf(
                        b.auditEntries().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.time(), r.category()))
                                .collect(Collectors.toList()));
        assertThat(a.auditEntries()).extracting(InformaticaAuditRecord::time).isSorted();
        assertThat(a.auditEntries().stream().map(InformaticaAuditRecord::time).distinct().count())
                .as("some entries share a timestamp").isLessThan(a.auditEntries().size());
    }

    @Test
    void idleSessionsExpireAndUseKeepsThemAlive() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END).clock(clock).sessionIdleTimeout(Duration.ofMinutes(30)));
        String session = session();
        String url = sim.serverUrl() + "/api/v2/auditlog?batchId=0&batchSize=1";
        clock.advance(Duration.ofMinutes(29));
        assertThat(get(url, "icSessionId", session).status).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(get(url, "icSessionId", session).status).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        Reply expired = get(url, "icSessionId", session);
        assertThat(expired.status).isEqualTo(401);
        assertThat(expired.json().path("code").asText()).isEqualTo(InformaticaSimulator.CODE_INVALID_SESSION);
        assertThat(sim.rejectedSessionCount()).isEqualTo(1);
    }

    @Test
    void expireAllSessionsEndsThemAtOnce() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        String session = session();
        sim.expireAllSessions();
        assertThat(get(sim.serverUrl() + "/api/v2/auditlog", "icSessionId", session).status).isEqualTo(401);
        assertThat(get(sim.serverUrl() + "/api/v2/auditlog", "icSessionId", session()).status).isEqualTo(200);
    }

    @Test
    void jwtSessionsExpireOnTheirOwnWhateverTheActivity() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END).clock(clock).jwtSessions(Duration.ofMinutes(10)));
        String session = session();
        String[] parts = session.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("exp").asLong()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond());
        String url = sim.serverUrl() + "/api/v2/auditlog?batchId=0&batchSize=1";
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(3));
            assertThat(get(url, "icSessionId", session).status).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(get(url, "icSessionId", session).status).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        String session = session();
        Reply out = post(sim.serverUrl() + InformaticaSimulator.V2_LOGOUT_PATH, "", "icSessionId", session);
        assertThat(out.status).isEqualTo(200);
        assertThat(sim.logoutCount()).isEqualTo(1);
        assertThat(get(sim.serverUrl() + "/api/v2/auditlog", "icSessionId", session).status).isEqualTo(401);
    }

    @Test
    void validSessionIdReportsMinutesLeft() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END).clock(clock));
        String session = session();
        clock.advance(Duration.ofMinutes(1));
        String body = "{\"@type\":\"validatedToken\",\"userName\":\"" + sim.username() + "\",\"icToken\":\"" + session + "\"}";
        JsonNode v = post(sim.serverUrl() + InformaticaSimulator.V2_VALID_SESSION_PATH, body, null, null).json();
        assertThat(v.path("isValidToken").asBoolean()).isTrue();
        assertThat(v.path("timeUntilExpire").asInt()).isEqualTo(29);
    }

    @Test
    void v3LoginSessionWorksForV2AndV3AndEachVersionReadsItsOwnHeader() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        String body = "{\"username\":\"" + sim.username() + "\",\"password\":\"" + sim.password() + "\"}";
        JsonNode login = post(sim.loginUrl() + InformaticaSimulator.V3_LOGIN_PATH, body, null, null).json();
        String session = login.path("userInfo").path("sessionId").asText();
        assertThat(login.path("products").get(0).path("baseApiUrl").asText()).isEqualTo(sim.serverUrl().toString());

        String v2 = sim.serverUrl() + "/api/v2/auditlog?batchId=0&batchSize=1";
        String v3 = securityUrl(END.minus(Duration.ofDays(1)), END, null);
        assertThat(get(v2, "icSessionId", session).status).isEqualTo(200);
        assertThat(get(v3, "INFA-SESSION-ID", session).status).isEqualTo(200);
        assertThat(get(v2, "INFA-SESSION-ID", session).status).isEqualTo(401);
        Reply wrongHeader = get(v3, "icSessionId", session);
        assertThat(wrongHeader.status).isEqualTo(401);
        assertThat(wrongHeader.json().path("error").path("code").asText()).isEqualTo(InformaticaSimulator.CODE_INVALID_SESSION);
        assertThat(wrongHeader.json().path("error").path("requestId").asText()).isNotBlank();
    }

    @Test
    void securityLogFiltersByInclusiveRangeNewestFirst() throws Exception {
        start(InformaticaSimulator.builder().securityEntries(200).span(Duration.ofDays(2)).endingAt(END));
        String session = session();
        List<InformaticaSecurityRecord> all = sim.securityEntries();
        Instant from = all.get(50).time();
        Instant to = all.get(120).time();
        JsonNode entries = get(securityUrl(from, to, 1000), "INFA-SESSION-ID", session).json().path("entries");
        List<String> expected = all.stream().filter(r -> !r.time().isBefore(from) && !r.time().isAfter(to))
                .map(InformaticaSecurityRecord::id).collect(Collectors.toList());
        List<String> got = new ArrayList<>();
        entries.forEach(e -> got.add(e.path("id").asText()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        List<Instant> times = new ArrayList<>();
        entries.forEach(e -> times.add(Instant.parse(e.path("entryTime").asText())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(entries.get(0).has("actionEvent")).isTrue();
        assertThat(entries.get(0).has("actor")).isTrue();
    }

    @Test
    void securityLogCapsAnswersAtTheLimitAndPagesWithSkip() throws Exception {
        start(InformaticaSimulator.builder().securityEntries(2_500).span(Duration.ofDays(3)).endingAt(END));
        String session = session();
        String url = securityUrl(END.minus(Duration.ofDays(3)), END, 1000);
        assertThat(get(url, "INFA-SESSION-ID", session).json().path("entries")).hasSize(1000);
        assertThat(get(url + "&skip=2000", "INFA-SESSION-ID", session).json().path("entries")).hasSize(500);
        assertThat(get(securityUrl(END.minus(Duration.ofDays(3)), END, null), "INFA-SESSION-ID", session)
                .json().path("entries")).hasSize(InformaticaSimulator.DEFAULT_SECURITY_LIMIT);

        Reply tooMany = get(securityUrl(END.minus(Duration.ofDays(3)), END, 1001), "INFA-SESSION-ID", session);
        assertThat(tooMany.status).isEqualTo(400);
        assertThat(tooMany.json().path("error").path("code").asText()).isEqualTo(InformaticaSimulator.CODE_INVALID_REQUEST);
    }

    @Test
    void aSecurityLogIgnoringLimitAnswersItsOwnPageWhateverIsAsked() throws Exception {
        start(InformaticaSimulator.builder().securityEntries(2_500).span(Duration.ofDays(3)).endingAt(END)
                .ignoreSecurityLogLimit(true).ignoreSecurityLogSkip(true));
        String session = session();
        String url = securityUrl(END.minus(Duration.ofDays(3)), END, 1000);
        JsonNode first = get(url, "INFA-SESSION-ID", session).json().path("entries");
        assertThat(first).hasSize(InformaticaSimulator.DEFAULT_SECURITY_LIMIT);
        assertThat(get(securityUrl(END.minus(Duration.ofDays(3)), END, 100), "INFA-SESSION-ID", session).json()
                .path("entries")).hasSize(InformaticaSimulator.DEFAULT_SECURITY_LIMIT);
        assertThat(get(securityUrl(END.minus(Duration.ofDays(3)), END, 5_000), "INFA-SESSION-ID", session).status)
                .as("not even checked").isEqualTo(200);
        JsonNode skipped = get(url + "&skip=400", "INFA-SESSION-ID", session).json().path("entries");
        assertThat(skipped.get(0)).as("skip ignored too: the same first row").isEqualTo(first.get(0));
    }

    @Test
    void securityLogRefusesRangesOver14DaysAndHalfRanges() throws Exception {
        start(InformaticaSimulator.builder().endingAt(END));
        String session = session();
        assertThat(get(securityUrl(END.minus(Duration.ofDays(15)), END, null), "INFA-SESSION-ID", session).status)
                .isEqualTo(400);
        assertThat(get(securityUrl(END.minus(Duration.ofDays(14)), END, null), "INFA-SESSION-ID", session).status)
                .isEqualTo(200);
        String half = sim.serverUrl() + "/public/core/v3/securityLog?q="
                + URLEncoder.encode("entryTime>=\"2026-03-01T00:00:00.000Z\"", StandardCharsets.UTF_8);
        assertThat(get(half, "INFA-SESSION-ID", session).status).isEqualTo(400);
    }

    @Test
    void securityBurstsShareOneInstant() {
        InformaticaSimulator s = InformaticaSimulator.builder().securityEntries(0).endingAt(END).build();
        Instant at = Instant.parse("2026-02-28T10:00:00.123Z");
        s.addSecurityEntries(at, 1_200);
        assertThat(s.securityEntries()).hasSize(1_200).allSatisfy(r -> assertThat(r.time()).isEqualTo(at));
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> InformaticaSimulator.builder().loginFailureStatus(500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InformaticaSimulator.builder().serverPath("/ma"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InformaticaSimulator.builder().auditEntries(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------

    private String securityUrl(Instant from, Instant to, Integer limit) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        String q = "entryTime>=\"" + f.format(from) + "\";entryTime<=\"" + f.format(to) + "\"";
        return sim.serverUrl() + "/public/core/v3/securityLog?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (limit == null ? "" : "&limit=" + limit);
    }

    private String session() throws Exception {
        return loginV2(sim.username(), sim.password()).json().path("icSessionId").asText();
    }

    private Reply loginV2(String user, String password) throws Exception {
        String body = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("@type", "login").put("username", user)
                .put("password", password));
        return post(sim.loginUrl() + InformaticaSimulator.V2_LOGIN_PATH, body, null, null);
    }

    private Reply get(String url, String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (header != null) {
            b.header(header, value);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private Reply post(String url, String body, String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            b.header(header, value);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static final class Reply {
        final int status;
        final String body;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
        }

        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }
}
