package dev.auditsdk.testkit.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs many events through an {@link OcsfValidator} and keeps the tally a conformance test
 * needs: every violation (with the event it came from), how many events of each class and
 * activity were seen, and how often each recommended attribute was left out.
 *
 * <pre>
 * OcsfConformance run = new OcsfConformance(OcsfValidator.bundled());
 * entries.forEach(e -&gt; run.check(e.id(), e.toAuditEvent().toOcsf()));
 * log.info(run.summary());
 * assertThat(run.violations()).isEmpty();
 * </pre>
 */
public final class OcsfConformance {
    private static final int KEPT_VIOLATIONS = 50;

    private final OcsfValidator validator;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Long> types = new TreeMap<>();
    private final Map<String, Long> missingRecommended = new TreeMap<>();
    private long events;
    private long invalid;

    /**
     * @param validator the validator to run
     */
    public OcsfConformance(OcsfValidator validator) {
        this.validator = validator;
    }

    /**
     * @param source what the event was rendered from, e.g. the entry's id, for the violation list
     * @param event the OCSF event
     * @return the event's report
     */
    public OcsfReport check(String source, JsonNode event) {
        OcsfReport report = validator.validate(event);
        events++;
        types.merge(event.path("class_name").asText("?") + " / " + event.path("activity_name").asText("?"), 1L, Long::sum);
        report.missingRecommended().forEach(p -> missingRecommended.merge(p, 1L, Long::sum));
        if (!report.isValid()) {
            invalid++;
            if (violations.size() < KEPT_VIOLATIONS) {
                violations.add(source + ": " + report + "\n    " + event);
            }
        }
        return report;
    }

    /** @return the number of events checked */
    public long events() {
        return events;
    }

    /** @return the number of invalid events */
    public long invalid() {
        return invalid;
    }

    /** @return the first violations, each with its source and the event; empty when all were valid */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** @return events seen per {@code "class_name / activity_name"} */
    public Map<String, Long> types() {
        return Map.copyOf(types);
    }

    /** @return a readable summary: counts, classes and activities seen, recommended attributes left out */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(events).append(" events checked against OCSF ").append(validator.schema().version()).append(": ")
                .append(invalid).append(" invalid\n  classes / activities:");
        types.forEach((t, n) -> sb.append("\n    ").append(t).append(": ").append(n));
        sb.append("\n  recommended attributes left out (events):");
        missingRecommended.forEach((p, n) -> sb.append("\n    ").append(p).append(": ").append(n));
        return sb.toString();
    }
}
