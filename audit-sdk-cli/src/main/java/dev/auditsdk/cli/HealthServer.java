package dev.auditsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.registry.VendorSettingException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP endpoint of {@code tail --http-port}, on the JDK's built-in server: {@code GET /health}
 * (per stream {@code healthy}, {@code degraded} or {@code failed} with the last error and the lag;
 * HTTP 200 when no stream has failed, else 503) and, when metrics are on, {@code GET /metrics}
 * (Prometheus text format).
 */
final class HealthServer implements AutoCloseable {
    /** The content type of the Prometheus text format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param host the address to listen on (loopback unless the user asks otherwise)
     * @param port the port; 0 for any free one
     * @param streams the streams {@code /health} reports
     * @param metrics renders {@code /metrics}, or null when there are no metrics
     * @return the running server, to be closed
     * @throws VendorSettingException when the address cannot be listened on
     */
    static HealthServer start(String host, int port, List<StreamHealth> streams, Supplier<String> metrics) {
        Objects.requireNonNull(streams, "streams");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException | IllegalArgumentException e) {
            throw new VendorSettingException("--http-host " + host + " --http-port " + port + ": cannot listen there: "
                    + e.getMessage());
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "auditlog-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                String path = exchange.getRequestURI().getPath();
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
                } else if (path.equals("/health")) {
                    boolean failed = streams.stream().anyMatch(s -> s.status() == StreamHealth.Status.FAILED);
                    send(exchange, failed ? 503 : 200, "application/json", health(streams));
                } else if (path.equals("/metrics") && metrics != null) {
                    send(exchange, 200, PROMETHEUS_TEXT, metrics.get());
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found; try /health"
                            + (metrics == null ? "" : " or /metrics") + "\n");
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
        return new HealthServer(server, executor);
    }

    /** @return the port the server listens on */
    int port() {
        return server.getAddress().getPort();
    }

    /** @return the address the server listens on, for the user */
    String address() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** @return the {@code /health} document */
    static String health(List<StreamHealth> streams) {
        ObjectNode doc = Json.mapper().createObjectNode();
        StreamHealth.Status overall = StreamHealth.Status.HEALTHY;
        ArrayNode list = Json.mapper().createArrayNode();
        for (StreamHealth s : streams) {
            StreamHealth.Status status = s.status();
            if (status.compareTo(overall) > 0) {
                overall = status;
            }
            ObjectNode o = list.addObject().put("stream", s.stream()).put("vendor", s.vendor()).put("status", status.label());
            s.lag().ifPresent(lag -> o.put("lagSeconds", lag.toMillis() / 1000.0));
            s.watermark().ifPresent(w -> o.put("watermark", w.toString()));
            o.put("entries", s.entries());
            s.lastError().ifPresent(e -> o.put("lastError", e));
        }
        doc.put("status", overall.label());
        doc.set("streams", list);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render /health", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
