package dev.auditsdk.cli;

import dev.auditsdk.core.http.HttpRequestInfo;
import dev.auditsdk.core.http.TransportListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the attempts and retries a source's transport makes, for progress and the demo. */
final class RequestStats implements TransportListener {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    @Override
    public void onRequest(HttpRequestInfo request, int attempt) {
        requests.incrementAndGet();
    }

    @Override
    public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
        retries.incrementAndGet();
    }

    long requests() {
        return requests.get();
    }

    long retries() {
        return retries.get();
    }
}
