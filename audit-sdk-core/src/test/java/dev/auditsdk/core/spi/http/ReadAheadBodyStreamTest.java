package dev.auditsdk.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The subscriber side, driven the way the JDK client drives it, and real bodies over loopback through the JDK client. */
class ReadAheadBodyStreamTest {

    /** What the client sees of the subscriber: how much it asked for, whether it cancelled. */
    static final class Subscription implements Flow.Subscription {
        final AtomicLong requested = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    private static List<ByteBuffer> list(String... parts) {
        return java.util.Arrays.stream(parts).map(p -> ByteBuffer.wrap(p.getBytes(StandardCharsets.UTF_8)))
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void asksForAFixedNumberOfListsAheadAndGivesDemandBackInHalfWindows() throws Exception {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        Subscription s = new Subscription();
        body.onSubscribe(s);
        assertThat(s.requested).hasValue(ReadAheadBodyStream.DEPTH);

        body.onNext(list("ab", "c"));
        body.onNext(list("de"));
        assertThat(body.read()).isEqualTo('a');
        byte[] buf = new byte[10];
        // what is already delivered is read in one call, across buffers and lists, without waiting
        assertThat(body.read(buf, 0, 10)).isEqualTo(4);
        assertThat(new String(buf, 0, 4, StandardCharsets.UTF_8)).isEqualTo("bcde");
        assertThat(s.requested).hasValue(ReadAheadBodyStream.DEPTH);
        int half = ReadAheadBodyStream.DEPTH / 2;
        for (int i = 2; i < half - 1; i++) {
            body.onNext(list("x"));
            assertThat(body.read()).isEqualTo('x');
        }
        assertThat(s.requested).hasValue(ReadAheadBodyStream.DEPTH);
        body.onNext(list("y"));
        assertThat(body.read()).isEqualTo('y');
        // never more outstanding than the window: delivered + requested-not-delivered <= DEPTH
        assertThat(s.requested).hasValue(ReadAheadBodyStream.DEPTH + half);
        body.onComplete();
        assertThat(body.read(buf, 0, 10)).isEqualTo(-1);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void readsEveryByteInOrderWhileTheClientDeliversFromAnotherThread() throws Exception {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        Subscription s = new Subscription();
        body.onSubscribe(s);
        int lists = 2_000;
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            long sent = 0;
            for (int i = 0; i < lists; i++) {
                // never more than asked for, as the client behaves
                while (sent >= s.requested.get()) {
                    Thread.onSpinWait();
                }
                body.onNext(list("<" + i + ">", "", "|"));
                sent++;
            }
            body.onComplete();
        });
        StringBuilder read = new StringBuilder();
        byte[] buf = new byte[7];
        for (int n; (n = body.read(buf, 0, buf.length)) >= 0;) {
            read.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        producer.get(10, TimeUnit.SECONDS);

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < lists; i++) {
            expected.append('<').append(i).append(">|");
        }
        assertThat(read.toString()).isEqualTo(expected.toString());
    }

    @Test
    void aFailureOfTheBodyFailsTheReadAfterTheBytesBeforeIt() throws Exception {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        body.onSubscribe(new Subscription());
        body.onNext(list("ok"));
        body.onError(new ConnectException("connection reset"));

        assertThat(body.read()).isEqualTo('o');
        assertThat(body.read()).isEqualTo('k');
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessageContaining("connection reset")
                .hasCauseInstanceOf(ConnectException.class);
        assertThatThrownBy(body::read).isInstanceOf(IOException.class);
    }

    @Test
    void closingFromAnotherThreadCancelsTheBodyAndFailsABlockedRead() throws Exception {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        Subscription s = new Subscription();
        body.onSubscribe(s);
        CompletableFuture<Object> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return body.read();
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(100);
        assertThat(reader).isNotDone();

        body.close();

        assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .extracting(e -> ((IOException) e).getMessage()).isEqualTo("closed");
        assertThat(s.cancelled).isTrue();
        body.onNext(list("late")); // ignored
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessage("closed");
        body.close(); // idempotent
    }

    @Test
    void anInterruptedReadFailsAndKeepsTheInterrupt() throws Exception {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        body.onSubscribe(new Subscription());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(body::read).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSecondSubscriptionIsCancelled() {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        Subscription first = new Subscription();
        Subscription second = new Subscription();
        body.onSubscribe(first);
        body.onSubscribe(second);

        assertThat(second.cancelled).isTrue();
        assertThat(second.requested).hasValue(0);
        assertThat(first.cancelled).isFalse();
    }

    @Test
    void aLargeBodyOverLoopbackArrivesByteForByteAndClosingEarlyDoesNotHang() throws Exception {
        byte[] payload = new byte[6 * 1024 * 1024 + 123];
        new java.util.Random(42).nextBytes(payload);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/body", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                for (int off = 0; off < payload.length; off += 50_000) {
                    out.write(payload, off, Math.min(50_000, payload.length - off));
                }
            } catch (IOException clientWentAway) {
                // the early-close read below stops reading
            }
        });
        server.start();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/body");
        try {
            java.net.http.HttpResponse<InputStream> whole = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    ReadAheadBodyStream.handler());
            byte[] read;
            try (InputStream in = whole.body()) {
                read = in.readAllBytes();
            }
            assertThat(java.security.MessageDigest.getInstance("SHA-256").digest(read))
                    .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(payload));

            java.net.http.HttpResponse<InputStream> part = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    ReadAheadBodyStream.handler());
            CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = part.body()) {
                    return in.readNBytes(100_000).length;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(100_000);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theBodyIsTheStreamItself() throws Exception {
        ReadAheadBodyStream body = new ReadAheadBodyStream();
        InputStream in = body.getBody().toCompletableFuture().get();
        assertThat(in).isSameAs(body);
        assertThat(in.read(new byte[0], 0, 0)).isZero();
        assertThatThrownBy(() -> in.read(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
