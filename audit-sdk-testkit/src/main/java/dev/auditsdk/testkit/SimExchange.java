package dev.auditsdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request being answered by a simulator: its parts, and the ways to answer it.
 * Applies a pending body fault ({@link Fault.Kind#TRUNCATE truncation}, {@link Fault.Kind#STALL
 * stall} or {@link Fault.Kind#SLOW slow answer}) to whatever answer is sent.
 */
public final class SimExchange {
    private final HttpExchange http;
    private final RecordedRequest request;
    private final Fault fault;
    private final Map<String, String> query;
    private final Runnable onFaultApplied;
    private volatile boolean faultApplied;

    /**
     * @param http the exchange
     * @param request the request as recorded
     * @param fault a fault to apply to the answer, or null
     * @param onFaultApplied run once when a body fault starts to change the answer (before a
     *     stall's pause, so that the fault is counted while the client still waits)
     */
    SimExchange(HttpExchange http, RecordedRequest request, Fault fault, Runnable onFaultApplied) {
        this.http = http;
        this.request = request;
        this.fault = fault;
        this.query = parseQuery(request.query());
        this.onFaultApplied = onFaultApplied;
    }

    /** @return the request as received */
    public RecordedRequest request() {
        return request;
    }

    /** @return the HTTP method */
    public String method() {
        return request.method();
    }

    /** @return the request path */
    public String path() {
        return request.path();
    }

    /**
     * @param name a query parameter name
     * @return its decoded value, if present
     */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * @param name a header name (any case)
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        return request.header(name);
    }

    /**
     * Decodes an HTTP Basic {@code Authorization} header.
     *
     * @return {@code [user, password]}, if a well-formed Basic header was sent
     */
    public Optional<String[]> basicCredentials() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> {
                    try {
                        return new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return "";
                    }
                })
                .filter(s -> s.indexOf(':') >= 0)
                .map(s -> new String[] {s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1)});
    }

    /**
     * Adds a response header; call before answering.
     *
     * @param name header name
     * @param value header value
     */
    public void setHeader(String name, String value) {
        http.getResponseHeaders().add(name, value);
    }

    /**
     * Answers with a whole body.
     *
     * @param status HTTP status
     * @param contentType the Content-Type
     * @param body the body text (UTF-8)
     * @throws IOException when the client went away
     */
    public void respond(int status, String contentType, String body) throws IOException {
        respond(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers with a whole body.
     *
     * @param status HTTP status
     * @param contentType the Content-Type
     * @param body the body bytes
     * @throws IOException when the client went away
     */
    public void respond(int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        Fault.Kind kind = fault == null ? null : fault.kind();
        if ((kind == Fault.Kind.TRUNCATE || kind == Fault.Kind.STALL) && body.length > 1) {
            // Promise the whole body, send half: the client sees a premature EOF (after a pause, for a stall).
            markFaultApplied();
            http.sendResponseHeaders(status, body.length);
            OutputStream out = http.getResponseBody();
            out.write(Arrays.copyOf(body, body.length / 2));
            out.flush();
            if (kind == Fault.Kind.STALL) {
                pause(fault.duration());
            }
            throw new TruncatedOnPurpose();
        }
        if (kind == Fault.Kind.SLOW) {
            markFaultApplied();
            respondSlowly(status, body, fault.duration().dividedBy(4));
            return;
        }
        if (body.length == 0) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private void respondSlowly(int status, byte[] body, Duration gap) throws IOException {
        pause(gap);
        if (body.length == 0) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            int parts = Math.min(4, body.length);
            int written = 0;
            for (int part = 1; part <= parts; part++) {
                int end = (int) ((long) body.length * part / parts);
                out.write(body, written, end - written);
                out.flush();
                written = end;
                if (part < parts) {
                    pause(gap);
                }
            }
        }
    }

    /**
     * Answers with a streamed (chunked) body, for large responses that must not be held in memory.
     * A pending body fault (truncation, stall, slow answer) is applied to the whole body, which is
     * then produced in memory first.
     *
     * @param status HTTP status
     * @param contentType the Content-Type
     * @param writer writes the body
     * @throws IOException when the client went away
     */
    public void respondStreaming(int status, String contentType, BodyWriter writer) throws IOException {
        if (fault != null && fault.kind() != Fault.Kind.STATUS && fault.kind() != Fault.Kind.RESET) {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            writer.write(buffer);
            respond(status, contentType, buffer.toByteArray());
            return;
        }
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, 0);
        OutputStream out = http.getResponseBody();
        try (OutputStream o = out) {
            // buffered for throughput; flushed here because writers must not close the stream
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(o, 64 * 1024) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            writer.write(buffered);
            buffered.flush();
        }
    }

    private void markFaultApplied() {
        if (!faultApplied) {
            faultApplied = true;
            onFaultApplied.run();
        }
    }

    /** @return whether a pending body fault changed the answer (false when, say, a truncation met an empty body) */
    boolean faultApplied() {
        return faultApplied;
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            // the simulator is closing: give up the answer
            Thread.currentThread().interrupt();
            throw new TruncatedOnPurpose();
        }
    }

    /** Writes a response body. */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * @param out where to write; do not close it
         * @throws IOException when the client went away
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Thrown to abandon an exchange without finishing its body; the server closes the
     * connection, so the client sees a truncated response. Not an error of the simulator.
     */
    static final class TruncatedOnPurpose extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedOnPurpose() {
            super("body truncated on purpose", null, false, false);
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
