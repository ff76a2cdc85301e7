package dev.auditsdk.core.spi.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as an {@link InputStream} that lets the HTTP client read up to
 * {@value #DEPTH} buffer lists ahead of the caller.
 *
 * <p>The JDK's {@code BodySubscribers.ofInputStream()} asks for one list of buffers at a time
 * ("lock-step with the producer"): after every list (about 16 KB) the reading thread waits
 * until the client's selector thread has been scheduled, read the socket and handed the next
 * list over. On a busy machine those waits were a tenth to a fifth of the time to read a large
 * audit log. Here the client may run up to {@value #DEPTH} lists ahead, so the reader finds the
 * next bytes waiting; memory stays bounded at that many lists (about 256 KB with the client's
 * default 16 KB buffers) per open body.
 *
 * <p>One thread reads; {@link #close()} may come from any thread (the body-read watchdog) and
 * makes a blocked read fail. Closing before the end cancels the body, which closes the
 * connection, as with the JDK's stream.
 */
final class ReadAheadBodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    /** How many buffer lists the client may deliver before the reader takes them. */
    static final int DEPTH = 16;
    /** Marks the end of the body, a failure or closing; never a list the client delivers. */
    private static final List<ByteBuffer> END = Collections.unmodifiableList(new ArrayList<>(0));

    private final BlockingQueue<List<ByteBuffer>> lists = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;
    private volatile boolean closed;
    /** Reader-thread state: the list being read, its current buffer, whether END was taken. */
    private Iterator<ByteBuffer> list = Collections.emptyIterator();
    private ByteBuffer current;
    private boolean ended;
    /** Lists taken since demand was last given back. */
    private int takenSinceRequest;

    /** @return a handler that reads every body through a new stream */
    static HttpResponse.BodyHandler<InputStream> handler() {
        return info -> new ReadAheadBodyStream();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s, "subscription");
        if (subscription != null || closed) {
            s.cancel();
            return;
        }
        subscription = s;
        s.request(DEPTH);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        Objects.requireNonNull(item, "item");
        if (!closed) {
            lists.add(item);
        }
    }

    @Override
    public void onError(Throwable error) {
        failure = Objects.requireNonNull(error, "error");
        lists.add(END);
    }

    @Override
    public void onComplete() {
        lists.add(END);
    }

    @Override
    public int read() throws IOException {
        if (!next()) {
            return -1;
        }
        return current.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = 0;
        // take what is already here, without waiting for more
        do {
            int k = Math.min(len - n, current.remaining());
            current.get(b, off + n, k);
            n += k;
        } while (n < len && buffered());
        return n;
    }

    @Override
    public int available() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        return current == null ? 0 : current.remaining();
    }

    /** Whether bytes can be read without waiting; moves to them. */
    private boolean buffered() {
        while (!current.hasRemaining()) {
            if (list.hasNext()) {
                current = list.next();
                continue;
            }
            if (ended || closed) {
                return false;
            }
            List<ByteBuffer> waiting = lists.poll();
            if (waiting == null) {
                return false;
            }
            if (waiting == END) {
                ended = true;
                return false;
            }
            takeList(waiting);
        }
        return true;
    }

    /** Moves to the next unread bytes, waiting for them; false at the end of the body. */
    private boolean next() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (closed) {
                throw new IOException("closed");
            }
            if (list.hasNext()) {
                current = list.next();
                continue;
            }
            if (ended) {
                return endOfBody();
            }
            List<ByteBuffer> taken;
            try {
                taken = lists.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the response body");
            }
            if (taken == END) {
                ended = true;
            } else {
                takeList(taken);
            }
        }
        return true;
    }

    private void takeList(List<ByteBuffer> taken) {
        list = taken.iterator();
        // demand goes back in batches of half the window: each request wakes the client's
        // selector, which a request per list made a measurable share of reading
        if (++takenSinceRequest >= DEPTH / 2) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(takenSinceRequest);
            }
            takenSinceRequest = 0;
        }
    }

    private boolean endOfBody() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        Throwable error = failure;
        if (error != null) {
            throw error instanceof IOException ? new IOException(error.getMessage(), error)
                    : new IOException("the response body failed: " + error, error);
        }
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        subscription = null;
        try {
            if (s != null) {
                s.cancel();
            }
        } finally {
            lists.clear();
            lists.add(END); // wakes a read blocked in take()
        }
    }
}
