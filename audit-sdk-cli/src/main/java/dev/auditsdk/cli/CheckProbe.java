package dev.auditsdk.cli;

import dev.auditsdk.core.http.HttpRequestInfo;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.RetryAfter;
import dev.auditsdk.core.http.TransportListener;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code auditlog check} learns from the transport while it reads: whether any answer came
 * back (the vendor is reachable), what the request in flight was for (a failure during a login
 * is a failed sign-in), and how far the vendor's {@code Date} header is from this machine's clock.
 * Forwards every event to the command's request counter.
 */
final class CheckProbe implements TransportListener {
    private final TransportListener next;
    private final Clock clock;
    private volatile Operation lastOperation;
    private volatile URI firstAnswerFrom;
    private volatile int firstStatus;
    private volatile Duration firstElapsed;
    private volatile Duration skew;

    CheckProbe(TransportListener next, Clock clock) {
        this.next = next;
        this.clock = clock;
    }

    @Override
    public void onRequest(HttpRequestInfo request, int attempt) {
        lastOperation = request.operation();
        next.onRequest(request, attempt);
    }

    @Override
    public void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
        Instant received = clock.instant();
        if (firstAnswerFrom == null) {
            URI uri = request.uri();
            firstAnswerFrom = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
            firstStatus = status;
            firstElapsed = elapsed;
        }
        headers.firstValue("Date").flatMap(RetryAfter::httpDate).ifPresent(date -> skew = Duration.between(received, date));
        next.onResponse(request, status, headers, elapsed);
    }

    @Override
    public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
        next.onRetry(request, attempt, reason, delay);
    }

    /** @return true once the vendor answered anything, even an error */
    boolean answered() {
        return firstAnswerFrom != null;
    }

    /** @return e.g. {@code https://api.boomi.com answered HTTP 200 in 85 ms} */
    String firstAnswer() {
        return firstAnswerFrom + " answered HTTP " + firstStatus + " in " + firstElapsed.toMillis() + " ms";
    }

    /** @return true when the last request sent was a sign-in (token, session) */
    boolean failedDuringLogin() {
        return lastOperation == Operation.LOGIN;
    }

    /** @return the vendor's clock minus this machine's, from the last answer with a {@code Date} header */
    Optional<Duration> skew() {
        return Optional.ofNullable(skew);
    }
}
