package dev.auditsdk.jitterbit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JitterbitApiLogEntryTest {
    private final ZoneId utc = ZoneId.of("UTC");

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void readsAJsonRecordIntoTypedFields() throws Exception {
        JitterbitApiLogEntry e = JitterbitApiLogEntry.fromRecord(json("{\"time\":\"2024-01-20T01:00:01.500+01:00\","
                + "\"apiName\":\"Orders, v2\",\"envName\":\"Production\",\"authProfile\":\"OAuth - Okta\","
                + "\"requestId\":\"r-1\",\"requestMethod\":\"post\",\"requestUri\":\"/orders?a=1,2\",\"responseTime\":153,"
                + "\"sourceIp\":\"14.141.1.1\",\"sourceApp\":\"curl/8.4.0\",\"statusCode\":201,\"message\":null,"
                + "\"extra\":\"kept in raw\"}"), utc);

        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-20T00:00:01.500Z"));
        assertThat(e.timestamp()).isEqualTo(e.time());
        assertThat(e.id()).isEqualTo("r-1");
        assertThat(e.apiName()).contains("Orders, v2");
        assertThat(e.envName()).contains("Production");
        assertThat(e.authProfile()).contains("OAuth - Okta");
        assertThat(e.requestMethod()).contains("POST");
        assertThat(e.requestUri()).contains("/orders?a=1,2");
        assertThat(e.responseTime()).contains(new BigDecimal("153"));
        assertThat(e.sourceIp()).contains("14.141.1.1");
        assertThat(e.sourceApp()).contains("curl/8.4.0");
        assertThat(e.statusCode()).hasValue(201);
        assertThat(e.message()).isEmpty();
        assertThat(e.raw().get("extra").asText()).isEqualTo("kept in raw");
    }

    @Test
    void aCsvRowAndAJsonObjectOfTheSameRecordAreEqual() throws Exception {
        ObjectNode csvRow = Json.mapper().createObjectNode();
        csvRow.put("Time", "01/20/2024 00:00:01 +0000");
        csvRow.put("API Name", "Customer API");
        csvRow.put("Request ID", "r-2");
        csvRow.put("Request Method", "GET");
        csvRow.put("Response Time", "12");
        csvRow.put("Status Code", "404");
        csvRow.put("Message", "line one\nline two");
        csvRow.put("Source IP", "");
        JsonNode jsonObject = json("{\"time\":1705708801000,\"apiName\":\"Customer API\",\"requestId\":\"r-2\","
                + "\"requestMethod\":\"GET\",\"responseTime\":12,\"statusCode\":404,\"message\":\"line one\\nline two\"}");

        JitterbitApiLogEntry fromCsv = JitterbitApiLogEntry.fromRecord(csvRow, utc);
        JitterbitApiLogEntry fromJson = JitterbitApiLogEntry.fromRecord(jsonObject, utc);

        assertThat(fromCsv).isEqualTo(fromJson);
        assertThat(fromCsv.sourceIp()).isEmpty();
        assertThat(fromCsv.toAuditEvent()).isEqualTo(fromJson.toAuditEvent());
        assertThat(fromCsv.raw()).isNotEqualTo(fromJson.raw());
    }

    @Test
    void localTimesAreReadInTheRequestsTimeZone() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        JitterbitApiLogEntry e = JitterbitApiLogEntry.fromRecord(json("{\"time\":\"2024-07-01 12:00:00.250\",\"requestId\":\"x\"}"), berlin);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-07-01T10:00:00.250Z"));
    }

    @Test
    void missingOrMalformedRequiredColumnsAreDataErrors() {
        assertThatThrownBy(() -> JitterbitApiLogEntry.fromRecord(json("{\"requestId\":\"x\"}"), utc))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("'time'");
        assertThatThrownBy(() -> JitterbitApiLogEntry.fromRecord(json("{\"time\":\"\",\"requestId\":\"x\"}"), utc))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("'time'");
        assertThatThrownBy(() -> JitterbitApiLogEntry.fromRecord(json("{\"time\":\"2024-01-01T00:00:00Z\"}"), utc))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("'requestid'");
        assertThatThrownBy(() -> JitterbitApiLogEntry.fromRecord(json("{\"time\":\"yesterday\",\"requestId\":\"x\"}"), utc))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("'time'").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> JitterbitApiLogEntry.fromRecord(
                json("{\"time\":\"2024-01-01T00:00:00Z\",\"requestId\":\"x\",\"statusCode\":\"OK\"}"), utc))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("statuscode");
        assertThatThrownBy(() -> JitterbitApiLogEntry.fromRecord(json("[1]"), utc))
                .isInstanceOf(AuditDataException.class);
    }

    @Test
    void normalizesToApiActivityWithHttpDetails() throws Exception {
        AuditEvent ev = JitterbitApiLogEntry.fromRecord(json("{\"time\":\"2024-01-20T00:00:00Z\",\"apiName\":\"Orders\","
                + "\"envName\":\"Production\",\"authProfile\":\"OAuth\",\"requestId\":\"r-9\",\"requestMethod\":\"DELETE\","
                + "\"requestUri\":\"/orders/7\",\"responseTime\":\"0.25\",\"sourceIp\":\"10.0.0.1\",\"sourceApp\":\"portal\","
                + "\"statusCode\":204,\"message\":\"gone\"}"), utc).toAuditEvent();

        assertThat(ev.vendor()).isEqualTo("jitterbit");
        assertThat(ev.id()).isEqualTo("r-9");
        assertThat(ev.time()).isEqualTo(Instant.parse("2024-01-20T00:00:00Z"));
        assertThat(ev.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
        assertThat(ev.action()).isEqualTo("DELETE");
        assertThat(ev.activityId()).isEqualTo(4);
        assertThat(ev.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ev.actor().application()).contains("portal");
        assertThat(ev.actor().name()).isEmpty();
        assertThat(ev.sourceIp()).contains("10.0.0.1");
        assertThat(ev.message()).contains("gone");
        assertThat(ev.target().orElseThrow().name()).contains("Orders");
        assertThat(ev.target().orElseThrow().type()).contains("api");
        assertThat(ev.attributes()).containsEntry("http_request.http_method", "DELETE")
                .containsEntry("http_request.url.url_string", "/orders/7")
                .containsEntry("http_response.code", "204")
                .containsEntry("response_time", "0.25")
                .containsEntry("environment", "Production")
                .containsEntry("auth_profile", "OAuth");
        assertThat(ev.toOcsf().get("class_uid").asInt()).isEqualTo(6003);
        assertThat(ev.toOcsf().get("src_endpoint").get("ip").asText()).isEqualTo("10.0.0.1");
        assertThat(ev.toOcsf().at("/http_request/http_method").asText()).isEqualTo("DELETE");
        assertThat(ev.toOcsf().at("/http_request/url/url_string").asText()).isEqualTo("/orders/7");
        assertThat(ev.toOcsf().at("/api/response/code").asInt()).isEqualTo(204);
        assertThat(ev.toOcsf().at("/api/operation").asText()).isEqualTo("DELETE");
        assertThat(ev.toOcsf().at("/api/service/name").asText()).isEqualTo("Orders");
        assertThat(ev.toOcsf().at("/status_code").asText()).isEqualTo("204");
        assertThat(ev.toOcsf().at("/actor/app_name").asText()).isEqualTo("portal");
        assertThat(ev.toOcsf().at("/resources/0/name").asText()).isEqualTo("Orders");
        assertThat(ev.toOcsf().has("http_response")).isFalse();
        assertThat(ev.toOcsf().at("/unmapped/environment").asText()).isEqualTo("Production");
    }

    @Test
    void outcomeFollowsTheStatusCode() throws Exception {
        assertThat(outcome("200")).isEqualTo(Outcome.SUCCESS);
        assertThat(outcome("302")).isEqualTo(Outcome.SUCCESS);
        assertThat(outcome("400")).isEqualTo(Outcome.FAILURE);
        assertThat(outcome("503")).isEqualTo(Outcome.FAILURE);
        assertThat(outcome(null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void withoutAMethodTheActionIsAnApiCall() throws Exception {
        AuditEvent ev = JitterbitApiLogEntry.fromRecord(json("{\"time\":\"2024-01-20T00:00:00Z\",\"requestId\":\"r\"}"), utc)
                .toAuditEvent();
        assertThat(ev.action()).isEqualTo("API call");
        assertThat(ev.actor().name()).isEmpty();
    }

    private Outcome outcome(String status) throws Exception {
        ObjectNode n = Json.mapper().createObjectNode().put("time", "2024-01-20T00:00:00Z").put("requestId", "r");
        if (status != null) {
            n.put("statusCode", status);
        }
        return JitterbitApiLogEntry.fromRecord(n, utc).toAuditEvent().outcome();
    }
}
