package dev.auditsdk.testkit.ocsf;

import java.util.List;

/**
 * What {@link OcsfValidator} found in one event: violations of the schema ({@link #errors()},
 * each {@code "path: message"}) and recommended attributes left out
 * ({@link #missingRecommended()}, each a path), which are allowed but worth knowing.
 */
public final class OcsfReport {
    private final List<String> errors;
    private final List<String> missingRecommended;

    OcsfReport(List<String> errors, List<String> missingRecommended) {
        this.errors = List.copyOf(errors);
        this.missingRecommended = List.copyOf(missingRecommended);
    }

    /** @return the violations; empty when the event is valid */
    public List<String> errors() {
        return errors;
    }

    /** @return paths of recommended attributes the event does not carry, e.g. {@code src_endpoint.port} */
    public List<String> missingRecommended() {
        return missingRecommended;
    }

    /** @return whether the event has no violation */
    public boolean isValid() {
        return errors.isEmpty();
    }

    @Override
    public String toString() {
        return isValid() ? "valid" : String.join("; ", errors);
    }
}
