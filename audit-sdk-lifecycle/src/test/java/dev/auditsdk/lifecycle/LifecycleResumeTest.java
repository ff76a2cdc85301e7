package dev.auditsdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.lifecycle.LifecycleAuditLogSourceTest.Read;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A window's body that fails part-way is requested again and resumed inside the same stream,
 * over real loopback sockets: truncated by the simulator, or cut and stalled by a tiny server.
 */
class LifecycleResumeTest {
    private static final String USER = LifecycleAuditLogSourceTest.USER;
    private static final String PASSWORD = LifecycleAuditLogSourceTest.PASSWORD;
    private static final RetryPolicy FAST_RETRIES = LifecycleAuditLogSourceTest.FAST_RETRIES;
    private static final Instant DAY1 = Instant.parse("2024-03-20T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2024-03-21T00:00:00Z");
    private static final Instant DAY4 = Instant.parse("2024-03-23T00:00:00Z");

    private LifecycleSimulator sim;
    private HttpServer server;
    private final List<LifecycleAuditLogSource> sources = new ArrayList<>();

    @AfterEach
    void stop() {
        sources.forEach(LifecycleAuditLogSource::close);
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private LifecycleAuditLogSource source(URI baseUrl, RetryPolicy policy, Duration bodyReadTimeout) {
        LifecycleAuditLogSource s = LifecycleAuditLogSource.builder().baseUrl(baseUrl).credentials(USER, PASSWORD)
                .retryPolicy(policy).bodyReadTimeout(bodyReadTimeout).parallelism(1).build(); // the tests follow requests in order
        sources.add(s);
        return s;
    }

    private static AuditLogQuery range(Instant from, Instant to) {
        return AuditLogQuery.builder().from(from).to(to).build();
    }

    private static List<String> compact(List<String> lines) {
        return lines.stream().map(l -> {
            try {
                return Json.mapper().readTree(l).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toList());
    }

    private List<String> startDates() {
        return sim.requests().stream().map(RecordedRequest::query)
                .map(q -> q.replaceAll(".*startUtcDate=([0-9-]+).*", "$1")).collect(Collectors.toList());
    }

    /** Truncates the body of the simulator's requests number {@code n} (1-based), as they come. */
    private void truncateRequests(int... numbers) {
        AtomicInteger count = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            int n = count.incrementAndGet();
            for (int t : numbers) {
                if (t == n) {
                    sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.truncatedBody());
                }
            }
        });
    }

    @Test
    void bodiesCutShortSeveralTimesAreResumedInTheSameStreamWithoutAGapOrADuplicate() {
        sim = LifecycleSimulator.builder().user(USER, PASSWORD).exportEvents(false).seed(21).storedEvents(900)
                .range(DAY1, DAY4).build().start();
        // day 1 cut twice in a row at its middle, day 2 at its middle (after some 450 entries), day 3 once more
        truncateRequests(1, 2, 4, 6);

        Read read = LifecycleAuditLogSourceTest.read(source(sim.baseUrl(), FAST_RETRIES, Duration.ofSeconds(10)),
                range(DAY1, DAY4));

        assertThat(read.lines()).isEqualTo(compact(sim.lines(DAY1, DAY4).collect(Collectors.toList())));
        assertThat(read.ids()).hasSize(900).doesNotHaveDuplicates();
        assertThat(startDates()).as("each cut window is requested again")
                .containsExactly("2024-03-20", "2024-03-20", "2024-03-20", "2024-03-21", "2024-03-21", "2024-03-22",
                        "2024-03-22");
    }

    @Test
    void windowsReadInParallelAreResumedInTheirOwnTask() {
        sim = LifecycleSimulator.builder().user(USER, PASSWORD).exportEvents(false).seed(22).storedEvents(900)
                .range(DAY1, DAY4).build().start();
        truncateRequests(1, 2, 4, 6);
        LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl(sim.baseUrl())
                .credentials(USER, PASSWORD).retryPolicy(FAST_RETRIES).parallelism(3).build();
        sources.add(source);

        Read read = LifecycleAuditLogSourceTest.read(source, range(DAY1, DAY4));

        assertThat(read.lines()).isEqualTo(compact(sim.lines(DAY1, DAY4).collect(Collectors.toList())));
        assertThat(read.ids()).hasSize(900).doesNotHaveDuplicates();
        assertThat(sim.requestCount()).as("three windows, four of their reads cut").isEqualTo(7);
    }

