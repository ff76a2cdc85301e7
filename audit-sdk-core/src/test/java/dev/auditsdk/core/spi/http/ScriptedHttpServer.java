package dev.auditsdk.core.spi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server that answers each request with the next scripted action, written
 * as raw bytes: so a test can send a body shorter than its {@code Content-Length}, stall in the
 * middle of a body, or send a well-formed answer. One request per connection (the server
 * closes after each answer). For transport tests only.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** Writes one answer. */
    interface Action {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    /** One request as received. */
    static final class Received {
        final String method;
        final String path;
        final List<String> headerLines;
        final byte[] body;

        Received(String method, String path, List<String> headerLines, byte[] body) {
            this.method = method;
            this.path = path;
            this.headerLines = headerLines;
            this.body = body;
        }

        boolean hasHeader(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix));
        }
    }

    private final ServerSocket socket;
    private final Deque<Action> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile Action fallback = ok("{}");

    ScriptedHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    synchronized ScriptedHttpServer then(Action action) {
        script.add(action);
        return this;
    }

    ScriptedHttpServer otherwise(Action action) {
        this.fallback = action;
        return this;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    static Action ok(String body) {
        return status(200, body);
    }

    static Action status(int status, String body) {
        return out -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(status, "Content-Length: " + b.length + "\r\nContent-Type: application/json"));
            out.write(b);
            out.flush();
        };
    }

    /** Announces the whole body, sends only its first {@code sent} bytes, then closes. */
    static Action truncated(String body, int sent) {
        return out -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(200, "Content-Length: " + b.length + "\r\nContent-Type: application/json"));
            out.write(b, 0, sent);
            out.flush();
        };
    }

    /** Announces {@code announced} body bytes of the given status, sends {@code prefix}, then says nothing for {@code stallMillis}. */
    static Action stall(int status, String prefix, int announced, long stallMillis) {
        return out -> {
            byte[] b = prefix.getBytes(StandardCharsets.UTF_8);
            out.write(head(status, "Content-Length: " + announced + "\r\nContent-Type: application/json"));
            out.write(b);
            out.flush();
            Thread.sleep(stallMillis);
        };
    }

    static Action redirect(int status, String location) {
        return out -> {
            out.write(head(status, "Location: " + location + "\r\nContent-Length: 0"));
            out.flush();
        };
    }

    static byte[] head(int status, String headers) {
        return ("HTTP/1.1 " + status + " Scripted\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s), "scripted-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (Socket conn = s) {
            conn.setSoTimeout(10_000);
            InputStream in = conn.getInputStream();
            Received r = readRequest(in);
            if (r == null) {
                return;
            }
            received.add(r);
            Action a;
            synchronized (this) {
                a = script.isEmpty() ? fallback : script.poll();
            }
            a.answer(conn.getOutputStream());
        } catch (IOException e) {
            // the client went away: nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Received readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while (matched < 4 && (c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        if (text.isBlank()) {
            return null;
        }
        String[] lines = text.split("\r\n");
        String[] first = lines[0].split(" ");
        List<String> headers = new ArrayList<>();
        int length = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            headers.add(lines[i]);
            if (lines[i].toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(lines[i].substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Received(first[0], first[1], headers, body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
