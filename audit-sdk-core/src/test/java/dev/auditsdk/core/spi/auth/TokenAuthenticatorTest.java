package dev.auditsdk.core.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.testing.LogCapture;
import dev.auditsdk.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.auth.Secret;

class TokenAuthenticatorTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String SECRET_PREFIX = "sess-Xq9";

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger logins = new AtomicInteger();
    private final List<AccessToken> loggedOut = new CopyOnWriteArrayList<>();

    private final Supplier<AccessToken> login = () -> AccessToken.of(
            Secret.of(SECRET_PREFIX + logins.incrementAndGet()), clock.instant().plus(Duration.ofMinutes(30)));

    private TokenAuthenticator.Builder<AccessToken> sessionIdAuth(Supplier<AccessToken> login) {
        return TokenAuthenticator.builder(login, token -> AuthHeaders.of("icSessionId", token.value().reveal()))
                .expiry(AccessToken::expiresAt)
                .clock(clock);
    }

    @Test
    void sendsTheTokenUnderTheVendorsHeaderAndLogsInOnce() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).build();

        AuthHeaders headers = auth.authenticate();

        assertThat(headers.headers()).isEqualTo(Map.of("icSessionId", SECRET_PREFIX + "1"));
        assertThat(auth.authenticate()).isSameAs(headers);
        assertThat(logins).hasValue(1);
    }

    @Test
    void bearerPrefixIsTheVendorsChoice() {
        TokenAuthenticator<AccessToken> auth = TokenAuthenticator
                .builder(login, token -> AuthHeaders.of("Authorization", "Bearer " + token.value().reveal()))
                .build();

        assertThat(auth.authenticate().headers()).containsEntry("Authorization", "Bearer " + SECRET_PREFIX + "1");
    }

    @Test
    void fiftyThreadsAuthenticatingAtOnceCauseOneLogin() throws Exception {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(() -> {
            sleep(50);
            return login.get();
        }).build();

        List<AuthHeaders> headers = Race.run(50, auth::authenticate);

        assertThat(logins).hasValue(1);
        assertThat(headers).allSatisfy(h -> assertThat(h).isSameAs(headers.get(0)));
    }

    @Test
    void twentyConcurrent401sOnTheSameHeadersCauseOneNewLogin() throws Exception {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(() -> {
            sleep(20);
            return login.get();
        }).build();
        AuthHeaders rejected = auth.authenticate();

        List<Boolean> replay = Race.run(20, () -> auth.refresh(rejected));

        assertThat(replay).containsOnly(true);
        assertThat(logins).hasValue(2);
        assertThat(auth.authenticate().headers()).containsEntry("icSessionId", SECRET_PREFIX + "2");
    }

    @Test
    void a401OnOlderHeadersReplaysWithoutLoggingIn() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).build();
        AuthHeaders old = auth.authenticate();
        auth.refresh(old);

        assertThat(auth.refresh(old)).isTrue();
        assertThat(logins).hasValue(2);
    }

    @Test
    void tokenNearItsExpiryIsReplacedBeforeUse() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).refreshAhead(Duration.ofMinutes(5)).build();
        AuthHeaders first = auth.authenticate();

        clock.advance(Duration.ofMinutes(24));
        assertThat(auth.authenticate()).isSameAs(first);

        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.authenticate().headers()).containsEntry("icSessionId", SECRET_PREFIX + "2");
    }

    @Test
    void refusedLoginPropagatesAndTheNextRequestTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new AuditAuthenticationException("Login refused", 401, null, null, null);
            }
            return login.get();
        }).build();

        assertThatThrownBy(auth::authenticate).isInstanceOf(AuditAuthenticationException.class);
        assertThat(auth.authenticate().headers()).containsKey("icSessionId");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void tokenGivesTheCurrentSession() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).build();

        assertThat(auth.token().value().reveal()).isEqualTo(SECRET_PREFIX + "1");
        assertThat(auth.authenticate().headers()).containsEntry("icSessionId", SECRET_PREFIX + "1");
        assertThat(logins).hasValue(1);
    }

    @Test
    void closeLogsTheSessionOutOnce() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).logout(loggedOut::add).build();
        AccessToken token = auth.token();

        auth.close();
        auth.close();

        assertThat(loggedOut).containsExactly(token);
    }

    @Test
    void closeWithoutSessionDoesNotLogOut() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).logout(loggedOut::add).build();

        auth.close();

        assertThat(loggedOut).isEmpty();
        assertThat(logins).hasValue(0);
    }

    @Test
    void failedLogoutNeverThrowsAndLogsNoSecret() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).logout(token -> {
            throw new IllegalStateException("logout of " + token.value().reveal() + " failed");
        }).build();
        auth.authenticate();

        try (LogCapture log = LogCapture.start()) {
            auth.close();

            assertThat(log.text()).contains("Best-effort logout failed").doesNotContain(SECRET_PREFIX);
        }
    }

    @Test
    void nothingLogsOrPrintsASecretThroughAWholeSession() {
        try (LogCapture log = LogCapture.start()) {
            TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).logout(loggedOut::add).build();
            AuthHeaders first = auth.authenticate();
            auth.refresh(first);
            clock.advance(Duration.ofHours(1));
            AuthHeaders last = auth.authenticate();
            auth.close();

            assertThat(logins).hasValue(3);
            assertThat(log.text()).contains("Logging in").doesNotContain(SECRET_PREFIX);
            assertThat(List.of(first.toString(), last.toString(), auth.toString()))
                    .allSatisfy(text -> assertThat(text).doesNotContain(SECRET_PREFIX));
        }
    }

    @Test
    void closeDuringAnInFlightLoginLogsTheNewSessionOutOnceAndCachesNothing() throws Exception {
        CountDownLatch loginStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(() -> {
            loginStarted.countDown();
            awaitLatch(release);
            return login.get();
        }).logout(loggedOut::add).build();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread requester = new Thread(() -> {
            try {
                auth.authenticate();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        requester.start();
        awaitLatch(loginStarted);

        auth.close();
        assertThat(loggedOut).isEmpty(); // nothing was cached yet
        release.countDown();
        requester.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(loggedOut).hasSize(1).allSatisfy(token -> assertThat(token.value().reveal()).isEqualTo(SECRET_PREFIX + "1"));
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        auth.close();
        assertThat(loggedOut).hasSize(1);
        assertThat(logins).hasValue(1);
    }

    @Test
    void authenticateAfterCloseFailsInsteadOfOpeningANewSession() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).logout(loggedOut::add).build();
        auth.authenticate();
        auth.close();

        assertThatThrownBy(auth::authenticate).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(auth::token).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(logins).hasValue(1);
        assertThat(loggedOut).hasSize(1);
    }

    @Test
    void aRefusedReplacementSessionWithinTheMinimumIntervalMakesThe401Final() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).build();
        AuthHeaders first = auth.authenticate();
        assertThat(auth.refresh(first)).isTrue();
        AuthHeaders second = auth.authenticate();

        assertThat(auth.refresh(second)).isFalse();
        assertThat(auth.authenticate()).isSameAs(second);
        assertThat(logins).hasValue(2);

        clock.advance(TokenCache.DEFAULT_MIN_LOGIN_INTERVAL);
        assertThat(auth.refresh(second)).isTrue();
        assertThat(logins).hasValue(3);
    }

    @Test
    void sessionsAnnouncedAsAlreadyExpiredAreReusedForAMinuteNotRenewedPerRequest() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(() -> AccessToken.of(
                Secret.of(SECRET_PREFIX + logins.incrementAndGet()), clock.instant().minusSeconds(1))).build();
        AuthHeaders first = auth.authenticate();
        for (int i = 0; i < 59; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(auth.authenticate()).isSameAs(first);
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(auth.authenticate()).isNotSameAs(first);
        assertThat(logins).hasValue(2);
    }

    @Test
    void aPacedAuthenticatorCanBeConfiguredWithoutPacingAndWithAShortLoginWait() {
        TokenAuthenticator<AccessToken> auth = sessionIdAuth(login).minLoginInterval(Duration.ZERO)
                .loginWaitTimeout(Duration.ofSeconds(5)).build();
        AuthHeaders first = auth.authenticate();
        auth.refresh(first);

        assertThat(auth.refresh(auth.authenticate())).isTrue();
        assertThat(logins).hasValue(3);
        assertThatThrownBy(() -> sessionIdAuth(login).loginWaitTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loginWaitTimeout");
        assertThatThrownBy(() -> sessionIdAuth(login).minLoginInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minLoginInterval");
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThatThrownBy(() -> TokenAuthenticator.builder(null, token -> AuthHeaders.none()))
                .isInstanceOf(NullPointerException.class).hasMessage("login");
        assertThatThrownBy(() -> TokenAuthenticator.builder(login, null))
                .isInstanceOf(NullPointerException.class).hasMessage("headers");
        assertThatThrownBy(() -> sessionIdAuth(login).refreshAhead(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshAhead");
        assertThatThrownBy(() -> sessionIdAuth(login).build().refresh(null))
                .isInstanceOf(NullPointerException.class).hasMessage("rejected");
    }

    @Test
    void nullHeadersFromTheVendorFunctionAreAnError() {
        TokenAuthenticator<AccessToken> auth = TokenAuthenticator.<AccessToken>builder(login, token -> null).build();

        assertThatThrownBy(auth::authenticate).isInstanceOf(NullPointerException.class)
                .hasMessage("headers function returned null");
    }

    private static void awaitLatch(CountDownLatch latch) {
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
