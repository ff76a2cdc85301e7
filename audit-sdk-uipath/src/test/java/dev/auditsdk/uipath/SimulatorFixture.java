package dev.auditsdk.uipath;

import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.SecretLeakGuard;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.time.Duration;

/** Builds simulators whose secrets the leak guard knows, and sources pointed at them. */
final class SimulatorFixture {
    static final String CLIENT_ID = "audit-reader";
    static final String CLIENT_SECRET = "cs-" + SecretLeakGuard.MARKER + "-1f2e3d";
    /** Every issued token starts with the marker, so a token in a log or message fails the test. */
    static final String TOKEN_PREFIX = "eyJ" + SecretLeakGuard.MARKER + ".";
    static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();

    private SimulatorFixture() {
    }

    static UiPathSimulator.Builder simulator() {
        return UiPathSimulator.builder().client(CLIENT_ID, CLIENT_SECRET).tokenPrefix(TOKEN_PREFIX);
    }

    static UiPathSourceBuilder classic(UiPathSimulator sim) {
        return UiPathAuditLogSource.builder()
                .baseUrl(sim.baseUrl())
                .organization(sim.organization())
                .tenant(sim.tenant())
                .clientCredentials(CLIENT_ID, CLIENT_SECRET)
                .retryPolicy(FAST_RETRIES);
    }

    static UiPathUnifiedSourceBuilder unified(UiPathSimulator sim) {
        return UiPathUnifiedAuditLogSource.builder()
                .baseUrl(sim.baseUrl())
                .organization(sim.organization())
                .tenant(sim.tenant())
                .clientCredentials(CLIENT_ID, CLIENT_SECRET)
                .retryPolicy(FAST_RETRIES);
    }
}
