package dev.auditsdk.testkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.testkit.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleSimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-03-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LifecycleSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private LifecycleSimulator.Builder builder() {
        return LifecycleSimulator.builder().clock(CLOCK).exportEvents(false);
    }

    private HttpResponse<String> get(String query, String user, String password) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/auditLogs" + query));
        if (user != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String start, String end) throws Exception {
        return get("?startUtcDate=" + start + "&endUtcDate=" + end, "admin", "admin123");
    }

    private static List<String> lines(HttpResponse<String> response) {
        return response.body().lines().collect(Collectors.toList());
    }

    @Test
    void requiresBasicAuthenticationAndTheAuditLogPermission() throws Exception {
        sim = builder().user("admin", "admin123").userWithoutAuditPermission("dev", "devpass").build().start();

        HttpResponse<String> anonymous = get("?startUtcDate=2024-03-20&endUtcDate=2024-03-20", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("BASIC"));
        assertThat(get("?startUtcDate=2024-03-20&endUtcDate=2024-03-20", "admin", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = get("?startUtcDate=2024-03-20&endUtcDate=2024-03-20", "dev", "devpass");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(get("2024-03-20", "2024-03-20").statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAnUserTokenAsBasicCredentials() throws Exception {
        sim = builder().user("Xq7bD2kL", "f0Rt9sPq3ZyW1mN8vB6cHx4jKe2uLa5oTg7iYd0rEw3s").build().start();

        assertThat(get("?startUtcDate=2024-03-20&endUtcDate=2024-03-20", "Xq7bD2kL",
                "f0Rt9sPq3ZyW1mN8vB6cHx4jKe2uLa5oTg7iYd0rEw3s").statusCode()).isEqualTo(200);
        assertThat(get("?startUtcDate=2024-03-20&endUtcDate=2024-03-20", "admin", "admin123").statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsMissingMalformedAndReversedDatesWith400() throws Exception {
        sim = builder().build().start();

        HttpResponse<String> missing = get("?startUtcDate=2024-03-20", "admin", "admin123");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("endUtcDate");
        HttpResponse<String> malformed = get("2024-3-20", "2024-03-21");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("startUtcDate").contains("yyyy-MM-dd");
        assertThat(get("2024-03-21", "2024-03-20").statusCode()).isEqualTo(400);
    }

    @Test
    void servesInclusiveUtcDaysAsJsonLinesInTheServersOffset() throws Exception {
        sim = builder().build().start();
        sim.appendEvent(Instant.parse("2024-03-19T23:59:59.999Z"), "admin", "authentication", "login");
        String first = sim.appendEvent(Instant.parse("2024-03-20T00:00:00.000Z"), "admin", "authentication", "login");
        String last = sim.appendEvent(Instant.parse("2024-03-21T23:59:59.999Z"), "jdoe", "application", "update");
        sim.appendEvent(Instant.parse("2024-03-22T00:00:00.000Z"), "jdoe", "application", "delete");

        HttpResponse<String> response = get("2024-03-20", "2024-03-21");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(lines(response)).containsExactly(first, last);
        JsonNode node = MAPPER.readTree(first);
        assertThat(node.get("timestamp").asText()).isEqualTo("2024-03-19T21:00:00.000-03:00");
        assertThat(OffsetDateTime.parse(node.get("timestamp").asText()).toInstant())
                .isEqualTo(Instant.parse("2024-03-20T00:00:00Z"));
    }

    @Test
    void keepsEventsInTimeOrderAndIdenticalEventsTwice() throws Exception {
        sim = builder().build().start();
        Instant t = Instant.parse("2024-03-20T10:00:00.123Z");
        String late = sim.appendEvent(t.plusMillis(5), "admin", "policy", "update");
        String early = sim.appendEvent(t, "*UNKNOWN", "authentication", "login");
        String again = sim.appendEvent(t, "*UNKNOWN", "authentication", "login");

        assertThat(lines(get("2024-03-20", "2024-03-20"))).containsExactly(early, again, late);
        assertThat(early).isEqualTo(again);
    }

    @Test
    void everyReadAppendsAnAuditLogExportEventSeenByLaterReads() throws Exception {
        sim = LifecycleSimulator.builder().clock(CLOCK).build().start();

        assertThat(lines(get("2024-03-25", "2024-03-25"))).isEmpty();
        get("?startUtcDate=2024-03-25&endUtcDate=2024-03-25", "admin", "nope");
        List<String> second = lines(get("2024-03-25", "2024-03-25"));

        assertThat(second).hasSize(2);
        JsonNode ok = MAPPER.readTree(second.get(0));
        assertThat(ok.get("domain").asText()).isEqualTo("audit-log");
        assertThat(ok.get("type").asText()).isEqualTo("export");
        assertThat(ok.get("username").asText()).isEqualTo("admin");
        assertThat(ok.get("requestUri").asText()).isEqualTo("/api/v2/auditLogs?startUtcDate=2024-03-25&endUtcDate=2024-03-25");
        assertThat(ok.has("error")).isFalse();
        JsonNode refused = MAPPER.readTree(second.get(1));
        assertThat(refused.get("username").asText()).isEqualTo("*UNKNOWN");
        assertThat(refused.get("error").asText()).isEqualTo("bad-authentication");
    }

    @Test
    void generatedEventsAreStreamedDeterministicallyAscendingWithOptionalFieldsAndSharedMilliseconds() throws Exception {
        Instant from = Instant.parse("2024-03-20T00:00:00Z");
        sim = builder().seed(7).generatedEvents(20_000).range(from, from.plusSeconds(3 * 86_400)).build().start();

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/api/v2/auditLogs?startUtcDate=2024-03-20&endUtcDate=2024-03-22"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4xMjM=").build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }

        assertThat(lines).hasSize(20_000);
        assertThat(lines).isEqualTo(sim.lines(from, from.plusSeconds(3 * 86_400)).collect(Collectors.toList()));
        try (LifecycleSimulator twin = builder().seed(7).generatedEvents(20_000).range(from, from.plusSeconds(3 * 86_400)).build()) {
            assertThat(twin.lines(from, from.plusSeconds(86_400)).collect(Collectors.toList()))
                    .isEqualTo(lines.subList(0, (int) twin.lines(from, from.plusSeconds(86_400)).count()));
        }
        Instant previous = Instant.MIN;
        int sameMillisecond = 0;
        int identical = 0;
        Set<String> optionalPresent = new HashSet<>();
        int withoutUserAgent = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = MAPPER.readTree(lines.get(i));
            Instant t = OffsetDateTime.parse(node.get("timestamp").asText()).toInstant();
            assertThat(node.get("timestamp").asText()).endsWith("-03:00");
            assertThat(t).isAfterOrEqualTo(previous);
            sameMillisecond += t.equals(previous) ? 1 : 0;
            identical += i > 0 && lines.get(i).equals(lines.get(i - 1)) ? 1 : 0;
            previous = t;
            node.fieldNames().forEachRemaining(optionalPresent::add);
            withoutUserAgent += node.has("userAgent") ? 0 : 1;
            assertThat(node.get("username").asText()).isNotEmpty();
        }
        assertThat(sameMillisecond).isGreaterThan(100);
        assertThat(identical).isGreaterThan(50);
        assertThat(withoutUserAgent).isGreaterThan(100);
        assertThat(optionalPresent).contains("requestMethod", "requestUri", "remoteIpAddress", "userAgent", "forwarded",
                "error", "data");
    }

    @Test
    void generatedAndStoredEventsAreMergedInTimeOrder() throws Exception {
        Instant from = Instant.parse("2024-03-20T00:00:00Z");
        sim = builder().generatedEvents(100).storedEvents(100).range(from, from.plusSeconds(86_400)).build().start();
        String extra = sim.appendEvent(from.plusSeconds(43_200), "admin", "license", "install");

        List<String> lines = lines(get("2024-03-20", "2024-03-20"));

        assertThat(lines).hasSize(201).contains(extra);
        List<Instant> times = new ArrayList<>();
        for (String line : lines) {
            times.add(OffsetDateTime.parse(MAPPER.readTree(line).get("timestamp").asText()).toInstant());
        }
        assertThat(times).isSorted();
    }

    @Test
    void injectedFaultsAreServedOncePerRequest() throws Exception {
        sim = builder().storedEvents(50).range(Instant.parse("2024-03-20T00:00:00Z"), Instant.parse("2024-03-21T00:00:00Z"))
                .build().start();
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.status(503, "Service Unavailable"));
        assertThat(get("2024-03-20", "2024-03-20").statusCode()).isEqualTo(503);

        // The JDK client replays a GET once by itself after a reset: two resets make it fail.
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.reset());
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.reset());
        assertThatThrownBy(() -> get("2024-03-20", "2024-03-20")).isInstanceOf(IOException.class);

        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.truncatedBody());
        assertThatThrownBy(() -> get("2024-03-20", "2024-03-20")).isInstanceOf(IOException.class);

        assertThat(lines(get("2024-03-20", "2024-03-20"))).hasSize(50);
        assertThat(sim.requestCount()).isEqualTo(5);
    }

    @Test
    void testsCanAppendEventsWhileAClientReads() throws Exception {
        sim = builder().build().start();
        Instant t = Instant.parse("2024-03-20T08:00:00Z");
        sim.beforeEachRequest(request -> sim.appendEvent(t.plusSeconds(sim.storedEventCount()), "admin", "user", "create"));

        assertThat(lines(get("2024-03-20", "2024-03-20"))).hasSize(1);
        assertThat(lines(get("2024-03-20", "2024-03-20"))).hasSize(2);
    }

    @Test
    void answersOtherPathsWith404() throws Exception {
        sim = builder().build().start();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/nope")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsLinesThatAreNotEvents() {
        sim = builder().build();

        assertThatThrownBy(() -> sim.append("{\"username\":\"admin\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jsonLine");
        assertThatThrownBy(() -> sim.appendRaw(Instant.EPOCH, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
