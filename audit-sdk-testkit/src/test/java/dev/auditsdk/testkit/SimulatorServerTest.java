package dev.auditsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EchoSimulator sim;

    /** A minimal simulator: streams "line N" lines, or answers whole. */
    static final class EchoSimulator extends SimulatorServer {
        EchoSimulator() {
            super("echo");
        }

        @Override
        protected void handle(SimExchange ex) throws IOException {
            int lines = Integer.parseInt(ex.queryParam("lines").orElse("3"));
            if (ex.path().equals("/stream")) {
                ex.respondStreaming(200, "text/plain", out -> {
                    for (int i = 1; i <= lines; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                });
            } else {
                ex.respond(200, "text/plain", "hello " + ex.basicCredentials().map(c -> c[0]).orElse("anonymous"));
            }
        }
    }

    @BeforeEach
    void start() {
        sim = new EchoSimulator();
        sim.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnALoopbackPortAndRecordsRequests() throws Exception {
        assertThat(sim.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(get("/whole?x=1").body()).isEqualTo("hello anonymous");
        assertThat(sim.requestCount()).isEqualTo(1);
        assertThat(sim.requests().get(0).query()).isEqualTo("x=1");
        sim.resetStatistics();
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void streamsWholeBodiesWithoutTheWriterFlushing() throws Exception {
        String body = get("/stream?lines=5000").body();
        assertThat(body.lines()).hasSize(5000).startsWith("line 1").endsWith("line 5000");
    }

    @Test
    void injectsStatusResetAndTruncationFaultsInOrder() throws Exception {
        sim.injectFault("/whole", Fault.status(503, Map.of("Retry-After", "1"), "busy"));
        // twice: the JDK client silently repeats a GET once when the connection closes
        sim.injectFault("/whole", Fault.reset());
        sim.injectFault("/whole", Fault.reset());
        sim.injectFault("/stream", Fault.truncatedBody());
        HttpResponse<String> busy = get("/whole");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        assertThatThrownBy(() -> get("/whole")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get("/stream?lines=1000")).isInstanceOf(IOException.class);
        assertThat(get("/whole").statusCode()).isEqualTo(200);
    }

    @Test
    void runsActionsBeforeEachRequestAndAddsLatency() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        sim.beforeEachRequest(r -> seen.incrementAndGet());
        sim.setLatency(Duration.ofMillis(200));
        long start = System.nanoTime();
        get("/whole");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(seen).hasValue(1);
    }

    @Test
    void maxInFlightCountsRequestsHeldAtOnceAndOneForAClientThatWaitsForEachAnswer() throws Exception {
        sim.setLatency(Duration.ofMillis(150));
        for (int i = 0; i < 3; i++) {
            assertThat(get("/hello").statusCode()).isEqualTo(200);
        }
        assertThat(sim.maxInFlight()).isEqualTo(1);

        sim.resetStatistics();
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> three = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        three.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        assertThat(sim.maxInFlight()).isBetween(2, 3);
    }
}
