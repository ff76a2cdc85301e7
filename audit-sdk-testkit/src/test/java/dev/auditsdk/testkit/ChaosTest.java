package dev.auditsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stall and slow faults and the chaos mode, observed byte by byte over a raw socket (the
 * JDK client would hide some of them: it silently repeats a GET whose connection closed).
 */
class ChaosTest {
    private static final String BODY_OF_3000 = lines(3000);
    private SimulatorServerTest.EchoSimulator sim;

    @BeforeEach
    void start() {
        sim = new SimulatorServerTest.EchoSimulator();
        sim.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** What one request over a fresh connection received before the server closed it. */
    private static final class Received {
        final String text;
        final long firstByteMillis;
        final long totalMillis;
        final boolean timedOut;

        Received(String text, long firstByteMillis, long totalMillis, boolean timedOut) {
            this.text = text;
            this.firstByteMillis = firstByteMillis;
            this.totalMillis = totalMillis;
            this.timedOut = timedOut;
        }

        int status() {
            return text.isEmpty() ? 0 : Integer.parseInt(text.substring(9, 12));
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return "";
            }
            String raw = text.substring(end + 4);
            if (!text.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                return raw;
            }
            StringBuilder body = new StringBuilder();
            int at = 0;
            for (int chunks = 0; chunks < 10_000 && at < raw.length(); chunks++) {
                int lineEnd = raw.indexOf("\r\n", at);
                int size = Integer.parseInt(raw.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(raw, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        long contentLength() {
            for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    return Long.parseLong(line.substring(15).trim());
                }
            }
            return -1;
        }
    }

    private Received get(String pathAndQuery, Duration readTimeout) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            socket.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            long firstByte = -1;
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean timedOut = false;
            for (int reads = 0; reads < 100_000; reads++) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    timedOut = true;
                    break;
                } catch (IOException e) {
                    break; // reset by the server
                }
                if (n < 0) {
                    break;
                }
                if (firstByte < 0) {
                    firstByte = (System.nanoTime() - start) / 1_000_000;
                }
                received.write(buffer, 0, n);
            }
            return new Received(received.toString(StandardCharsets.UTF_8), firstByte,
                    (System.nanoTime() - start) / 1_000_000, timedOut);
        }
    }

    @Test
    void aStallSendsHalfTheBodyThenNothingForItsDurationThenCloses() throws Exception {
        sim.injectFault("/stream", Fault.stall(Duration.ofMillis(700)));

        Received timedOut = get("/stream?lines=3000", Duration.ofMillis(300));
        assertThat(timedOut.timedOut).as("a client with a shorter read timeout sees an idle stall").isTrue();
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.contentLength()).isEqualTo(BODY_OF_3000.length());
        assertThat(timedOut.body()).hasSize(BODY_OF_3000.length() / 2);

        sim.injectFault("/stream", Fault.stall(Duration.ofMillis(400)));
        Received cut = get("/stream?lines=3000", Duration.ofSeconds(5));
        assertThat(cut.timedOut).isFalse();
        assertThat(cut.totalMillis).as("closed only after the stall").isGreaterThanOrEqualTo(350);
        assertThat(cut.body()).as("then the body is cut short").hasSize(BODY_OF_3000.length() / 2);

        assertThat(get("/stream?lines=3000", Duration.ofSeconds(5)).body()).isEqualTo(BODY_OF_3000);
    }

    @Test
    void aSlowAnswerIsCompleteAndNeverPausesLongerThanAQuarterOfItsDelay() throws Exception {
        sim.injectFault("/stream", Fault.slow(Duration.ofMillis(800)));

        Received slow = get("/stream?lines=3000", Duration.ofMillis(400));
        assertThat(slow.timedOut).isFalse();
        assertThat(slow.body()).isEqualTo(BODY_OF_3000);
        assertThat(slow.firstByteMillis).isGreaterThanOrEqualTo(150);
        assertThat(slow.totalMillis).isGreaterThanOrEqualTo(700);
    }

    @Test
    void stallAndSlowNeedAPositiveDuration() {
        assertThatThrownBy(() -> Fault.stall(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.slow(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.stall(Duration.ofMillis(5)).toString()).isEqualTo("Fault[STALL 5 ms]");
    }

    @Test
    void theSameSeedGivesTheSameFaultsForTheSameRequests() throws Exception {
        List<String> first = run(Chaos.builder().seed(42).rate(0.5).stall(Duration.ofMillis(50))
                .slow(Duration.ofMillis(40)).build());
        List<String> second = run(Chaos.builder().seed(42).rate(0.5).stall(Duration.ofMillis(50))
                .slow(Duration.ofMillis(40)).build());
        List<String> otherSeed = run(Chaos.builder().seed(43).rate(0.5).stall(Duration.ofMillis(50))
                .slow(Duration.ofMillis(40)).build());

        assertThat(first).hasSize(40).isEqualTo(second).isNotEqualTo(otherSeed);
        assertThat(first).as("some failed, some were answered").contains("200 whole", "200 cut");
    }

    /** Forty different requests in order; for each, the status and whether the body was whole. */
    private List<String> run(Chaos chaos) throws IOException {
        sim.chaos(chaos);
        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            Received r = get("/stream?lines=" + (100 + i), Duration.ofSeconds(5));
            String expected = lines(100 + i);
            outcomes.add(r.status() + (r.status() == 200 ? (r.body().equals(expected) ? " whole" : " cut") : ""));
        }
        return outcomes;
    }

    private static String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("line ").append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void oneRequestGetsAtMostMaxConsecutiveFaultsInARowAndEachKindIsCounted() throws Exception {
        sim.chaos(Chaos.builder().seed(7).rate(1.0).kinds(Chaos.Kind.SERVER_ERROR).maxConsecutive(2).build());

        assertThat(get("/whole", Duration.ofSeconds(5)).status()).isBetween(500, 504);
        assertThat(get("/whole", Duration.ofSeconds(5)).status()).isBetween(500, 504);
        Received third = get("/whole", Duration.ofSeconds(5));
        assertThat(third.status()).as("the third attempt of the same request gets through").isEqualTo(200);
        assertThat(third.body()).isEqualTo("hello anonymous");
        assertThat(get("/whole", Duration.ofSeconds(5)).status()).as("then the count starts again").isBetween(500, 504);
        assertThat(get("/whole?other", Duration.ofSeconds(5)).status()).as("another request has its own count")
                .isBetween(500, 504);

        assertThat(sim.chaosCount(Chaos.Kind.SERVER_ERROR)).isEqualTo(4);
        assertThat(sim.chaosLog()).hasSize(4).allMatch(line -> line.startsWith("SERVER_ERROR Fault[50"))
                .last().asString().endsWith(" GET /whole?other");
        assertThat(sim.chaosCounts()).containsEntry(Chaos.Kind.RESET, 0).hasSize(Chaos.Kind.values().length);
    }

    @Test
    void throttlesUseTheGivenAnswersAndPathFiltersLimitChaos() throws Exception {
        sim.chaos(Chaos.builder().rate(1.0).kinds(Chaos.Kind.THROTTLE)
                .throttle(Fault.status(503, Map.of("Retry-After", "0"), "rate limit exceeded"))
                .onlyPaths("/whole").exceptPaths("/whole/health").build());

        Received throttled = get("/whole", Duration.ofSeconds(5));
        assertThat(throttled.status()).isEqualTo(503);
        assertThat(throttled.text).containsIgnoringCase("Retry-After: 0").endsWith("rate limit exceeded");
        assertThat(get("/whole/health", Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThat(get("/stream", Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThat(sim.chaosCount(Chaos.Kind.THROTTLE)).isEqualTo(1);

        sim.stopChaos();
        assertThat(get("/whole", Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThat(sim.chaosCount(Chaos.Kind.THROTTLE)).as("counts survive stopChaos").isEqualTo(1);
    }

    @Test
    void theDefaultThrottleIsA429WithRetryAfterZeroAndResetsCloseWithoutAnswer() throws Exception {
        sim.chaos(Chaos.builder().rate(1.0).kinds(Chaos.Kind.THROTTLE).build());
        Received throttled = get("/whole", Duration.ofSeconds(5));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text).containsIgnoringCase("Retry-After: 0");

        sim.chaos(Chaos.builder().rate(1.0).kinds(Chaos.Kind.RESET).build());
        assertThat(get("/whole", Duration.ofSeconds(5)).text).isEmpty();
        assertThat(sim.chaosCounts()).containsEntry(Chaos.Kind.RESET, 1).containsEntry(Chaos.Kind.THROTTLE, 0);
    }

    @Test
    void aStallIsCountedAsSoonAsItStartsWhileTheClientStillWaits() throws Exception {
        sim.chaos(Chaos.builder().rate(1.0).kinds(Chaos.Kind.STALL).stall(Duration.ofSeconds(3)).build());
        Received stalled = get("/stream?lines=3000", Duration.ofMillis(300));
        assertThat(stalled.timedOut).isTrue();
        assertThat(sim.chaosCount(Chaos.Kind.STALL)).isEqualTo(1);
        assertThat(sim.chaosLog()).singleElement().asString().startsWith("STALL Fault[STALL 3000 ms] GET /stream");
    }

    @Test
    void aBodyFaultOnAnAnswerWithoutBodyLeavesItIntactAndIsNotCounted() throws Exception {
        sim.chaos(Chaos.builder().rate(1.0).kinds(Chaos.Kind.TRUNCATE).build());
        Received empty = get("/stream?lines=0", Duration.ofSeconds(5));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(sim.chaosCount(Chaos.Kind.TRUNCATE)).isZero();
    }

    @Test
    void theBuilderRefusesNonsense() {
        assertThatThrownBy(() -> Chaos.builder().rate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chaos.builder().kinds()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chaos.builder().maxConsecutive(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chaos.builder().serverErrors(404)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chaos.builder().throttle(Fault.reset())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Chaos.builder().build().kinds()).containsExactlyInAnyOrder(Chaos.Kind.values());
    }
}
