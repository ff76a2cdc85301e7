package dev.auditsdk.core.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.testing.LogCapture;
import dev.auditsdk.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.auth.Secret;

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
    void tokenShorterLivedThanTheMarginIsUsedForHalfItsLifetimeWhenPacingIsOff() {
        TokenCache<AccessToken> cache = TokenCache.<AccessToken>builder(() -> AccessToken.of(
                Secret.of("short-" + logins.incrementAndGet()), clock.instant().plusSeconds(30)), AccessToken::expiresAt)
                .refreshAhead(REFRESH_AHEAD).clock(clock).minLoginInterval(Duration.ZERO).build();
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
        assertThatThrownBy(() -> TokenCache.builder(login, AccessToken::expiresAt).minLoginInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minLoginInterval");
        assertThatThrownBy(() -> TokenCache.builder(login, AccessToken::expiresAt).waitTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("waitTimeout");
    }

    @Test
    void systemClockVariantUsesRealTime() {
        TokenCache<String> cache = TokenCache.of(() -> "session-" + logins.incrementAndGet(),
                token -> Optional.of(Instant.now().plus(LIFETIME)), REFRESH_AHEAD);

        assertThat(cache.get()).isSameAs(cache.get());
        assertThat(logins).hasValue(1);
    }

    @Test
    void zeroSecondTokensAreClampedAndReusedForTheMinimumLoginIntervalNotLoggedInPerCall() {
        TokenCache<AccessToken> cache = cache(() -> AccessToken.of(
                Secret.of("zero-" + logins.incrementAndGet()), clock.instant()));
        try (LogCapture log = LogCapture.start()) {
            AccessToken first = cache.get();
            for (int i = 0; i < 119; i++) {
                clock.advance(Duration.ofMillis(500));
                assertThat(cache.get()).isSameAs(first);
            }
            assertThat(logins).hasValue(1);
            assertThat(log.text()).contains("token expiry: the server-sent lifetime of 0 s is shorter than the minimum");
        }

        clock.advance(Duration.ofMillis(500)); // one minute after the first login
        assertThat(cache.get().value().reveal()).isEqualTo("zero-2");
        assertThat(logins).hasValue(2);
    }

    @Test
    void tokensExpiredBeforeTheyArriveAreClampedToTheMinimumLifetime() {
        TokenCache<AccessToken> cache = TokenCache.<AccessToken>builder(() -> AccessToken.of(
                Secret.of("stale-" + logins.incrementAndGet()), clock.instant().minus(Duration.ofHours(3))),
                AccessToken::expiresAt).refreshAhead(Duration.ZERO).clock(clock).minLoginInterval(Duration.ZERO).build();
        AccessToken first = cache.get();

        clock.advance(TokenLifetime.MIN.minusMillis(1)); // no refresh-ahead margin: used for all of its 30 s
        assertThat(cache.get()).isSameAs(first);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get()).isNotSameAs(first);
    }

    @Test
    void anAbsurdExpiryIsClampedToADayWithoutOverflow() {
        TokenCache<AccessToken> cache = cache(() -> AccessToken.of(
                Secret.of("forever-" + logins.incrementAndGet()), Instant.MAX));
        AccessToken first = cache.get();

        clock.advance(TokenLifetime.MAX.minus(REFRESH_AHEAD).minusSeconds(1));
        assertThat(cache.get()).isSameAs(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get()).isNotSameAs(first);
        assertThat(logins).hasValue(2);
    }

    @Test
    void aRefusalLogsInAtOnceButARefusalOfTheReplacementWithinTheIntervalStands() {
        TokenCache<AccessToken> cache = cache(login);
        AccessToken first = cache.get();
        AccessToken second = cache.refreshAfterRejection(first);
        assertThat(second).isNotSameAs(first);

        clock.advance(Duration.ofSeconds(59));
        try (LogCapture log = LogCapture.start()) {
            assertThat(cache.refreshAfterRejection(second)).isSameAs(second);
            assertThat(log.text()).contains("not logging in again").contains("minLoginInterval");
        }
        assertThat(logins).hasValue(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.refreshAfterRejection(second).value().reveal()).isEqualTo("token-3");
        assertThat(logins).hasValue(3);
    }

    @Test
    void aServerRefusingEverySessionGetsAtMostTwoLoginsPerMinute() {
        TokenCache<AccessToken> cache = cache(() -> AccessToken.of(
                Secret.of("refused-" + logins.incrementAndGet()), clock.instant()));
        for (int request = 0; request < 600; request++) { // ten minutes, one request a second
            AccessToken sent = cache.get();
            cache.refreshAfterRejection(sent);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(logins.get()).isBetween(10, 20);
    }

    @Test
    void aRejectedLoginDoesNotCountSoTheNextCallLogsInAtOnce() {
        AtomicBoolean refuse = new AtomicBoolean();
        TokenCache<AccessToken> cache = cache(() -> {
            if (refuse.get()) {
                logins.incrementAndGet();
                throw new AuditAuthenticationException("Login refused", 401, null, null, null);
            }
            return login.get();
        });
        AccessToken first = cache.get();
        refuse.set(true);
        assertThatThrownBy(() -> cache.refreshAfterRejection(first)).isInstanceOf(AuditAuthenticationException.class);

        refuse.set(false);
        assertThat(cache.get().value().reveal()).isEqualTo("token-3");
        assertThat(logins).hasValue(3);
    }

    @Test
    void aWaiterGivesUpOnAHangingLoginAfterTheWaitTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TokenCache<AccessToken> cache = TokenCache.<AccessToken>builder(() -> {
            await(release);
            return login.get();
        }, AccessToken::expiresAt).clock(clock).waitTimeout(Duration.ofMillis(200)).build();
        Thread owner = new Thread(cache::get);
        owner.start();
        try {
            awaitAllParkedInTheCache(List.of(owner));
            long start = System.nanoTime();

            assertThatThrownBy(cache::get).isInstanceOf(AuditTransportException.class)
                    .hasMessageContaining("Waited 200 ms for another thread's login")
                    .hasMessageContaining("wait timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            owner.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(cache.get().value().reveal()).isEqualTo("token-1");
    }

    @Test
    void aLoginCompletingAfterCloseIsDiscardedNotCachedAndWaitersFail() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<AccessToken> discarded = new CopyOnWriteArrayList<>();
        TokenCache<AccessToken> cache = TokenCache.<AccessToken>builder(() -> {
            await(release);
            return login.get();
        }, AccessToken::expiresAt).clock(clock).discard(discarded::add).build();
        AtomicReference<Throwable> ownerFailure = new AtomicReference<>();
        Thread owner = new Thread(() -> {
            try {
                cache.get();
            } catch (RuntimeException e) {
                ownerFailure.set(e);
            }
        });
        owner.start();
        awaitAllParkedInTheCache(List.of(owner));

        assertThat(cache.close()).isEmpty();
        release.countDown();
        owner.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(ownerFailure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(discarded).hasSize(1).allSatisfy(token -> assertThat(token.value().reveal()).isEqualTo("token-1"));
        assertThat(cache.peek()).isEmpty();
        assertThatThrownBy(cache::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(logins).hasValue(1);
    }

    @Test
    void closeHandsBackTheCachedTokenOnce() {
        TokenCache<AccessToken> cache = cache(login);
        AccessToken token = cache.get();

        assertThat(cache.close()).containsSame(token);
        assertThat(cache.close()).isEmpty();
        assertThatThrownBy(() -> cache.refreshAfterRejection(token)).isInstanceOf(IllegalStateException.class);
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
