package dev.auditsdk.core.testing;

import dev.auditsdk.core.AuditLogListener;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Records the events an {@link AuditLogListener} receives, in order, as short lines
 * ({@code response 200}, {@code no-response}, {@code retry 1}, {@code throttle 429},
 * {@code login true}, {@code page}, {@code entry <time>}, {@code watermark <time>},
 * {@code failure <class>}); bytes are summed, not listed.
 */
public final class RecordingAuditLogListener implements AuditLogListener {
    private final List<String> events = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();

    /** @return every event so far, in order (bytes left out) */
    public synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    /**
     * @param prefix the start of the lines wanted, e.g. {@code "watermark"}
     * @return the events starting with it, in order
     */
    public synchronized List<String> events(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).collect(Collectors.toList());
    }

    /** @return the sum of the bytes reported */
    public long bytes() {
        return bytes.get();
    }

    private synchronized void add(String event) {
        events.add(event);
    }

    @Override
    public void onResponse(int status) {
        add("response " + status);
    }

    @Override
    public void onNoResponse(IOException error) {
        add("no-response");
    }

    @Override
    public void onRetry(int attempt, Duration delay) {
        add("retry " + attempt);
    }

    @Override
    public void onThrottle(int status) {
        add("throttle " + status);
    }

    @Override
    public void onLogin(boolean succeeded) {
        add("login " + succeeded);
    }

    @Override
    public void onBytesRead(long count) {
        bytes.addAndGet(count);
    }

    @Override
    public void onPage() {
        add("page");
    }

    @Override
    public void onEntryDelivered(Instant timestamp) {
        add("entry " + timestamp);
    }

    @Override
    public void onWatermark(Instant watermark) {
        add("watermark " + watermark);
    }

    @Override
    public void onFailure(RuntimeException error) {
        add("failure " + error.getClass().getSimpleName());
    }
}
