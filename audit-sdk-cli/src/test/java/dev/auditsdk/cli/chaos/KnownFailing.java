package dev.auditsdk.cli.chaos;

import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * The chaos cases that fail on the current transport, each a known gap of issue 12 (a body cut
 * short or stalled during a bounded read is not retried, a throttled login is not retried, ...).
 * They still run: a failure is reported as an aborted (skipped) test carrying the failure, so CI
 * stays green until the fixes land, and nothing else is excused.
 *
 * <p>When a fix lands, remove its cases from {@link #KNOWN_FAILING} (empty it when all pass). Run
 * with {@code -Dchaos.strict=true} to treat these cases as ordinary failures.
 */
final class KnownFailing {
    /** Cases as {@code api/route/seed=N}, e.g. {@code jitterbit/cli/seed=2}. */
    static final Set<String> KNOWN_FAILING = Set.of();

    private KnownFailing() {
    }

    /** A chaos case body. */
    @FunctionalInterface
    interface CaseBody {
        /** @throws Exception when the case fails */
        void run() throws Exception;
    }

    /**
     * @return the key of a case in {@link #KNOWN_FAILING}
     */
    static String key(ChaosApi api, ChaosRoute route, long seed) {
        return api.id + "/" + route.id + "/seed=" + seed;
    }

    /**
     * Runs a case; a failure of a case in {@link #KNOWN_FAILING} aborts it instead (unless
     * {@code -Dchaos.strict=true}).
     */
    static void run(String key, CaseBody body) throws Exception {
        if (!KNOWN_FAILING.contains(key) || Boolean.getBoolean("chaos.strict")) {
            body.run();
            return;
        }
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            throw new TestAbortedException("known failing until issue 12's transport fixes land (" + key + "): " + e, e);
        }
    }
}
