package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.boomi.query.QueryOperator;
import dev.auditsdk.boomi.query.QueryProperty;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.testing.SecretLeakGuard;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoomiAuditLogSourceTest {
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-03-01T00:00:00Z");

    private BoomiSimulator sim;
    private BoomiAuditLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private BoomiSimulator start(BoomiSimulator.Builder builder) {
        sim = builder.build();
        sim.start();
        return sim;
    }

    private BoomiSourceBuilder sourceBuilder() {
        // one query per read: these tests follow its requests (day queries side by side: BoomiParallelDaysTest)
        return BoomiAuditLogSource.builder().baseUrl(sim.baseUrl()).accountId(sim.accountId())
                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD).parallelism(1);
    }

    private static List<String> ids(List<? extends JsonNode> entries) {
        return entries.stream().map(e -> e.path("documentId").asText()).collect(Collectors.toList());
    }

    private static List<String> read(AuditLogStream<BoomiAuditEntry> stream) {
        try (stream) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }

    private List<RecordedRequest> auditLogRequests() {
        return sim.requests().stream().filter(r -> r.path().contains("/AuditLog/")).collect(Collectors.toList());
    }

    @Test
    void getReadsOneEntryByItsIdAndAnUnknownIdIsEmpty() {
        start(BoomiSimulator.builder().seed(13).entries(20));
        source = sourceBuilder().build();
        JsonNode wanted = sim.entries().get(7);
        String id = wanted.path("documentId").asText();

        BoomiAuditEntry entry = source.get(id).orElseThrow();

        assertThat(entry.id()).isEqualTo(id);
        assertThat(entry.raw()).isEqualTo(wanted);
        assertThat(auditLogRequests()).extracting(RecordedRequest::path)
                .containsExactly("/api/rest/v1/" + sim.accountId() + "/AuditLog/" + id);
        assertThat(source.get("no-such-entry")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.get(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentId must not be blank");
    }

    @Test
    void readsAllPagesThroughQueryMoreWithTheRawToken() throws Exception {
        start(BoomiSimulator.builder().seed(11).entries(250));
        source = sourceBuilder().build();
        List<String> got = read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()));

        assertThat(got).containsExactlyElementsOf(ids(sim.entries()));
        List<RecordedRequest> requests = auditLogRequests();
        assertThat(requests).extracting(RecordedRequest::path).containsExactly(
                "/api/rest/v1/" + sim.accountId() + "/AuditLog/query",
                "/api/rest/v1/" + sim.accountId() + "/AuditLog/queryMore",
                "/api/rest/v1/" + sim.accountId() + "/AuditLog/queryMore");
        assertThat(requests.get(0).header("Accept")).hasValue("application/json");
        JsonNode filter = Json.mapper().readTree(requests.get(0).bodyText());
        assertThat(filter.at("/QueryFilter/expression/operator").asText()).isEqualTo("BETWEEN");
        assertThat(filter.at("/QueryFilter/expression/argument/0").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(filter.at("/QueryFilter/expression/argument/1").asText()).isEqualTo("2026-03-01T00:00:00Z");

        // the queryMore bodies are exactly the tokens of the previous pages, unquoted, as text/plain
        List<String> tokens = sim.issuedQueryTokens();
        assertThat(tokens).hasSize(2);
        assertThat(requests.get(1).bodyText()).isEqualTo(tokens.get(0)).startsWith("/").doesNotStartWith("\"");
        assertThat(requests.get(2).bodyText()).isEqualTo(tokens.get(1));
        assertThat(requests.get(1).header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
    }

    @Test
    void appliesTheExactRangeEndsOnTheClient() {
        start(BoomiSimulator.builder().entries(0));
        Instant second = Instant.parse("2026-01-10T10:00:00Z");
        sim.appendAt(second.minusSeconds(1));
        ObjectNode inside = sim.appendAt(second);
        ObjectNode atEnd = sim.appendAt(second.plusSeconds(1));
        source = sourceBuilder().build();

        List<String> got = read(source.fetch(AuditLogQuery.builder().from(second.minusMillis(500))
                .to(second.plusMillis(1500)).build()));
        assertThat(got).containsExactly(inside.path("documentId").asText(), atEnd.path("documentId").asText());

        got = read(source.fetch(AuditLogQuery.builder().from(second).to(second.plusSeconds(1)).build()));
        assertThat(got).containsExactly(inside.path("documentId").asText());
        JsonNode lastFilter = lastQueryFilter();
        assertThat(lastFilter.at("/QueryFilter/expression/argument/0").asText()).isEqualTo("2026-01-10T10:00:00Z");
        assertThat(lastFilter.at("/QueryFilter/expression/argument/1").asText()).isEqualTo("2026-01-10T10:00:01Z");
    }

    private JsonNode lastQueryFilter() {
        List<RecordedRequest> queries = sim.requests().stream().filter(r -> r.path().endsWith("/AuditLog/query"))
                .collect(Collectors.toList());
        try {
            return Json.mapper().readTree(queries.get(queries.size() - 1).bodyText());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void resumesFromACheckpointInsideOneSecondWithoutLossOrRepeat() {
        start(BoomiSimulator.builder().seed(5).entries(150));
        // five entries share the second at which the first run stops
        Instant crowded = Instant.parse("2026-02-01T12:00:00Z");
        for (int i = 0; i < 5; i++) {
            sim.appendAt(crowded);
        }
        sim.append(20);
        source = sourceBuilder().build();
        List<String> all = ids(sim.entries());
        int stopAt = all.indexOf(ids(sim.entriesBetween(crowded, crowded.plusSeconds(1))).get(2)) + 1;

        List<String> first = new ArrayList<>();
        Checkpoint checkpoint;
        try (AuditLogStream<BoomiAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(TO)
                .limit(stopAt).build())) {
            stream.forEach(e -> first.add(e.id()));
            checkpoint = stream.checkpoint();
        }
        assertThat(first).hasSize(stopAt);
        Checkpoint stored = Checkpoint.parse(checkpoint.serialize());
        List<String> second = read(source.fetch(AuditLogQuery.builder().resumeFrom(stored).to(TO).build()));

        List<String> together = new ArrayList<>(first);
        together.addAll(second);
        assertThat(together).containsExactlyElementsOf(all);
        // the resumed query re-read the checkpoint's second on the server and skipped what was delivered
        assertThat(lastQueryFilter().at("/QueryFilter/expression/argument/0").asText()).isEqualTo("2026-02-01T12:00:00Z");
    }

    @Test
    void deliversEntriesAppendedWhileReading() {
        start(BoomiSimulator.builder().seed(21).entries(250));
        sim.beforeEachRequest(r -> {
            if (r.path().endsWith("/queryMore")) {
                sim.append(40);
            }
        });
        source = sourceBuilder().build();

        List<String> got = read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()));

        assertThat(got).hasSizeGreaterThan(250).doesNotHaveDuplicates().containsExactlyElementsOf(ids(sim.entries()));
    }

    @Test
    void absorbsThrottling503WithNothingLost() {
        start(BoomiSimulator.builder().seed(2).entries(600).rateLimitPerSecond(3));
        // the client alone would send 10 a second: the simulator allows 3 and answers 503 to the rest
        source = sourceBuilder().rateLimitPerSecond(0).build();

        List<String> got = read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()));

        assertThat(got).containsExactlyElementsOf(ids(sim.entries()));
        assertThat(sim.throttledCount()).isPositive();
    }

    @Test
    void staysUnderTenRequestsPerSecondByDefault() {
        start(BoomiSimulator.builder().seed(3).entries(2000).spacing(Duration.ofSeconds(2)));
        source = sourceBuilder().build();

        List<String> got = read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()));

        assertThat(got).hasSize(2000).doesNotHaveDuplicates();
        assertThat(sim.requestCount()).isEqualTo(20);
        assertThat(sim.peakRequestsPerSecond()).isLessThanOrEqualTo(10);
        assertThat(sim.throttledCount()).isZero();
    }

    @Test
    void authenticatesWithAnApiTokenAndATwoFactorCode() {
        String otp = SecretLeakGuard.secret("913370");
        start(BoomiSimulator.builder().entries(3).otp(otp));
        source = sourceBuilder().apiToken(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_API_TOKEN)
                .otp(() -> Secret.of(otp)).build();

        assertThat(read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()))).hasSize(3);
        RecordedRequest query = auditLogRequests().get(0);
        String basic = new String(Base64.getDecoder().decode(query.header("Authorization").orElseThrow().substring(6)),
                StandardCharsets.UTF_8);
        assertThat(basic).isEqualTo("BOOMI_TOKEN." + BoomiSimulator.DEFAULT_USER + ":" + BoomiSimulator.DEFAULT_API_TOKEN);
        assertThat(query.header("X-Boomi-OTP")).hasValue(otp);
    }

    @Test
    void refusedCredentialsAreAnAuthenticationErrorWithoutTheSecret() {
        start(BoomiSimulator.builder().entries(3));
        source = sourceBuilder().credentials(BoomiSimulator.DEFAULT_USER, "wrong-S3CR3T").build();

        assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect user name and password")
                .hasMessageContaining("BOOMI_TOKEN")
                .hasMessageNotContaining("wrong-S3CR3T");
        assertThat(sim.requestCount()).isEqualTo(1);
    }

    @Test
    void missingAuditPrivilegeIsAccessDenied() {
        start(BoomiSimulator.builder().entries(3).userWithoutAuditAccess("viewer@acme.example", "pw-S3CR3T"));
        source = sourceBuilder().credentials("viewer@acme.example", "pw-S3CR3T").build();

        assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())))
                .isInstanceOf(AuditAccessDeniedException.class)
                .hasMessageContaining("View Audit Logs");
    }

    @Test
    void andsTheFilterWithTheRange() {
        start(BoomiSimulator.builder().seed(8).entries(300));
        source = sourceBuilder().filter(QueryExpression.of(QueryOperator.LIKE, QueryProperty.TYPE, "user%")).build();

        List<String> got = read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()));

        List<String> expected = sim.entries().stream().filter(e -> e.path("type").asText().startsWith("user"))
                .map(e -> e.path("documentId").asText()).collect(Collectors.toList());
        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(lastQueryFilter().at("/QueryFilter/expression/operator").asText()).isEqualTo("and");
    }

    @Test
    void usesACallerOwnedHttpClient() {
        start(BoomiSimulator.builder().entries(3));
        java.util.concurrent.atomic.AtomicInteger selected = new java.util.concurrent.atomic.AtomicInteger();
        java.net.ProxySelector counting = new java.net.ProxySelector() {
            @Override
            public List<java.net.Proxy> select(java.net.URI uri) {
                selected.incrementAndGet();
                return List.of(java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress sa, java.io.IOException ioe) {
            }
        };
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().proxy(counting)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        source = sourceBuilder().httpClient(client).build();

        assertThat(read(source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()))).hasSize(3);
        assertThat(selected.get()).isPositive();
    }

    @Test
    void sendsNothingUntilTheStreamIsRead() {
        start(BoomiSimulator.builder().entries(3));
        source = sourceBuilder().build();
        AuditLogStream<BoomiAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build());
        assertThat(sim.requestCount()).isZero();
        stream.close();
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void buildRequiresAccountAndCredentials() {
        assertThatThrownBy(() -> BoomiAuditLogSource.builder().credentials("u@x", "p-S3CR3T").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accountId");
        assertThatThrownBy(() -> BoomiAuditLogSource.builder().accountId("a").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> BoomiAuditLogSource.builder().accountId("a").credentials("u@x", "p-S3CR3T")
                .baseUrl("http://boomi.example.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> BoomiAuditLogSource.builder().accountId("a").credentials("u@x", "p-S3CR3T")
                .baseUrl("https://api.boomi.com?account=a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not have a query");
        assertThatThrownBy(() -> BoomiStagedAuditLogExport.builder().accountId("a").credentials("u@x", "p-S3CR3T")
                .stagingBaseUrl(java.net.URI.create("http://staging.boomi.example.com")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> BoomiAuditLogSource.builder().region("mars")).isInstanceOf(IllegalArgumentException.class);
        try (BoomiAuditLogSource gb = BoomiAuditLogSource.builder().accountId("a").region("gb")
                .credentials("u@x", "p-S3CR3T").build()) {
            assertThat(gb.toString()).contains("api.platform.gb.boomi.com").doesNotContain("S3CR3T");
            assertThat(gb.vendor()).isEqualTo("boomi");
        }
    }
}
