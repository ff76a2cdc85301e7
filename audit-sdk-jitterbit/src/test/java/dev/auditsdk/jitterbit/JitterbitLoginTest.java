package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.jitterbit.auth.TfaChallenge;
import dev.auditsdk.jitterbit.auth.TfaCodeSupplier;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpResult;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.LogCapture;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.core.testing.SecretLeakGuard;
import dev.auditsdk.jitterbit.model.OrgAttr;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JitterbitLoginTest {
    private static final String PASSWORD = "Jitterbit4Ever!S3CR3T";
    private static final Instant T0 = Instant.parse("2026-12-03T11:00:00Z");
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();

    private JitterbitSimulator sim;
    private HttpTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (sim != null) {
            sim.issuedTokens().forEach(SecretLeakGuard::secret);
            sim.lastTfaCode().ifPresent(SecretLeakGuard::secret);
            sim.close();
        }
    }

    private JitterbitSimulator start(JitterbitSimulator.Builder builder) {
        sim = builder.user("alice@jbexample.com", PASSWORD).build().start();
        transport = HttpTransport.builder().vendor("jitterbit").retryPolicy(FAST_RETRIES)
                .errorDecoder(new JitterbitErrorDecoder()).build();
        return sim;
    }

    private JitterbitLogin login(String password, TfaCodeSupplier tfa) {
        return login(password, tfa, Clock.systemUTC());
    }

    private JitterbitLogin login(String password, TfaCodeSupplier tfa, Clock clock) {
        return new JitterbitLogin(URI.create(sim.baseUrl() + "/jitterbit-cloud-restful-service/"),
                CredentialsProvider.of(UsernamePassword.of("alice@jbexample.com", Secret.of(password))), tfa,
                "audit-sdk-test-device", clock);
    }

    /** The authenticated view of the test's transport: its requests carry the session; logins go through the plain one. */
    private TokenAuthenticator<JitterbitSession> authenticateWith(JitterbitLogin login) {
        TokenAuthenticator<JitterbitSession> auth = login.authenticator(transport);
        transport = transport.withAuthenticator(auth);
        return auth;
    }

    @Test
    void aSessionTimeoutOfZeroIsClampedToThirtySecondsWithALogLine() {
        start(JitterbitSimulator.builder().announcedSessionTimeoutSeconds(0));
        MutableClock clock = new MutableClock(T0);
        try (LogCapture log = LogCapture.start()) {
            JitterbitSession session = login(PASSWORD, null, clock).login(transport);

            assertThat(session.expiresAt()).hasValue(T0.plusSeconds(30));
            assertThat(log.text()).containsOnlyOnce("jitterbit sessionTimeoutInSeconds: the server-sent lifetime of 0 s"
                    + " is shorter than the minimum; using 30 s").doesNotContain(sim.issuedTokens().get(0));
        }
    }

    @Test
    void aHugeSessionTimeoutIsClampedToADayInsteadOfOverflowing() {
        start(JitterbitSimulator.builder().announcedSessionTimeoutSeconds(Long.MAX_VALUE));
        MutableClock clock = new MutableClock(T0);

        assertThat(login(PASSWORD, null, clock).login(transport).expiresAt()).hasValue(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void withTwoFactorAndZeroSecondSessionsFiftyRequestsEmailOneCode() {
        start(JitterbitSimulator.builder().entries(0).tfaEnabled(true).announcedSessionTimeoutSeconds(0));
        authenticateWith(login(PASSWORD, c -> Secret.of(sim.lastTfaCode().orElseThrow())));
        URI status = URI.create(sim.baseUrl() + JitterbitSimulator.STATUS_PATH + "123456/debug-log-X");

        for (int i = 0; i < 50; i++) {
            try (HttpResult r = transport.send(HttpRequestSpec.get(status).build())) {
                assertThat(r.bodyAsString()).contains("INVALID");
            }
        }

        assertThat(sim.tfaCodesSent()).isEqualTo(1);
        assertThat(sim.successfulLogins()).isEqualTo(1);
    }

    @Test
    void aSuccessfulLoginYieldsTheTokenOrganizationsAndExpiry() {
        start(JitterbitSimulator.builder());
        JitterbitSession session = login(PASSWORD, null).login(transport);

        assertThat(session.authToken().reveal()).isEqualTo(sim.issuedTokens().get(0));
        assertThat(session.orgAttrs()).extracting(OrgAttr::orgId).containsExactly("123456", "654321");
        assertThat(session.defaultOrgId()).contains("123456");
        assertThat(session.expiresAt().orElseThrow()).isBetween(
                java.time.Instant.now().plusSeconds(14_300), java.time.Instant.now().plusSeconds(14_401));
        assertThat(session.toString()).doesNotContain(sim.issuedTokens().get(0));
        // no deviceId without TFA configured
        assertThat(sim.requests().get(0).bodyText()).doesNotContain("deviceId");
    }

    @Test
    void http200WithStatusFalseIsAnAuthenticationError() {
        start(JitterbitSimulator.builder());
        assertThatThrownBy(() -> login("wrong-S3CR3T", null).login(transport))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("login refused (INVALID_CREDENTIALS)")
                .hasMessageContaining("configure a TfaCodeSupplier")
                .satisfies(e -> assertThat(((AuditAuthenticationException) e).vendorCode()).contains("INVALID_CREDENTIALS"))
                .satisfies(e -> assertThat(((AuditAuthenticationException) e).statusCode()).isZero());
    }

    @Test
    void twoFactorFlowAsksTheCallbackOnceAndSendsTheCodeWithTheDeviceId() {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        List<TfaChallenge> challenges = new ArrayList<>();
        JitterbitSession session = login(PASSWORD, challenge -> {
            challenges.add(challenge);
            return Secret.of(sim.lastTfaCode().orElseThrow());
        }).login(transport);

        assertThat(session.authToken().reveal()).startsWith("1_");
        assertThat(challenges).hasSize(1);
        assertThat(challenges.get(0).email()).isEqualTo("alice@jbexample.com");
        assertThat(challenges.get(0).deviceId()).isEqualTo("audit-sdk-test-device");
        assertThat(challenges.get(0).message().orElseThrow()).contains("email");
        assertThat(sim.tfaCodesSent()).isEqualTo(1);
        assertThat(sim.requests()).extracting(r -> r.path()).containsExactly(
                JitterbitSimulator.LOGIN_PATH, JitterbitSimulator.TFA_PATH);
        assertThat(sim.requests().get(1).bodyText()).contains("\"deviceId\":\"audit-sdk-test-device\"");
    }

    @Test
    void aWrongTfaCodeFailsWithoutRepeatingTheFirstStep() {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        assertThatThrownBy(() -> login(PASSWORD, c -> Secret.of("000000-not-it")).login(transport))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("INVALID_TFA_CODE")
                .hasMessageContaining("two-factor step");
        assertThat(sim.tfaCodesSent()).isEqualTo(1);
        assertThat(sim.requestCount(JitterbitSimulator.LOGIN_PATH)).isEqualTo(2);
    }

    @Test
    void tfaWithoutASupplierSaysWhatToConfigure() {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        assertThatThrownBy(() -> login(PASSWORD, null).login(transport))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("TFA_DEVICE_ID_REQUIRED")
                .hasMessageContaining("TfaCodeSupplier");
        assertThat(sim.tfaCodesSent()).isZero();
    }

    @Test
    void aSupplierWithoutACodeAbortsTheLogin() {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        assertThatThrownBy(() -> login(PASSWORD, c -> null).login(transport))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("gave no two-factor code");
        assertThat(sim.requestCount(JitterbitSimulator.TFA_PATH)).isZero();
    }

    @Test
    void loginRequestsAreRetriedOnlyWhenThrottled() {
        start(JitterbitSimulator.builder().tfaEnabled(true));
        sim.injectFault(JitterbitSimulator.LOGIN_PATH, Fault.status(503, "{\"errorMessage\":\"down\"}"));
        assertThatThrownBy(() -> login(PASSWORD, c -> Secret.of(sim.lastTfaCode().orElseThrow())).login(transport))
                .isInstanceOf(AuditServerException.class);
        assertThat(sim.requestCount(JitterbitSimulator.LOGIN_PATH)).isEqualTo(1);
        assertThat(sim.tfaCodesSent()).isZero();

        // a 429 refused the login without processing it: it is sent again, and the login completes
        sim.rateLimitNext(1);
        JitterbitSession session = login(PASSWORD, c -> Secret.of(sim.lastTfaCode().orElseThrow())).login(transport);
        assertThat(session).isNotNull();
        assertThat(sim.requestCount(JitterbitSimulator.TFA_PATH)).isEqualTo(1);
        assertThat(sim.requestCount(JitterbitSimulator.LOGIN_PATH)).isEqualTo(4); // 503, 429, login, and its tfacode
        assertThat(sim.tfaCodesSent()).isEqualTo(1);
    }

    @Test
    void theAuthenticatorSendsTheAuthTokenHeaderAndLogsInAgainOnceAfter401() {
        start(JitterbitSimulator.builder().entries(0));
        TokenAuthenticator<JitterbitSession> auth = authenticateWith(login(PASSWORD, null));
        URI status = URI.create(sim.baseUrl() + JitterbitSimulator.STATUS_PATH + "123456/debug-log-X");

        try (HttpResult r = transport.send(HttpRequestSpec.get(status).build())) {
            assertThat(r.bodyAsString()).contains("INVALID");
        }
        sim.expireSessions();
        try (HttpResult r = transport.send(HttpRequestSpec.get(status).build())) {
            assertThat(r.bodyAsString()).contains("INVALID");
        }

        assertThat(sim.successfulLogins()).isEqualTo(2);
        assertThat(sim.requests().get(1).header("authToken")).contains(sim.issuedTokens().get(0));
        assertThat(sim.requests().get(4).header("authToken")).contains(sim.issuedTokens().get(1));
    }
}
