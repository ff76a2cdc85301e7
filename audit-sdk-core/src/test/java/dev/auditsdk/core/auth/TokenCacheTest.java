package dev.auditsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger logins = new AtomicInteger();

    /** Each login returns a new token that expires {@link #LIFETIME} after the clock's now. */
    private final Supplier<AccessToken> login = () -> AccessToken.of(
            Secret.of("token-" + logins.incrementAndGet()), clock.instant().plus(LIFETIME));

    private TokenCache<AccessToken> cache(Supplier<AccessToken> fetcher) {
        return TokenCache.of(fetcher, AccessToken::expiresAt, REFRESH_AHEAD, clock);
    }

    @Test
    void fiftyThreadsAskingAtOnceCauseExactlyOneLogin() throws Exception {
        TokenCache<AccessToken> cache = cache(() -> {
            sleep(50); // widen the window in which the threads overlap
            return login.get();
        });

        List<AccessToken> tokens = Race.run(50, cache::get);

        assertThat(logins).hasValue(1);
        assertThat(tokens).hasSize(50).allSatisfy(token -> assertThat(token).isSameAs(tokens.get(0)));
    }

    @Test
    void cachedTokenIsReusedUntilItIsWithinTheRefreshAheadMargin() {
        TokenCache<AccessToken> cache = cache(login);
        AccessToken first = cache.get();

        clock.advance(Duration.ofMinutes(8).plusSeconds(59));
        assertThat(cache.get()).isSameAs(first);

        clock.advance(Duration.ofSeconds(1)); // 9 minutes: one minute before expiry
        AccessToken second = cache.get();

        assertThat(second).isNotSameAs(first);
        assertThat(second.value().reveal()).isEqualTo("token-2");
        assertThat(logins).hasValue(2);
    }

    @Test
    void expiredTokenIsReplaced() {
        TokenCache<AccessToken> cache = cache(login);
        AccessToken first = cache.get();

        clock.advance(Duration.ofHours(1));

        assertThat(cache.get()).isNotSameAs(first);
        assertThat(logins).hasValue(2);
    }

    @Test
    void tokenShorterLivedThanTheMarginIsUsedForHalfItsLifetime() {
        TokenCache<AccessToken> cache = cache(() -> AccessToken.of(
                Secret.of("short-" + logins.incrementAndGet()), clock.instant().plusSeconds(30)));
        AccessToken first = cache.get();

        clock.advance(Duration.ofSeconds(14));
        assertThat(cache.get()).isSameAs(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get()).isNotSameAs(first);
        assertThat(logins).hasValue(2);
    }

    @Test
    void tokenWithoutExpiryIsKeptUntilRejected() {
        TokenCache<AccessToken> cache = cache(() -> AccessToken.of(Secret.of("session-" + logins.incrementAndGet())));
        AccessToken first = cache.get();

        clock.advance(Duration.ofDays(30));

        assertThat(cache.get()).isSameAs(first);
        assertThat(cache.refreshAfterRejection(first)).isNotSameAs(first);
        assertThat(logins).hasValue(2);
    }

    @Test
    void twentyThreadsReportingTheSameRejectedTokenCauseOneRefresh() throws Exception {
        TokenCache<AccessToken> cache = cache(() -> {
            sleep(20);
            return login.get();
        });
        AccessToken rejected = cache.get();

        List<AccessToken> fresh = Race.run(20, () -> cache.refreshAfterRejection(rejected));

        assertThat(logins).hasValue(2);
        assertThat(fresh).allSatisfy(token -> assertThat(token).isSameAs(fresh.get(0)).isNotSameAs(rejected));
        assertThat(cache.get()).isSameAs(fresh.get(0));
    }

    @Test
    void rejectionOfAnOlderTokenDoesNotLogInAgain() {
        TokenCache<AccessToken> cache = cache(login);
        AccessToken old = cache.get();
        AccessToken current = cache.refreshAfterRejection(old);

        assertThat(cache.refreshAfterRejection(old)).isSameAs(current);
        assertThat(logins).hasValue(2);
    }

    @Test
    void rejectionIsMatchedByIdentityNotByEqualValue() {
        TokenCache<AccessToken> cache = cache(() -> {
            logins.incrementAndGet();
            return AccessToken.of(Secret.of("same-value"));
        });
        AccessToken first = cache.get();
        AccessToken second = cache.refreshAfterRejection(first);

        // equal to the new session's token, but not it: an old request's rejection
        assertThat(cache.refreshAfterRejection(first)).isSameAs(second);
        assertThat(logins).hasValue(2);
    }

    @Test
    void failedLoginReachesEveryWaitingCallerAndTheNextGetTriesAgain() throws Exception {
        AuditAuthenticationException refused = new AuditAuthenticationException("Login refused", 401, null, null, null);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean fail = new AtomicBoolean(true);
        TokenCache<AccessToken> cache = cache(() -> {
            if (fail.get()) {
                logins.incrementAndGet();
                await(release);
                throw refused;
            }
            return login.get();
        });
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread thread = new Thread(() -> {
                try {
                    cache.get();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }

        awaitAllParkedInTheCache(threads); // one in the login, nine waiting for it
        release.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }

        assertThat(logins).hasValue(1);
        assertThat(failures).hasSize(10).allSatisfy(failure -> assertThat(failure).isSameAs(refused));
        assertThat(cache.peek()).isEmpty();

        fail.set(false);
        assertThat(cache.get().value().reveal()).isEqualTo("token-2");
    }

    @Test
    void failureIsNotRememberedAndNeverRetriedInsideTheCache() {
        AtomicInteger attempts = new AtomicInteger();
        TokenCache<AccessToken> cache = cache(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new AuditAuthenticationException("Login refused", 401, null, null, null);
            }
            return login.get();
        });

        assertThatThrownBy(cache::get).isInstanceOf(AuditAuthenticationException.class);
        assertThat(attempts).hasValue(1);

        assertThat(cache.get().value().reveal()).isEqualTo("token-1");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void nullFromTheFetcherIsAnErrorAndDoesNotBlockTheNextAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        TokenCache<AccessToken> cache = cache(() -> attempts.incrementAndGet() == 1 ? null : login.get());

        assertThatThrownBy(cache::get).isInstanceOf(NullPointerException.class)
                .hasMessage("token fetcher returned null");
        assertThat(cache.get()).isNotNull();
    }

    @Test
    void interruptedWaiterStopsWaitingAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TokenCache<AccessToken> cache = cache(() -> {
            await(release);
            return login.get();
        });
        Thread owner = new Thread(cache::get);
        owner.start();
        awaitAllParkedInTheCache(List.of(owner));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptFlag = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                cache.get();
            } catch (RuntimeException e) {
                failure.set(e);
                interruptFlag.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        awaitAllParkedInTheCache(List.of(waiter));

        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        release.countDown();
        owner.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(failure.get()).isInstanceOf(AuditSdkException.class).hasMessageContaining("Interrupted");
        assertThat(interruptFlag).isTrue();
        assertThat(cache.peek()).isPresent();
        assertThat(logins).hasValue(1);
    }

    @Test
    void fetcherThatAsksItsOwnCacheFailsInsteadOfHanging() {
        AtomicReference<TokenCache<AccessToken>> self = new AtomicReference<>();
        self.set(cache(() -> self.get().get()));

        assertThatThrownBy(() -> self.get().get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("own TokenCache");
        assertThat(self.get().peek()).isEmpty();
    }

    @Test
    void peekDoesNotLogInAndClearForgetsTheToken() {
        TokenCache<AccessToken> cache = cache(login);
        assertThat(cache.peek()).isEmpty();
        assertThat(logins).hasValue(0);

        AccessToken token = cache.get();
        clock.advance(Duration.ofHours(1));
        assertThat(cache.peek()).containsSame(token);

        assertThat(cache.clear()).containsSame(token);
        assertThat(cache.peek()).isEmpty();
        assertThat(cache.clear()).isEmpty();
        assertThat(cache.get()).isNotSameAs(token);
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThatThrownBy(() -> TokenCache.of(login, AccessToken::expiresAt, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshAhead");
        assertThatThrownBy(() -> TokenCache.of(null, AccessToken::expiresAt, REFRESH_AHEAD))
                .isInstanceOf(NullPointerException.class).hasMessage("fetcher");
        assertThatThrownBy(() -> TokenCache.of(login, null, REFRESH_AHEAD))
                .isInstanceOf(NullPointerException.class).hasMessage("expiry");
        assertThatThrownBy(() -> TokenCache.of(login, AccessToken::expiresAt, REFRESH_AHEAD).refreshAfterRejection(null))
                .isInstanceOf(NullPointerException.class).hasMessage("rejected");
    }

    @Test
    void systemClockVariantUsesRealTime() {
        TokenCache<String> cache = TokenCache.of(() -> "session-" + logins.incrementAndGet(),
                token -> Optional.of(Instant.now().plus(LIFETIME)), REFRESH_AHEAD);

        assertThat(cache.get()).isSameAs(cache.get());
        assertThat(logins).hasValue(1);
    }

    /** Waits until every thread is parked in the login (on the latch) or waiting for it. */
    private static void awaitAllParkedInTheCache(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!threads.stream().allMatch(TokenCacheTest::parkedInTheCache)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("threads did not reach the cache");
            }
            Thread.sleep(5);
        }
    }

    private static boolean parkedInTheCache(Thread thread) {
        Thread.State state = thread.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(TokenCache.class.getName()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
