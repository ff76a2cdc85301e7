package dev.auditsdk.testkit.uipath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiPathSimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private UiPathSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private UiPathSimulator start(UiPathSimulator.Builder b) {
        sim = b.build().start();
        return sim;
    }

    // ------------------------------------------------------------------ token endpoint

    @Test
    void issuesTokensForClientCredentialsWithTheRequestedScope() throws Exception {
        start(UiPathSimulator.builder().tokenLifetime(Duration.ofSeconds(120)));
        HttpResponse<String> r = tokenRequest("grant_type=client_credentials&client_id=sim-client-id"
                + "&client_secret=sim-client-secret&scope=PM.Audit.Read", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = MAPPER.readTree(r.body());
        assertThat(body.path("access_token").asText()).startsWith("ey");
        assertThat(body.path("expires_in").asLong()).isEqualTo(120);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("scope").asText()).isEqualTo("PM.Audit.Read");
        assertThat(sim.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void acceptsClientSecretBasicAndTheOrganizationScopedPath() throws Exception {
        start(UiPathSimulator.builder());
        String basic = Base64.getEncoder().encodeToString("sim-client-id:sim-client-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/acme/identity_/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=PM.Audit.Read")));

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesWrongSecretsUnknownScopesAndOtherGrantsWithOAuthErrors() throws Exception {
        start(UiPathSimulator.builder());
        assertOAuthError(tokenRequest("grant_type=client_credentials&client_id=sim-client-id&client_secret=nope", null),
                "invalid_client");
        assertOAuthError(tokenRequest("grant_type=client_credentials&client_id=sim-client-id"
                + "&client_secret=sim-client-secret&scope=PM.Audit", null), "invalid_scope");
        assertOAuthError(tokenRequest("grant_type=password&client_id=sim-client-id&client_secret=sim-client-secret",
                null), "unsupported_grant_type");
    }

    @Test
    void rejectsMissingExpiredRevokedAndUnderScopedTokens() throws Exception {
        start(UiPathSimulator.builder().classicEntries(3));
        HttpResponse<String> none = get("/acme/DefaultTenant/audit_/api/auditlogs", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        String token = token("PM.Audit.Read");
        assertThat(get("/acme/DefaultTenant/audit_/api/auditlogs", token).statusCode()).isEqualTo(200);
        sim.expireTokens();
        HttpResponse<String> expired = get("/acme/DefaultTenant/audit_/api/auditlogs", token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");

        String second = token("PM.Audit.Read");
        sim.revokeTokens();
        assertThat(get("/acme/DefaultTenant/audit_/api/auditlogs", second).statusCode()).isEqualTo(401);

        String orchestratorOnly = token("OR.Audit.Read");
        assertThat(get("/acme/DefaultTenant/audit_/api/auditlogs", orchestratorOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void tokensExpireAfterTheirLifetime() throws Exception {
        start(UiPathSimulator.builder().tokenLifetime(Duration.ofMillis(200)).classicEntries(1));
        String token = token("PM.Audit.Read");
        assertThat(get("/acme/DefaultTenant/audit_/api/auditlogs", token).statusCode()).isEqualTo(200);
        Thread.sleep(250);
        assertThat(get("/acme/DefaultTenant/audit_/api/auditlogs", token).statusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ classic API

    @Test
    void classicPagesNewestFirstByDefaultWithTotalCountAndSevenDigitTimes() throws Exception {
        start(UiPathSimulator.builder().classicEntries(25));
        String token = token("PM.Audit.Read");
        JsonNode page = json(get("/acme/DefaultTenant/audit_/api/auditlogs/?language=en&top=10&skip=0", token));

        assertThat(page.path("totalCount").asInt()).isEqualTo(25);
        assertThat(page.path("results")).hasSize(10);
        JsonNode first = page.path("results").get(0);
        assertThat(first.path("createdOn").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00");
        assertThat(first.path("auditLogDetails").isTextual()).isTrue();
        assertThat(MAPPER.readTree(first.path("auditLogDetails").asText()).isObject()).isTrue();
        for (String field : List.of("category", "action", "userName", "email", "message", "detailsVersion", "source")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        List<UiPathClassicEntry> all = sim.classicEntries();
        assertThat(instants(page)).containsExactlyElementsOf(
                reversed(all).subList(0, 10).stream().map(UiPathClassicEntry::instant).collect(Collectors.toList()));
    }

    @Test
    void classicAscendingSkipsAndClampsTop() throws Exception {
        start(UiPathSimulator.builder().classicEntries(30).classicMaxTop(8));
        String token = token("PM.Audit.Read");
        JsonNode page = json(get("/acme/DefaultTenant/audit_/api/auditlogs?top=50&skip=5&sortBy=createdOn&sortOrder=asc",
                token));

        assertThat(page.path("results")).hasSize(8);
        assertThat(instants(page)).containsExactlyElementsOf(sim.classicEntries().subList(5, 13).stream()
                .map(UiPathClassicEntry::instant).collect(Collectors.toList()));
        JsonNode beyond = json(get("/acme/DefaultTenant/audit_/api/auditlogs?top=5&skip=30", token));
        assertThat(beyond.path("results")).isEmpty();
        assertThat(beyond.path("totalCount").asInt()).isEqualTo(30);
    }

    @Test
    void classicServesTheOrganizationLevelPathAndOtherOffsets() throws Exception {
        start(UiPathSimulator.builder().classicEntries(2).classicOffset(ZoneOffset.ofHours(2)));
        JsonNode page = json(get("/acme/audit_/api/auditlogs?top=1", token("PM.Audit.Read")));
        assertThat(page.path("results").get(0).path("createdOn").asText()).endsWith("+02:00");
    }

    @Test
    void classicRejectsBadParametersWithAProblemDocument() throws Exception {
        start(UiPathSimulator.builder());
        String token = token("PM.Audit.Read");
        HttpResponse<String> r = get("/acme/DefaultTenant/audit_/api/auditlogs?top=abc&sortOrder=sideways", token);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = MAPPER.readTree(r.body());
        assertThat(problem.path("errors").has("top")).isTrue();
        assertThat(problem.path("errors").has("sortOrder")).isTrue();
        assertThat(get("/acme/OtherTenant/audit_/api/auditlogs", token).statusCode()).isEqualTo(404);
    }

    @Test
    void classicAppendsGoToTheNewestEndAndPurgesRemoveTheOldest() throws Exception {
        start(UiPathSimulator.builder().classicEntries(10));
        Instant newest = sim.classicEntries().get(9).instant();
        List<UiPathClassicEntry> added = sim.appendClassic(5);
        assertThat(added).allSatisfy(e -> assertThat(e.instant()).isAfterOrEqualTo(newest));
        assertThat(sim.classicEntries()).hasSize(15).endsWith(added.toArray(new UiPathClassicEntry[0]));

        Instant cutoff = sim.classicEntries().get(3).instant();
        int purged = sim.purgeClassicBefore(cutoff);
        assertThat(sim.classicEntries()).hasSize(15 - purged).allSatisfy(e -> assertThat(e.instant()).isAfterOrEqualTo(cutoff));
    }

    @Test
    void sameSeedSameData() {
        UiPathSimulator a = UiPathSimulator.builder().seed(7).classicEntries(20).unifiedEvents(20).build();
        UiPathSimulator b = UiPathSimulator.builder().seed(7).classicEntries(20).unifiedEvents(20).build();
        assertThat(a.classicEntries()).map(UiPathClassicEntry::toString)
                .containsExactlyElementsOf(b.classicEntries().stream().map(UiPathClassicEntry::toString).collect(Collectors.toList()));
        assertThat(a.unifiedEvents()).map(UiPathUnifiedEvent::id)
                .containsExactlyElementsOf(b.unifiedEvents().stream().map(UiPathUnifiedEvent::id).collect(Collectors.toList()));
    }

    // ------------------------------------------------------------------ unified API

    @Test
    void unifiedWalksFromNewestToOldestThroughPreviousLinksAndEndsWithAnEmptyPage() throws Exception {
        start(UiPathSimulator.builder().unifiedEvents(0));
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        for (int i = 0; i < 40; i++) {
            sim.addUnified(UiPathUnifiedEvent.builder().id(String.format("id-%03d", i)).createdOn(t0.plusSeconds(i))
                    .tenantId(sim.tenantId()).build());
        }
        String token = token("PM.Audit.Read");
        List<String> ids = new ArrayList<>();
        String path = "/acme/DefaultTenant/tenantaudit_/api/query/events?from=2026-01-10T00:00:00Z&to=2026-01-11T00:00:00Z"
                + "&maxCount=20";
        List<Integer> sizes = new ArrayList<>();
        while (path != null) {
            JsonNode page = json(get(path, token));
            page.path("auditEvents").forEach(e -> ids.add(e.path("id").asText()));
            sizes.add(page.path("auditEvents").size());
            path = page.path("previous").isNull() ? null : page.path("previous").asText();
        }
        assertThat(sizes).containsExactly(20, 20, 0);
        assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("id-039");
        assertThat(ids.get(39)).isEqualTo("id-000");
    }

    @Test
    void unifiedLinksCarryTheFiltersWhenConfiguredAndFilteredPagesMayBeEmptyButContinue() throws Exception {
        start(UiPathSimulator.builder().unifiedLinksCarryFilters(true));
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            // only the 5 oldest are failures
            sim.addUnified(UiPathUnifiedEvent.builder().id("e" + (100 + i)).createdOn(t0.plusMillis(i * 10L))
                    .status(i < 5 ? 1 : 0).build());
        }
        String token = token("PM.Audit.Read");
        JsonNode first = json(get("/acme/orgaudit_/api/query/events?status=1&maxCount=10", token));
        assertThat(first.path("auditEvents")).isEmpty();
        String previous = first.path("previous").asText();
        assertThat(previous).startsWith("/acme/orgaudit_/api/query/events?").contains("status=1", "before=", "beforeId=e120",
                "maxCount=10");
        JsonNode second = json(get(previous, token));
        assertThat(second.path("auditEvents")).isEmpty();
        JsonNode third = json(get(second.path("previous").asText(), token));
        assertThat(third.path("auditEvents")).hasSize(5);
        assertThat(third.path("previous").isNull()).isFalse();
        JsonNode last = json(get(third.path("previous").asText(), token));
        assertThat(last.path("auditEvents")).isEmpty();
        assertThat(last.path("previous").isNull()).isTrue();
    }

    @Test
    void unifiedLinksLeaveOutTheFiltersLikeTheVendorSample() throws Exception {
        start(UiPathSimulator.builder());
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            sim.addUnified(UiPathUnifiedEvent.builder().id("e" + (100 + i)).createdOn(t0.plusMillis(i * 10L))
                    .status(i < 5 ? 1 : 0).eventSource("Identity").build());
        }
        String token = token("PM.Audit.Read");
        JsonNode first = json(get("/acme/orgaudit_/api/query/events?status=1&source%5B%5D=Identity&maxCount=10", token));
        String previous = first.path("previous").asText();
        assertThat(previous).contains("before=", "beforeId=e120", "maxCount=10").doesNotContain("status")
                .doesNotContain("source");
    }

    @Test
    void unifiedLinksLeaveOutFromLikeTheVendorSampleUnlessConfigured() throws Exception {
        for (boolean carry : new boolean[] {false, true}) {
            start(UiPathSimulator.builder().unifiedLinksCarryFrom(carry).tokenPrefix("tok-"));
            Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
            for (int i = 0; i < 12; i++) {
                sim.addUnified(UiPathUnifiedEvent.builder().id("x" + (10 + i)).createdOn(t0.plusSeconds(i)).build());
            }
            String token = token("PM.Audit.Read");
            assertThat(token).startsWith("tok-");
            JsonNode page = json(get("/acme/orgaudit_/api/query/events?from=2026-01-10T00:00:00Z"
                    + "&to=2026-01-11T00:00:00Z&maxCount=10", token));
            String previous = page.path("previous").asText();
            assertThat(previous).contains("to=2026-01-11T00%3A00%3A00Z");
            assertThat(previous.contains("from=")).isEqualTo(carry);
            sim.close();
        }
        sim = null;
    }

    @Test
    void unifiedSeparatesOrganizationAndTenantScopesAndClampsMaxCount() throws Exception {
        start(UiPathSimulator.builder().unifiedEvents(600));
        String token = token("PM.Audit.Read");
        JsonNode org = json(get("/acme/orgaudit_/api/query/events?maxCount=1000", token));
        JsonNode tenant = json(get("/acme/DefaultTenant/tenantaudit_/api/query/events?maxCount=1", token));

        assertThat(org.path("auditEvents")).hasSize(200).allSatisfy(e -> assertThat(e.path("tenantId").isNull()).isTrue());
        assertThat(tenant.path("auditEvents")).hasSize(10)
                .allSatisfy(e -> assertThat(e.path("tenantId").asText()).isEqualTo(sim.tenantId()));
        assertThat(tenant.path("next").isNull()).isTrue();
        JsonNode e = tenant.path("auditEvents").get(0);
        for (String field : List.of("id", "createdOn", "organizationId", "actorId", "actorName", "actorEmail", "eventType",
                "eventSource", "eventTarget", "eventDetails", "eventSummary", "status")) {
            assertThat(e.has(field)).as(field).isTrue();
        }
        assertThat(e.path("createdOn").asText()).endsWith("Z");
    }

    @Test
    void unifiedFiltersByRangeSourceTargetTypeUserAndSearchTerm() throws Exception {
        start(UiPathSimulator.builder());
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        sim.addUnified(
                UiPathUnifiedEvent.builder().id("a").createdOn(t0).eventSource("Identity").eventTarget("User")
                        .eventType("Login").actorId("u1").eventSummary("alice logged in").build(),
                UiPathUnifiedEvent.builder().id("b").createdOn(t0.plusSeconds(1)).eventSource("Identity")
                        .eventTarget("Group").eventType("Create").actorId("u2").eventSummary("group made").build(),
                UiPathUnifiedEvent.builder().id("c").createdOn(t0.plusSeconds(2)).eventSource("Automation Ops")
                        .eventTarget("Policy").eventType("Deploy").actorId("u1").eventSummary("deployed").build());
        String token = token("PM.Audit.Read");
        String base = "/acme/orgaudit_/api/query/events?";
        assertThat(ids(get(base + "from=2026-01-10T00:00:01Z&to=2026-01-10T00:00:02Z", token))).containsExactly("c", "b");
        assertThat(ids(get(base + "source%5B%5D=Identity", token))).containsExactly("b", "a");
        assertThat(ids(get(base + "target%5B%5D=Policy&target%5B%5D=User", token))).containsExactly("c", "a");
        assertThat(ids(get(base + "target=Policy", token))).as("a plain name is not the documented form")
                .containsExactly("c", "b", "a");
        assertThat(ids(get(base + "type%5B0%5D=Create", token))).containsExactly("b");
        assertThat(ids(get(base + "userIds%5B1%5D=u1", token))).containsExactly("c", "a");
        assertThat(ids(get(base + "searchTerm=" + URLEncoder.encode("ALICE", StandardCharsets.UTF_8), token)))
                .containsExactly("a");
        assertThat(get(base + "from=yesterday", token).statusCode()).isEqualTo(400);
    }

    @Test
    void unifiedNextLinksWalkBackTowardsNewerEvents() throws Exception {
        start(UiPathSimulator.builder());
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        for (int i = 0; i < 25; i++) {
            sim.addUnified(UiPathUnifiedEvent.builder().id(String.format("n%02d", i)).createdOn(t0.plusSeconds(i)).build());
        }
        String token = token("PM.Audit.Read");
        JsonNode first = json(get("/acme/orgaudit_/api/query/events?maxCount=10", token));
        JsonNode second = json(get(first.path("previous").asText(), token));
        assertThat(ids(second)).startsWith("n14");
        JsonNode back = json(get(second.path("next").asText(), token));
        assertThat(ids(back)).containsExactlyElementsOf(ids(first));
    }

    // ------------------------------------------------------------------ throttling

    @Test
    void throttlesWithRetryAfterInTheHeaderOrInTheBody() throws Exception {
        start(UiPathSimulator.builder().classicEntries(1));
        String token = token("PM.Audit.Read");
        sim.throttleNext(1, Duration.ofSeconds(3));
        sim.throttleNextWithBodyRetryAfter(1, Duration.ofSeconds(2));

        HttpResponse<String> header = get("/acme/DefaultTenant/audit_/api/auditlogs", token);
        assertThat(header.statusCode()).isEqualTo(429);
        assertThat(header.headers().firstValue("Retry-After")).hasValue("3");
        HttpResponse<String> body = get("/acme/DefaultTenant/audit_/api/auditlogs", token);
        assertThat(body.statusCode()).isEqualTo(429);
        assertThat(body.headers().firstValue("Retry-After")).isEmpty();
        assertThat(MAPPER.readTree(body.body()).path("retry_after").asInt()).isEqualTo(2);
        assertThat(get("/acme/DefaultTenant/audit_/api/auditlogs", token).statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitAnnouncesRemainingRequests() throws Exception {
        start(UiPathSimulator.builder().classicEntries(1));
        String token = token("PM.Audit.Read");
        sim.rateLimit(2, Duration.ofMinutes(1));
        assertThat(get("/acme/audit_/api/auditlogs", token).headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        assertThat(get("/acme/audit_/api/auditlogs", token).headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        HttpResponse<String> limited = get("/acme/audit_/api/auditlogs", token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    // ------------------------------------------------------------------ helpers

    private String token(String scope) throws IOException, InterruptedException {
        HttpResponse<String> r = tokenRequest("grant_type=client_credentials&client_id=sim-client-id"
                + "&client_secret=sim-client-secret&scope=" + scope, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return MAPPER.readTree(r.body()).path("access_token").asText();
    }

    private HttpResponse<String> tokenRequest(String form, String org) throws IOException, InterruptedException {
        String prefix = org == null ? "" : "/" + org;
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + prefix + "/identity_/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private static void assertOAuthError(HttpResponse<String> r, String code) throws IOException {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(r.body()).path("error").asText()).isEqualTo(code);
    }

    private static List<Instant> instants(JsonNode page) {
        List<Instant> out = new ArrayList<>();
        page.path("results").forEach(e -> out.add(java.time.OffsetDateTime.parse(e.path("createdOn").asText()).toInstant()));
        return out;
    }

    private static List<String> ids(HttpResponse<String> r) throws IOException {
        return ids(json(r));
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("auditEvents").forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void classicEntriesShareTicksButNeverAllTheirFields() {
        // this seed drew two entries identical in every field, which any client must take as one
        Instant end = Instant.parse("2026-12-03T17:00:00Z");
        UiPathSimulator generated = UiPathSimulator.builder().seed(22363397773958L).classicEntries(1000)
                .dataBetween(end.minus(Duration.ofDays(10)), end).build();
        List<UiPathClassicEntry> entries = generated.classicEntries();

        assertThat(entries).hasSize(1000);
        assertThat(entries.stream().map(e -> List.of(e.instant(), e.category(), e.action(), e.auditLogDetails(),
                e.userName(), e.email(), e.detailsVersion(), e.source()))).doesNotHaveDuplicates();
        assertThat(entries.stream().map(UiPathClassicEntry::instant).distinct().count()).as("ticks shared")
                .isLessThan(1000);
    }
}
