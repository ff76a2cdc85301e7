package dev.auditsdk.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleAuditEntryTest {
    private static final String START = "{\"timestamp\":\"2024-03-21T10:39:44.896-03:00\",\"username\":\"*SYSTEM\","
            + "\"domain\":\"server\",\"type\":\"start\",\"data\":{\"serverInstanceId\":\"7449fbe6-0fb1-4b71-b358-400cc9df673d\","
            + "\"serverConfigurationFile\":\"/home/config.yml\",\"serverRelease\":\"175.0-SNAPSHOT\","
            + "\"serverBuild\":\"build-number\",\"processOwner\":\"johndoe\"}}";
    private static final String EXPORT = "{\"timestamp\":\"2024-03-21T11:58:14.233-03:00\",\"remoteIpAddress\":\"127.0.0.1\","
            + "\"userAgent\":\"curl/7.81.0\",\"username\":\"admin\",\"domain\":\"audit-log\",\"type\":\"export\","
            + "\"error\":\"bad-request\"}";

    static LifecycleAuditEntry entry(String line) throws Exception {
        return LifecycleAuditEntry.parse(line, "id-1");
    }

    @Test
    void readsTheDocumentedServerStartEvent() throws Exception {
        LifecycleAuditEntry e = entry(START);

        assertThat(e.timestampText()).isEqualTo("2024-03-21T10:39:44.896-03:00");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-03-21T13:39:44.896Z"));
        assertThat(e.username()).isEqualTo(LifecycleAuditEntry.SYSTEM_USER);
        assertThat(e.domain()).isEqualTo(LifecycleDomain.SERVER);
        assertThat(e.type()).isEqualTo(LifecycleEventType.START);
        assertThat(e.requestMethod()).isEmpty();
        assertThat(e.requestUri()).isEmpty();
        assertThat(e.remoteIpAddress()).isEmpty();
        assertThat(e.userAgent()).isEmpty();
        assertThat(e.forwarded()).isEmpty();
        assertThat(e.error()).isEmpty();
        assertThat(e.data()).containsEntry("serverRelease", "175.0-SNAPSHOT").containsEntry("processOwner", "johndoe")
                .hasSize(5);
        assertThat(e.id()).isEqualTo("id-1");
    }

    @Test
    void readsTheDocumentedExportEventWithItsOptionalAttributes() throws Exception {
        LifecycleAuditEntry e = entry(EXPORT);

        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-03-21T14:58:14.233Z"));
        assertThat(e.remoteIpAddress()).hasValue("127.0.0.1");
        assertThat(e.userAgent()).hasValue("curl/7.81.0");
        assertThat(e.error()).hasValue(LifecycleError.BAD_REQUEST);
        assertThat(e.data()).isEmpty();
    }

    @Test
    void normalizesUtcAndPositiveOffsetsToTheSameInstant() throws Exception {
        String template = "{\"timestamp\":\"%s\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\"}";

        assertThat(entry(String.format(template, "2024-03-21T12:00:00.000Z")).timestamp())
                .isEqualTo(entry(String.format(template, "2024-03-21T14:00:00.000+02:00")).timestamp())
                .isEqualTo(entry(String.format(template, "2024-03-21T09:00:00.000-03:00")).timestamp())
                .isEqualTo(Instant.parse("2024-03-21T12:00:00Z"));
    }

    @Test
    void keepsUnknownAttributesAndArbitraryDataValuesInRaw() throws Exception {
        LifecycleAuditEntry e = entry("{\"timestamp\":\"2024-03-21T10:00:00.000Z\",\"username\":\"admin\",\"domain\":\"x\","
                + "\"type\":\"y\",\"newAttribute\":{\"k\":1},\"data\":{\"count\":3,\"tags\":[\"a\",\"b\"],\"ok\":true}}");

        assertThat(e.raw().get("newAttribute").get("k").asInt()).isEqualTo(1);
        assertThat(e.data()).containsEntry("count", 3).containsEntry("tags", List.of("a", "b")).containsEntry("ok", true);
    }

    @Test
    void serializesAsTheOriginalLine() throws Exception {
        LifecycleAuditEntry e = entry(EXPORT);

        JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(e));

        assertThat(written).isEqualTo(Json.mapper().readTree(EXPORT));
    }

    @Test
    void equalityIsTheLineAndTheIdentity() throws Exception {
        assertThat(LifecycleAuditEntry.parse(EXPORT, "a")).isEqualTo(LifecycleAuditEntry.parse(new String(EXPORT), "a"))
                .hasSameHashCodeAs(LifecycleAuditEntry.parse(EXPORT, "a"))
                .isNotEqualTo(LifecycleAuditEntry.parse(EXPORT, "b"))
                .isNotEqualTo(LifecycleAuditEntry.parse(EXPORT.replace("\"error\"", " \"error\""), "a"));
    }

    @Test
    void keepsTheLineExactlyAsReceivedAndBuildsTheTreeFromIt() throws Exception {
        String spaced = "{ \"timestamp\" : \"2024-03-21T10:00:00.000Z\", \"username\":\"a\",\"domain\":\"d\",\"type\":\"t\","
                + "\"note\":\"caf\u00e9 \\u00e9\"}";
        byte[] utf8 = ("xx" + spaced + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        LifecycleAuditEntry e;
        try (com.fasterxml.jackson.core.JsonParser p = Json.mapper().getFactory().createParser(utf8, 2, utf8.length - 4)) {
            p.nextToken();
            e = LifecycleAuditEntry.read(p, utf8, 2, utf8.length - 4, "id-2");
            assertThat(p.currentToken()).isEqualTo(com.fasterxml.jackson.core.JsonToken.END_OBJECT);
        }

        assertThat(e.line()).isEqualTo(spaced);
        assertThat(e.raw()).isEqualTo(Json.mapper().readTree(spaced));
        assertThat(e.raw().get("note").textValue()).isEqualTo("caf\u00e9 \u00e9");
        assertThat(e).isEqualTo(LifecycleAuditEntry.parse(spaced, "id-2"));
    }

    @Test
    void readsNonTextOptionalAttributesAsTheirJsonText() throws Exception {
        LifecycleAuditEntry e = entry("{\"timestamp\":\"2024-03-21T10:00:00.000Z\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\","
                + "\"error\":404,\"forwarded\":{\"for\":\"10.0.0.1\"},\"requestUri\":null,\"userAgent\":true}");

        assertThat(e.error()).hasValue("404");
        assertThat(e.forwarded()).hasValue("{\"for\":\"10.0.0.1\"}");
        assertThat(e.requestUri()).isEmpty();
        assertThat(e.userAgent()).hasValue("true");
    }

    @Test
    void laterDuplicateAttributesWinAsInTheTree() throws Exception {
        LifecycleAuditEntry e = entry("{\"timestamp\":\"2024-03-21T10:00:00.000Z\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\","
                + "\"username\":\"b\"}");

        assertThat(e.username()).isEqualTo("b").isEqualTo(e.raw().get("username").textValue());
    }

    @Test
    void rejectsLinesThatAreNotEvents() {
        assertThatThrownBy(() -> entry("[1,2]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> entry("{\"timestamp\":\"2024-03-21T10:00:00Z\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\"} {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> entry("{\"timestamp\":\"2024-03-21T10:00:00Z\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\",\"data\":{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> entry("{\"timestamp\":\"2024-03-21T10:00:00Z\",\"username\":7,\"domain\":\"d\",\"type\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'username' must be text, was a number");
        assertThatThrownBy(() -> entry("{\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'timestamp'");
        assertThatThrownBy(() -> entry("{\"timestamp\":\"21/03/2024 10:00\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\"}"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("'timestamp'").hasMessageContaining("21/03/2024 10:00");
        assertThatThrownBy(() -> entry("{\"timestamp\":\"2024-03-21T10:00:00Z\",\"username\":\"a\",\"type\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'domain'");
        assertThatThrownBy(() -> entry("{\"timestamp\":\"2024-03-21T10:00:00Z\",\"domain\":\"d\",\"type\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'username'");
    }

    @Test
    void dataIsEmptyWhenNotAnObject() throws Exception {
        assertThat(entry("{\"timestamp\":\"2024-03-21T10:00:00Z\",\"username\":\"a\",\"domain\":\"d\",\"type\":\"t\",\"data\":null}")
                .data()).isEqualTo(Map.of());
    }
}
