package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.informatica.model.InformaticaSecurityLogEntry;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.informatica.InformaticaSecurityRecord;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The security log does not depend on the undocumented {@code limit}/{@code skip}: a server that
 * ignores them is detected (more rows than asked, or a probe with the smallest limit) and the
 * windows are split by the server's own cap instead; the exact set is delivered. Against the
 * simulator over loopback.
 */
class InformaticaSecurityLogPagingTest {
    private static final String PASSWORD = "pa55-S3CR3T-word";
    private static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SECURITY_PATH = "/saas/public/core/v3/securityLog";
    private static final Instant FROM = END.minus(Duration.ofDays(4));
    private static final Instant TO = END.plusSeconds(1);

    private InformaticaSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<String> read(InformaticaSimulator.Builder server, Integer rowCap) {
        sim = server.credentials("admin@example.com", PASSWORD).endingAt(END).auditEntries(0).seed(12)
                .securityEntries(1_500).span(Duration.ofDays(3)).build().start();
        InformaticaSecurityLogSourceBuilder b = InformaticaSecurityLogSource.builder().baseUrl(sim.loginUrl())
                .credentials("admin@example.com", PASSWORD).retryPolicy(RetryPolicy.none());
        if (rowCap != null) {
            b.rowCap(rowCap);
        }
        List<String> ids = new ArrayList<>();
        try (InformaticaSecurityLogSource source = b.build();
                AuditLogStream<InformaticaSecurityLogEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(TO).build())) {
            stream.forEach(e -> ids.add(e.id()));
        }
        return ids;
    }

    private List<String> expected() {
        return sim.securityEntries(FROM, TO).stream()
                .sorted(Comparator.comparing(InformaticaSecurityRecord::time).thenComparing(InformaticaSecurityRecord::id))
                .map(InformaticaSecurityRecord::id).collect(Collectors.toList());
    }

    private List<RecordedRequest> securityRequests() {
        return sim.requests().stream().filter(r -> r.path().equals(SECURITY_PATH)).collect(Collectors.toList());
    }

    /** @return the {@code limit} a request sent, or "none" */
    private static String limit(RecordedRequest r) {
        for (String pair : r.query().split("&")) {
            if (pair.startsWith("limit=")) {
                return pair.substring("limit=".length());
            }
        }
        return "none";
    }

    @Test
    void aServerIgnoringLimitAndSkipWithASmallerPageIsFoundByAProbeAndReadWhole() {
        // the server answers its own 200 rows whatever is asked; the cap sent is 1,000
        List<String> ids = read(InformaticaSimulator.builder().ignoreSecurityLogLimit(true).ignoreSecurityLogSkip(true), null);

        assertThat(ids).hasSize(1_500).containsExactlyElementsOf(expected());
        List<RecordedRequest> requests = securityRequests();
        assertThat(limit(requests.get(0))).isEqualTo("1000");
        assertThat(limit(requests.get(1))).as("the probe: the same window with the smallest limit").isEqualTo("100");
        assertThat(requests.get(1).query()).isEqualTo(requests.get(0).query().replace("limit=1000", "limit=100"));
        assertThat(requests.subList(2, requests.size())).as("limit and skip no longer sent")
                .allSatisfy(r -> assertThat(r.query()).doesNotContain("limit=").doesNotContain("skip="));
    }

    @Test
    void aServerAnsweringMoreRowsThanAskedIsFoundWithoutAProbeAndReadWhole() {
        // the cap sent is 150; the server answers its own 200
        List<String> ids = read(InformaticaSimulator.builder().ignoreSecurityLogLimit(true).ignoreSecurityLogSkip(true), 150);

        assertThat(ids).hasSize(1_500).containsExactlyElementsOf(expected());
        List<RecordedRequest> requests = securityRequests();
        assertThat(limit(requests.get(0))).isEqualTo("150");
        assertThat(requests.subList(1, requests.size())).as("no probe needed; limit no longer sent")
                .allSatisfy(r -> assertThat(limit(r)).isEqualTo("none"));
    }

    @Test
    void aServerHonouringLimitIsProbedOnceAndThenTrusted() {
        List<String> ids = read(InformaticaSimulator.builder(), null);

        assertThat(ids).hasSize(1_500).containsExactlyElementsOf(expected());
        List<RecordedRequest> requests = securityRequests();
        assertThat(requests).filteredOn(r -> limit(r).equals("100")).as("one probe at most").hasSizeLessThanOrEqualTo(1);
        assertThat(requests).filteredOn(r -> !limit(r).equals("100"))
                .allSatisfy(r -> assertThat(limit(r)).isEqualTo("1000"));
    }
}
