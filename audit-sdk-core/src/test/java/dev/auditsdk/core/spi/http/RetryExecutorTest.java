package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.http.HttpRequestInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.core.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.http.TransportListener;

/** The retry loop on its own: each attempt answers a scripted status or failure, no network. */
class RetryExecutorTest {
    private static final URI URL = URI.create("https://api.example.com/v1/logs");
    private static final HttpRequestSpec GET = HttpRequestSpec.get(URL).query("page", 2).build();
    private static final HttpRequestSpec POST = HttpRequestSpec.post(URL).build();

    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).jitter(0).maxRetryAfter(Duration.ofMillis(40))
            .overallDeadline(Duration.ofSeconds(20)).build();

    private final List<String> retries = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    private final TransportListener listener = new TransportListener() {
        @Override
        public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
            retries.add(attempt + ": " + reason);
            delays.add(delay);
        }
    };

    private RetryExecutor executor(RetryPolicy policy, ThrottlePolicy throttle) {
        return new RetryExecutor("acme", policy, Clock.systemUTC(), listener, throttle, null);
    }

    private static HttpTransport.Exchange answer(HttpRequestSpec spec, int status, Map<String, String> headers,
            String body) {
        HttpHeaders h = HttpHeaders.of(headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(spec.uri()).build();
            }

            @Override
            public Optional<HttpResponse<InputStream>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return h;
            }

            @Override
            public InputStream body() {
                return in;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return spec.uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
        return HttpTransport.Exchange.of(spec, spec.uri(), response, in, ReadLimits.defaults());
    }

    private static HttpTransport.Exchange answer(HttpRequestSpec spec, int status) {
        return answer(spec, status, Map.of(), "");
    }

    @Test
    void aRetryableStatusOfAGetIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, ThrottlePolicy.standard())
                .execute(GET, n -> answer(GET, calls.incrementAndGet() < 3 ? 503 : 200));
        assertThat(result.status).isEqualTo(200);
        assertThat(calls).hasValue(3);
        assertThat(retries).containsExactly("1: HTTP 503", "2: HTTP 503");
    }

    @Test
    void whenRetriesRunOutTheLastAnswerIsReturnedForTheErrorDecoder() {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, ThrottlePolicy.standard())
                .execute(GET, n -> answer(GET, 501 + calls.incrementAndGet()));
        assertThat(calls).hasValue(3);
        assertThat(result.status).isEqualTo(504);
        assertThat(retries).containsExactly("1: HTTP 502", "2: HTTP 503");
    }

    @Test
    void aRetryableStatusOfAPostIsNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, ThrottlePolicy.standard())
                .execute(POST, n -> answer(POST, calls.incrementAndGet() == 1 ? 503 : 200));
        assertThat(result.status).isEqualTo(503);
        assertThat(calls).hasValue(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void aNonRetryableStatusIsReturnedAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, ThrottlePolicy.standard())
                .execute(GET, n -> answer(GET, 404 + 0 * calls.incrementAndGet()));
        assertThat(result.status).isEqualTo(404);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aThrottledPostIsRetriedAndARetryAfterBeyondTheMaximumIsClamped() {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, ThrottlePolicy.standard()).execute(POST,
                n -> calls.incrementAndGet() == 1 ? answer(POST, 429, Map.of("Retry-After", "3600"), "") : answer(POST, 201));
        assertThat(result.status).isEqualTo(201);
        assertThat(delays).containsExactly(Duration.ofMillis(40));
    }

    @Test
    void aShortRetryAfterIsWaitedExactlyWithoutJitter() {
        RetryPolicy jittery = FAST.toBuilder().jitter(0.9).maxRetryAfter(Duration.ofSeconds(5)).build();
        AtomicInteger calls = new AtomicInteger();
        executor(jittery, ThrottlePolicy.standard()).execute(GET,
                n -> calls.incrementAndGet() == 1 ? answer(GET, 429, Map.of("Retry-After", "0"), "") : answer(GET, 200));
        assertThat(delays).containsExactly(Duration.ZERO);
    }

    @Test
    void aVendorThrottleStatusIsReadFromThePolicyAndItsBodyWait() {
        ThrottlePolicy vendor = ThrottlePolicy.statuses(Set.of(429, 503)).withRetryAfterFromBody((status, body) ->
                body.startsWith("wait ") ? Optional.of(Duration.ofMillis(Long.parseLong(body.substring(5).trim())))
                        : Optional.empty());
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, vendor).execute(POST,
                n -> calls.incrementAndGet() == 1 ? answer(POST, 503, Map.of(), "wait 7") : answer(POST, 200));
        assertThat(result.status).isEqualTo(200);
        assertThat(delays).containsExactly(Duration.ofMillis(7));
    }

    @Test
    void aThrottlePolicyWhoseBodyReaderAnswersNullIsReportedAsSuch() {
        ThrottlePolicy broken = new ThrottlePolicy() {
            @Override
            public boolean isThrottle(int status, HttpHeaders headers) {
                return status == 429;
            }

            @Override
            public Optional<Duration> retryAfterFromBody(int status, String bodyExcerpt) {
                return null;
            }
        };
        RetryExecutor executor = executor(FAST, broken);
        assertThatThrownBy(() -> executor.retryAfter(answer(GET, 429, Map.of(), "slow down")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ThrottlePolicy.retryAfterFromBody returned null");
        // with a header or no body, the reader is not asked
        assertThat(executor.retryAfter(answer(GET, 429, Map.of("Retry-After", "2"), "slow down")))
                .contains(Duration.ofSeconds(2));
        assertThat(executor.retryAfter(answer(GET, 429))).isEmpty();
    }

    @Test
    void anIoErrorOfAGetIsRetriedThenReportedNamingRequestAndCause() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> executor(FAST, ThrottlePolicy.standard()).execute(GET, n -> {
            calls.incrementAndGet();
            throw new IOException("Connection reset");
        })).isInstanceOf(AuditTransportException.class)
                .hasMessage("acme: GET https://api.example.com/v1/logs failed (after retries): "
                        + "java.io.IOException: Connection reset")
                .hasCauseInstanceOf(IOException.class);
        assertThat(calls).hasValue(3);
        assertThat(retries).containsExactly("1: java.io.IOException: Connection reset",
                "2: java.io.IOException: Connection reset");
    }

    @Test
    void anIoErrorOfAPostIsNotRepeatedAndTheMessageSaysWhy() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> executor(FAST, ThrottlePolicy.standard()).execute(POST, n -> {
            calls.incrementAndGet();
            throw new IOException("Connection reset");
        })).isInstanceOf(AuditTransportException.class)
                .hasMessage("acme: POST https://api.example.com/v1/logs failed (not retried: POST is not retry-safe): "
                        + "java.io.IOException: Connection reset");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aConnectionNeverMadeIsRetriedWhateverTheMethod() {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport.Exchange result = executor(FAST, ThrottlePolicy.standard()).execute(POST, n -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConnectException("Connection refused");
            }
            return answer(POST, 200);
        });
        assertThat(result.status).isEqualTo(200);
        assertThatThrownBy(() -> executor(FAST, ThrottlePolicy.standard()).execute(POST, n -> {
            throw new ConnectException("Connection refused");
        })).hasMessageContaining("failed (after retries): java.net.ConnectException: Connection refused");
    }

    @Test
    void withASingleAttemptTheMessageClaimsNoRetries() {
        RetryPolicy once = FAST.toBuilder().maxAttempts(1).build();
        assertThatThrownBy(() -> executor(once, ThrottlePolicy.standard()).execute(GET, n -> {
            throw new IOException("boom");
        })).hasMessage("acme: GET https://api.example.com/v1/logs failed: java.io.IOException: boom");
    }

    @Test
    void ioErrorsAreNotRetriedWhenThePolicySaysNo() {
        RetryPolicy noIo = FAST.toBuilder().retryOnIoErrors(false).build();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> executor(noIo, ThrottlePolicy.standard()).execute(GET, n -> {
            calls.incrementAndGet();
            throw new IOException("boom");
        })).isInstanceOf(AuditTransportException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBodyFailureCarryingATransportErrorIsReportedWithThatErrorsMessage() {
        BodyReadException timeout = new BodyReadException("reading the response of GET x timed out: no data for 5 ms", null);
        assertThatThrownBy(() -> executor(FAST, ThrottlePolicy.standard()).execute(GET, n -> {
            throw new HttpTransport.RetryableBodyFailure(timeout.getMessage(), timeout);
        })).isInstanceOf(AuditTransportException.class)
                .hasMessage("acme: GET https://api.example.com/v1/logs failed (after retries): "
                        + "reading the response of GET x timed out: no data for 5 ms")
                .hasCause(timeout);
    }

    @Test
    void aTransportErrorThrownByAnAttemptIsNeitherRetriedNorWrapped() {
        AuditTransportException own = new AuditTransportException("refused: plain http", null);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> executor(FAST, ThrottlePolicy.standard()).execute(GET, n -> {
            calls.incrementAndGet();
            throw own;
        })).isSameAs(own);
        assertThat(calls).hasValue(1);
    }

    @Test
    void noRetryStartsAfterTheOverallDeadline() {
        RetryPolicy deadline = RetryPolicy.builder().maxAttempts(1000).backoff(Duration.ofMillis(50), Duration.ofMillis(50))
                .jitter(0).overallDeadline(Duration.ofMillis(300)).build();
        java.util.List<Long> startedAtMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        HttpTransport.Exchange result = executor(deadline, ThrottlePolicy.standard()).execute(GET, n -> {
            startedAtMillis.add((System.nanoTime() - start) / 1_000_000);
            return answer(GET, 503);
        });
        assertThat(result.status).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(startedAtMillis).as("retried, and no attempt started after the 300 ms deadline (plus scheduling slack)")
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> assertThat(t).isLessThan(300L + 250L));
    }

    @Test
    void clampNeverWaitsLessThanZeroNorMoreThanTheMaximum() {
        RetryExecutor executor = executor(FAST, ThrottlePolicy.standard());
        assertThat(executor.clamp(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
        assertThat(executor.clamp(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(10));
        assertThat(executor.clamp(Duration.ofHours(1))).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void anHttpDateRetryAfterIsReadAgainstTheExecutorsClock() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        RetryExecutor executor = new RetryExecutor("acme", FAST, Clock.fixed(now, ZoneOffset.UTC), listener,
                ThrottlePolicy.standard(), null);
        assertThat(executor.retryAfter(answer(GET, 429, Map.of("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT"), "")))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void aRateLimitIsSharedByExecutorsOfOneDomainOnly() {
        RetryPolicy limited = FAST.toBuilder().rateLimitPerSecond(5).build();
        RateLimitRegistry registry = new RateLimitRegistry();
        RetryExecutor a = new RetryExecutor("acme", limited, Clock.systemUTC(), listener, ThrottlePolicy.standard(),
                new RetryExecutor.SharedRateLimit(registry, "tenant-1"));
        RetryExecutor b = new RetryExecutor("acme", limited, Clock.systemUTC(), listener, ThrottlePolicy.standard(),
                new RetryExecutor.SharedRateLimit(registry, "tenant-1"));
        RetryExecutor c = new RetryExecutor("acme", limited, Clock.systemUTC(), listener, ThrottlePolicy.standard(),
                new RetryExecutor.SharedRateLimit(registry, "tenant-2"));
        RetryExecutor alone = new RetryExecutor("acme", limited, Clock.systemUTC(), listener, ThrottlePolicy.standard(), null);
        assertThat(a.rateLimiter()).isPresent();
        assertThat(a.rateLimiter().get()).isSameAs(b.rateLimiter().get()).isNotSameAs(c.rateLimiter().get())
                .isNotSameAs(alone.rateLimiter().get());
        assertThat(executor(FAST, ThrottlePolicy.standard()).rateLimiter()).isEmpty();
        assertThatThrownBy(() -> new RetryExecutor.SharedRateLimit(registry, null)).hasMessage("domain");
    }

    @Test
    void theRateLimitSpacesAttempts() {
        RetryPolicy limited = FAST.toBuilder().rateLimitPerSecond(10).build();
        RetryExecutor executor = executor(limited, ThrottlePolicy.standard());
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            executor.execute(GET, n -> answer(GET, 200));
        }
        // four permits at ten per second: at least three gaps of about 100 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
}