    @Test
    void aBodyCutMoreTimesInARowThanThePolicyAllowsFailsAndItsCheckpointResumesExactly() {
        sim = LifecycleSimulator.builder().user(USER, PASSWORD).exportEvents(false).seed(9).storedEvents(400)
                .range(DAY1, DAY1.plus(Duration.ofDays(2))).build().start();
        // day 1 whole, then day 2 cut every time (a cut that surfaces while the answer is being
        // received is retried by the transport itself, so count nothing: cut them all)
        java.util.concurrent.atomic.AtomicBoolean cutting = new java.util.concurrent.atomic.AtomicBoolean(true);
        sim.beforeEachRequest(r -> {
            if (cutting.get() && r.query().contains("startUtcDate=2024-03-21")) {
                sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.truncatedBody());
            }
        });
        LifecycleAuditLogSource source = source(sim.baseUrl(), FAST_RETRIES, Duration.ofSeconds(10));
        List<LifecycleAuditEntry> delivered = new ArrayList<>();
        Checkpoint checkpoint;

        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(range(DAY1, DAY1.plus(Duration.ofDays(2))))) {
            assertThatThrownBy(() -> stream.forEach(delivered::add)).isInstanceOf(AuditTransportException.class);
            checkpoint = Checkpoint.parse(stream.checkpoint().serialize());
        }
        assertThat(startDates()).as("day 1, then day 2 until the policy gave up").startsWith("2024-03-20", "2024-03-21")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(delivered).hasSizeBetween(200, 399);
        cutting.set(false);
        Read rest = LifecycleAuditLogSourceTest.read(source,
                AuditLogQuery.builder().resumeFrom(checkpoint).to(DAY1.plus(Duration.ofDays(2))).build());

        List<String> union = delivered.stream().map(e -> e.raw().toString()).collect(Collectors.toList());
        union.addAll(rest.lines());
        assertThat(union).isEqualTo(compact(sim.lines(DAY1, DAY1.plus(Duration.ofDays(2))).collect(Collectors.toList())));
    }

    @Test
    void aMalformedLineIsNotRequestedAgain() {
        sim = LifecycleSimulator.builder().user(USER, PASSWORD).exportEvents(false).build().start();
        Instant t = Instant.parse("2024-03-20T08:00:00Z");
        sim.appendEvent(t, "admin", "authentication", "login");
        sim.appendRaw(t.plusSeconds(1), "<html><body><h1>502 Bad Gateway</h1></body></html>");

        try (AuditLogStream<LifecycleAuditEntry> stream = source(sim.baseUrl(), FAST_RETRIES, Duration.ofSeconds(10))
                .fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.forEach(e -> { })).isInstanceOf(AuditDataException.class);
        }
        assertThat(sim.requestCount()).isEqualTo(1);
    }

    @Test
    void bodiesCutAndStalledAtDifferentPointsOfOneWindowAreResumed() throws Exception {
        LifecycleSimulator lines = LifecycleSimulator.builder().build();
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // identical lines in the same millisecond, three by three: told apart by occurrence
            String line = lines.line(DAY1.plusSeconds(60 + i / 3), "user" + (i / 3), "application", "update");
            body.append(line).append('\n');
            expected.add(line);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        // request 1 cut at 20%, 2 stalls at 10% (no progress), 3 cut at 70%, 4 stalls at 95%, 5 whole
        double[] cuts = {0.2, 0.1, 0.7, 0.95};
        boolean[] stall = {false, true, false, true};
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/" + LifecyclePages.AUDIT_LOGS_PATH, exchange -> {
            int n = requests.getAndIncrement();
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, bytes.length);
                int upTo = n < cuts.length ? (int) (bytes.length * cuts[n]) : bytes.length;
                out.write(bytes, 0, upTo);
                out.flush();
                if (n < cuts.length && stall[n]) {
                    Thread.sleep(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up on a stalled body: expected
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");

        Read read = LifecycleAuditLogSourceTest.read(source(base, FAST_RETRIES, Duration.ofMillis(500)), range(DAY1, DAY2));

        assertThat(read.lines()).isEqualTo(compact(expected));
        assertThat(read.ids()).hasSize(300).doesNotHaveDuplicates();
        assertThat(requests.get()).isEqualTo(5);
    }
}
