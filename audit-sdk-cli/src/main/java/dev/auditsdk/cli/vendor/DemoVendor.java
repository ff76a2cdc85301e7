package dev.auditsdk.cli.vendor;

import java.time.Instant;
import java.util.Optional;

/**
 * A vendor plugin from outside this project that brings its own simulator for
 * {@code auditlog demo}: implement it beside {@link dev.auditsdk.registry.VendorPlugin}.
 */
public interface DemoVendor {

    /**
     * Starts this vendor's simulator(s) with deterministic data covering the day before {@code now}.
     *
     * @param now the demo's notion of now
     * @param seed the seed of the generated data
     * @return the running setup, or empty when the vendor has no simulator
     */
    Optional<DemoSetup> startDemo(Instant now, long seed);
}
