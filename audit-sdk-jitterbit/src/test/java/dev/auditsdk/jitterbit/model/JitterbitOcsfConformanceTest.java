package dev.auditsdk.jitterbit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.testkit.jitterbit.ApiLogRecord;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.ocsf.OcsfConformance;
import dev.auditsdk.testkit.ocsf.OcsfValidator;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every API log record the simulator generates renders as an OCSF event valid against the official schema. */
class JitterbitOcsfConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(JitterbitOcsfConformanceTest.class);
    private static final int RECORDS = 2_000;

    @Test
    void everyGeneratedRecordIsValidOcsf() {
        OcsfValidator validator = OcsfValidator.bundled();
        assertThat(validator.schema().version()).isEqualTo(AuditEvent.OCSF_VERSION);
        OcsfConformance run = new OcsfConformance(validator);
        ZoneId utc = ZoneOffset.UTC;
        try (JitterbitSimulator sim = JitterbitSimulator.builder().seed(19).entries(RECORDS).build()) {
            for (ApiLogRecord record : sim.records()) {
                JitterbitApiLogEntry entry = JitterbitApiLogEntry.fromRecord(json(record), utc);
                run.check(entry.id(), entry.toAuditEvent().toOcsf());
            }
        }
        LOG.info("Jitterbit API logs: {}", run.summary());

        assertThat(run.events()).isEqualTo(RECORDS);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("API Activity / Read", "API Activity / Create", "API Activity / Update",
                "API Activity / Delete").doesNotContainKey("Base Event / Other");
    }

    /** The record as the JSON log file carries it (epoch-millisecond time). */
    private static ObjectNode json(ApiLogRecord r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("time", r.time().toEpochMilli());
        o.put("apiName", r.apiName());
        o.put("envName", r.envName());
        o.put("authProfile", r.authProfile());
        o.put("requestId", r.requestId());
        o.put("requestMethod", r.requestMethod());
        o.put("requestUri", r.requestUri());
        o.put("responseTime", r.responseTime());
        o.put("sourceIp", r.sourceIp());
        o.put("sourceApp", r.sourceApp());
        o.put("statusCode", r.statusCode());
        o.put("message", r.message());
        return o;
    }
}
