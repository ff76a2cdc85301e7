package dev.auditsdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common shape of every vendor simulator: an HTTP server on a free loopback port that
 * records requests, adds latency, injects faults (queued one by one, or at random with a seeded
 * {@link Chaos} mode) and lets tests act before each request (for example to append entries
 * while a client is reading).
 *
 * <p>Subclasses implement {@link #handle(SimExchange)}; everything cross-cutting lives here.
 * A simulator is started with {@link #start()} and stopped with {@link #close()}.
 */
public abstract class SimulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final int MAX_RECORDED = 10_000;

    private final String vendor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, Deque<Fault>> faults = new LinkedHashMap<>();
    private final List<Consumer<RecordedRequest>> beforeRequest = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile ChaosRun chaos;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param vendor the vendor name this simulator stands for, e.g. {@code "lifecycle"}
     */
    protected SimulatorServer(String vendor) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
    }

    /** @return the vendor this simulator stands for */
    public final String vendor() {
        return vendor;
    }

    /**
     * Starts the server on a free port of the loopback interface. Calling it twice is a no-op.
     *
     * @return this simulator
     */
    public synchronized SimulatorServer start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port for the " + vendor + " simulator", e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, vendor + "-simulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        LOG.debug("{} simulator listening on {}", vendor, baseUrl());
        return this;
    }

    /**
     * @return the base URL clients should use, e.g. {@code http://127.0.0.1:54321}
     * @throws IllegalStateException if the simulator is not started
     */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** @return the bound port */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(vendor + " simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /**
     * Delays every answer by the given time (models a slow or distant server).
     *
     * @param latency the delay before each answer; zero for none
     */
    public void setLatency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /**
     * Queues a fault for the next request whose path starts with {@code pathPrefix}.
     * Faults for one prefix are consumed in order, one per request.
     *
     * @param pathPrefix path prefix a request must have, e.g. {@code "/api/v2/auditLogs"}; {@code "/"} for any
     * @param fault the failure to produce
     */
    public void injectFault(String pathPrefix, Fault fault) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(fault, "fault");
        synchronized (faults) {
            faults.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).add(fault);
        }
    }

    /**
     * Turns on a seeded random fault mode: from now on each request that {@code chaos} selects
     * fails with its probability, with a fault of one of its kinds, never more than
     * {@link Chaos#maxConsecutive()} times in a row for the same request. Faults queued with
     * {@link #injectFault} still come first. Replaces any earlier chaos mode and its counts.
     *
     * @param chaos the fault mode
     */
    public void chaos(Chaos chaos) {
        this.chaos = new ChaosRun(Objects.requireNonNull(chaos, "chaos"));
    }

    /** Turns the chaos mode off; its counts stay readable until the next {@link #chaos(Chaos)}. */
    public void stopChaos() {
        ChaosRun run = chaos;
        if (run != null) {
            run.stop();
        }
    }

    /**
     * @return how many faults of each kind the chaos mode injected (every kind present, zero
     *     when none); a body fault that met an answer without a body is not counted
     */
    public Map<Chaos.Kind, Integer> chaosCounts() {
        ChaosRun run = chaos;
        if (run == null) {
            Map<Chaos.Kind, Integer> none = new java.util.EnumMap<>(Chaos.Kind.class);
            for (Chaos.Kind k : Chaos.Kind.values()) {
                none.put(k, 0);
            }
            return none;
        }
        return run.counts();
    }

    /**
     * @return the faults the chaos mode injected, oldest first (the latest 1,000), each as
     *     {@code KIND Fault[...] METHOD /path?query}, to tell what a failing client met last
     */
    public List<String> chaosLog() {
        ChaosRun run = chaos;
        return run == null ? List.of() : run.log();
    }

    /**
     * @param kind a kind of fault
     * @return how many faults of that kind the chaos mode injected
     */
    public int chaosCount(Chaos.Kind kind) {
        return chaosCounts().get(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * Registers an action run before each request is answered, e.g. appending entries to
     * model a log that grows while a client reads it.
     *
     * @param action receives the request about to be handled
     */
    public void beforeEachRequest(Consumer<RecordedRequest> action) {
        beforeRequest.add(Objects.requireNonNull(action, "action"));
    }

    /** @return how many requests were received since start or the last {@link #resetStatistics()} */
    public int requestCount() {
        return requestCount.get();
    }

    /**
     * @param pathPrefix a path prefix
     * @return how many recorded requests had a path starting with the prefix
     */
    public long requestCount(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }

    /**
     * The most requests this simulator held at the same moment between their receipt and the start
     * of their answer (the {@linkplain #setLatency latency} included): how many requests a client
     * really has in flight at once. A client that sends its next request only after it has an
     * answer counts 1, however soon it sends it.
     *
     * @return the peak since start or the last {@link #resetStatistics()}
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** @return the requests received so far (the latest 10,000), oldest first */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** Forgets recorded requests and counts (not data, not queued faults). */
    public void resetStatistics() {
        requests.clear();
        requestCount.set(0);
        maxInFlight.set(inFlight.get());
    }

    /** Stops the server; in-flight exchanges are abandoned. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /**
     * Answers one request. Called on a server thread; must be thread-safe.
     *
     * @param exchange the request and the means to answer it
     * @throws IOException when writing the answer fails
     */
    protected abstract void handle(SimExchange exchange) throws IOException;

    private void dispatch(HttpExchange http) throws IOException {
        ChaosOutcome chaosOutcome = ChaosOutcome.NONE;
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean waiting = true;
        try (InputStream in = http.getRequestBody()) {
            byte[] body = in.readAllBytes();
            URI uri = http.getRequestURI();
            RecordedRequest recorded = new RecordedRequest(http.getRequestMethod(), uri.getPath(),
                    uri.getRawQuery(), new LinkedHashMap<>(http.getRequestHeaders()), body);
            requestCount.incrementAndGet();
            if (requests.size() < MAX_RECORDED) {
                requests.add(recorded);
            }
            for (Consumer<RecordedRequest> action : beforeRequest) {
                action.accept(recorded);
            }
            sleep(latency);
            waiting = false;
            inFlight.decrementAndGet();
            Fault fault = nextFault(recorded.path());
            ChaosRun run = chaos;
            if (fault == null && run != null) {
                ChaosRun.Draw drawn = run.draw(recorded);
                if (drawn != null) {
                    chaosOutcome = new ChaosOutcome(run, drawn);
                    fault = drawn.fault;
                }
            }
            ChaosOutcome outcome = chaosOutcome;
            SimExchange exchange = new SimExchange(http, recorded, fault, () -> outcome.settle(true));
            if (fault != null && fault.kind() == Fault.Kind.RESET) {
                LOG.debug("{} simulator: resetting connection for {}", vendor, recorded);
                outcome.settle(true);
                http.close();
                return;
            }
            if (fault != null && fault.kind() == Fault.Kind.STATUS) {
                LOG.debug("{} simulator: injecting {} for {}", vendor, fault, recorded);
                outcome.settle(true);
                fault.headers().forEach((k, v) -> http.getResponseHeaders().add(k, v));
                exchange.respond(fault.status(), "text/plain", fault.body());
                return;
            }
            if (fault != null) {
                LOG.debug("{} simulator: injecting {} into the answer to {}", vendor, fault, recorded);
            }
            handle(exchange);
        } catch (SimExchange.TruncatedOnPurpose e) {
            LOG.debug("{} simulator: truncated a response body on purpose", vendor);
        } catch (RuntimeException e) {
            LOG.warn("{} simulator failed on a request", vendor, e);
            try {
                byte[] msg = ("simulator error: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                http.sendResponseHeaders(500, msg.length);
                http.getResponseBody().write(msg);
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent; the connection is closed below
            }
        } finally {
            // a body fault that found no body to act on left the answer intact
            chaosOutcome.settle(false);
            http.close();
            if (waiting) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Reports a chaos draw's outcome to its run exactly once: applied when it changed the answer. */
    private static final class ChaosOutcome {
        static final ChaosOutcome NONE = new ChaosOutcome(null, null);
        private final ChaosRun run;
        private final ChaosRun.Draw draw;
        private final java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();

        ChaosOutcome(ChaosRun run, ChaosRun.Draw draw) {
            this.run = run;
            this.draw = draw;
        }

        void settle(boolean applied) {
            if (run != null && settled.compareAndSet(false, true)) {
                run.settle(draw, applied);
            }
        }
    }

    private Fault nextFault(String path) {
        synchronized (faults) {
            for (Map.Entry<String, Deque<Fault>> e : faults.entrySet()) {
                if (path.startsWith(e.getKey()) && !e.getValue().isEmpty()) {
                    return e.getValue().poll();
                }
            }
        }
        return null;
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
