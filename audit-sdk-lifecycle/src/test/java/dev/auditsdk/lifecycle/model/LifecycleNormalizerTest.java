package dev.auditsdk.lifecycle.model;

import static dev.auditsdk.lifecycle.model.LifecycleAuditEntryTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleNormalizerTest {

    private static AuditEvent normalize(String user, String domain, String type, String extra) throws Exception {
        return entry("{\"timestamp\":\"2024-03-21T11:58:14.233-03:00\",\"username\":\"" + user + "\",\"domain\":\"" + domain
                + "\",\"type\":\"" + type + "\"" + extra + "}").toAuditEvent();
    }

    @ParameterizedTest
    @CsvSource({
        "authentication, login, AUTHENTICATION",
        "authentication, logout, AUTHENTICATION",
        "authentication, sso-redirect, API_ACTIVITY",
        "user, create, ACCOUNT_CHANGE",
        "user, password-change, ACCOUNT_CHANGE",
        "user-token, delete, ENTITY_MANAGEMENT",
        "role, update, ENTITY_MANAGEMENT",
        "role-membership, update, ENTITY_MANAGEMENT",
        "application, create, ENTITY_MANAGEMENT",
        "policy, delete, ENTITY_MANAGEMENT",
        "system-preferences, update, ENTITY_MANAGEMENT",
        "license, install, ENTITY_MANAGEMENT",
        "audit-log, export, API_ACTIVITY",
        "server, start, ENTITY_MANAGEMENT",
        "user, view, API_ACTIVITY",
    })
    void mapsDomainAndTypeToTheOcsfClass(String domain, String type, OcsfClass expected) throws Exception {
        assertThat(normalize("admin", domain, type, "").ocsfClass()).isEqualTo(expected);
    }

    @Test
    void aFailedLoginIsAnAuthenticationFailureOfTheServersUnknownUserWithoutAnActor() throws Exception {
        AuditEvent e = normalize("*UNKNOWN", "authentication", "login",
                ",\"error\":\"bad-authentication\",\"remoteIpAddress\":\"10.0.0.9\",\"userAgent\":\"curl/8\","
                        + "\"requestMethod\":\"POST\",\"requestUri\":\"/rest/user/session\",\"forwarded\":\"for=1.2.3.4\"");

        assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(e.activityId()).isEqualTo(1);
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.actor().name()).isEmpty();
        assertThat(e.sourceIp()).hasValue("10.0.0.9");
        assertThat(e.userAgent()).hasValue("curl/8");
        assertThat(e.message()).hasValue("authentication login failed: bad-authentication");
        assertThat(e.attributes()).containsEntry("username", "*UNKNOWN").containsEntry("error", "bad-authentication")
                .containsEntry("http_request.http_method", "POST")
                .containsEntry("http_request.url.url_string", "/rest/user/session")
                .containsEntry("forwarded", "for=1.2.3.4");
        ObjectNode ocsf = e.toOcsf();
        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ocsf.get("status_id").asInt()).isEqualTo(2);
        assertThat(ocsf.get("status_detail").asText()).isEqualTo("bad-authentication");
        assertThat(ocsf.at("/user/name").asText()).isEqualTo("*UNKNOWN");
        assertThat(ocsf.has("actor")).isFalse();
        assertThat(ocsf.at("/service/name").asText()).isEqualTo("Sonatype Lifecycle");
        assertThat(ocsf.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.9");
        assertThat(ocsf.at("/http_request/http_method").asText()).isEqualTo("POST");
        assertThat(ocsf.at("/http_request/url/url_string").asText()).isEqualTo("/rest/user/session");
        assertThat(ocsf.at("/metadata/event_code").asText()).isEqualTo("authentication/login");
    }

    @Test
    void aLogoutWithoutErrorSucceeds() throws Exception {
        AuditEvent e = normalize("jdoe", "authentication", "logout", "");

        assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(e.activityId()).isEqualTo(2);
        assertThat(e.actor().name()).hasValue("jdoe");
    }

    @Test
    void carriesVendorIdTimeCategoryAndTargetFromData() throws Exception {
        AuditEvent e = normalize("admin", "application", "update",
                ",\"data\":{\"applicationPublicId\":\"payments-api\",\"applicationName\":\"Payments API\",\"n\":2,"
                        + "\"nested\":{\"a\":1}}");

        assertThat(e.vendor()).isEqualTo("lifecycle");
        assertThat(e.id()).isEqualTo("id-1");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-03-21T14:58:14.233Z"));
        assertThat(e.action()).isEqualTo("update");
        assertThat(e.category()).hasValue("application");
        assertThat(e.target()).hasValueSatisfying(t -> {
            assertThat(t.type()).hasValue("application");
            assertThat(t.id()).hasValue("payments-api");
            assertThat(t.name()).hasValue("Payments API");
        });
        assertThat(e.attributes()).containsEntry("data.n", "2").containsEntry("data.nested", "{\"a\":1}");
        assertThat(e.toOcsf().get("class_uid").asInt()).isEqualTo(3004);
    }

    @Test
    void theSystemUserIsKeptAsActor() throws Exception {
        AuditEvent e = normalize("*SYSTEM", "server", "start", "");

        assertThat(e.actor().name()).hasValue("*SYSTEM");
        assertThat(e.target()).isEmpty();
    }

    @Test
    void readsDataWithoutATreeOfTheLineAndAsTheTreeWouldRenderIt() throws Exception {
        String line = "{\"timestamp\":\"2024-03-21T11:58:14.233-03:00\",\"data\":\"not an object\",\"username\":\"admin\","
                + "\"domain\":\"role\",\"type\":\"update\",\"data\":{\"roleId\":null,\"roleName\":\"Owner\",\"n\":1.0E2,"
                + "\"big\":12345678901234567890,\"flag\":true,\"list\":[1, \"a\"],\"obj\":{\"k\":\"v\"},\"id\":7,"
                + "\"roleName\":\"Developer\",\"esc\":\"a\\\"b\\u00e9\"},\"other\":[{\"data\":1}]}";
        LifecycleAuditEntry entry = entry(line);

        ObjectNode tree = (ObjectNode) entry.raw().get("data");
        java.util.Map<String, String> fromTree = new java.util.LinkedHashMap<>();
        tree.fields().forEachRemaining(f -> fromTree.put("data." + f.getKey(),
                f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>(entry.toAuditEvent().attributes());
        attributes.keySet().removeIf(k -> !k.startsWith("data."));

        assertThat(attributes).containsExactlyEntriesOf(fromTree);
        assertThat(attributes).containsEntry("data.roleName", "Developer")
                .containsEntry("data.roleId", "null").containsEntry("data.esc", "a\"b\u00e9");
        // roleId is null: the target's id is the next key that holds a value
        assertThat(entry.toAuditEvent().target().flatMap(t -> t.id())).hasValue("7");
        assertThat(entry.toAuditEvent().target().flatMap(t -> t.name())).hasValue("Developer");
    }

    @Test
    void aLineWithoutADataObjectHasNoDataAttributes() throws Exception {
        AuditEvent e = normalize("admin", "role", "update", ",\"data\":[1],\"x\":{\"data\":{\"a\":\"b\"}}");
        assertThat(e.attributes().keySet()).noneMatch(k -> k.startsWith("data."));
        assertThat(e.target()).isEmpty();
    }

    private static final String HEAD = "\"timestamp\":\"2024-03-21T11:58:14.233-03:00\",\"username\":\"admin\","
            + "\"domain\":\"role\",\"type\":\"update\"";

    @ParameterizedTest
    @ValueSource(strings = {
        "{" + HEAD + ",\"data\":{\"roleName\":\"Owner\",\"n\":[1,{\"a\":2}]}}",
        "  \t{\"data\":{\"roleId\":\"r-1\"}," + HEAD + "}",
        "{" + HEAD + ",\"data\":{\"a\":\"x\"},\"data\":{\"b\":\"y\"}}",
        "{" + HEAD + ",\"data\":{\"a\":\"x\"},\"data\":\"last one is no object\"}",
        "{" + HEAD + ",\"data\" : {\"name\":\"caf\u00e9 \\\"q\\\"\"}}",
        "{" + HEAD + ",\"data\":{}}",
        "{" + HEAD + ",\"other\":{\"data\":{\"a\":\"nested, not the line's\"}}}",
        "{" + HEAD + ",\"other\":\"caf\u00e9\",\"data\":{\"a\":\"after a multi-byte character\"}}",
    })
    void readsOnlyTheDataValueWhereTheReadingPassFoundItWithTheSameResultAsTheWholeLine(String line) throws Exception {
        LifecycleAuditEntry entry = entry(line);
        boolean oneBytePerChar = line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length == line.length();

        assertThat(entry.dataOffset() != LifecycleAuditEntry.DATA_UNKNOWN).as("known for a line with one byte per character")
                .isEqualTo(oneBytePerChar);
        assertThat(LifecycleNormalizer.data(line, entry.dataOffset())).isEqualTo(LifecycleNormalizer.data(line, -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"roleName\":\"Owner\",\"roleId\":\"r-1\"}",
        "{ \"a\" :\t\"x\" ,\r\n \"b\":\"\" }",
        "{}",
        "{ }",
        "{\"a\":\"first\",\"b\":\"y\",\"a\":\"last\"}",
        "{\"name\":\"caf\u00e9 \ud83d\ude00\"}",
    })
    void scansAnObjectOfPlainStringsWithTheParsersResult(String data) throws Exception {
        String line = "{" + HEAD + ",\"data\":" + data + "}";
        int offset = line.indexOf("\"data\":") + 7;

        assertThat(LifecycleNormalizer.flatTextFields(line, offset)).as("read by the scan").isNotNull()
                .isEqualTo(LifecycleNormalizer.data(line, -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"n\":1}",
        "{\"a\":\"x\",\"ok\":true}",
        "{\"a\":null}",
        "{\"a\":{\"b\":\"c\"}}",
        "{\"a\":[\"b\"]}",
        "{\"esc\":\"a\\\"b\"}",
        "{\"na\\u006de\":\"v\"}",
        "{\"a\":\"x\",\"n\":1.0E2}",
    })
    void leavesEveryOtherObjectToTheParserWhichReadsItAsTheWholeLineDoes(String data) throws Exception {
        String line = "{" + HEAD + ",\"data\":" + data + "}";
        LifecycleAuditEntry entry = entry(line);
        int offset = line.indexOf("\"data\":") + 7;

        assertThat(LifecycleNormalizer.flatTextFields(line, offset)).as("not for the scan").isNull();
        assertThat(LifecycleNormalizer.data(line, entry.dataOffset())).isEqualTo(LifecycleNormalizer.data(line, -1));
    }

    @Test
    void randomDataObjectsReadTheSameByScanAndParser() throws Exception {
        java.util.Random random = new java.util.Random(17);
        String[] values = {"\"v\"", "\"\"", "\"a b\"", "\"caf\u00e9\"", "\"q\\\"q\"", "1", "-2.5e3", "true", "null",
            "{\"x\":\"y\"}", "[]", "[1,\"2\"]"};
        String[] space = {"", " ", "\t", "\r\n ", "  "};
        int scanned = 0;
        for (int n = 0; n < 2_000; n++) {
            StringBuilder data = new StringBuilder("{").append(space[random.nextInt(space.length)]);
            int fields = random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    data.append(space[random.nextInt(space.length)]).append(',').append(space[random.nextInt(space.length)]);
                }
                data.append("\"k").append(random.nextInt(4)).append('"').append(space[random.nextInt(space.length)]).append(':')
                        .append(space[random.nextInt(space.length)]).append(values[random.nextInt(values.length)]);
            }
            data.append(space[random.nextInt(space.length)]).append('}');
            String line = "{" + HEAD + ",\"data\":" + data + "}";
            entry(line); // a valid line
            java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> scan =
                    LifecycleNormalizer.flatTextFields(line, line.indexOf("\"data\":") + 7);
            if (scan != null) {
                scanned++;
                assertThat(scan).as(line).isEqualTo(LifecycleNormalizer.data(line, -1));
            }
        }
        assertThat(scanned).as("objects the scan read").isGreaterThan(200);
    }

    @Test
    void findsTheDataValueOfALineInTheMiddleOfAReadBuffer() throws Exception {
        String first = "{" + HEAD + ",\"data\":{\"x\":\"first\"}}";
        String second = "{" + HEAD + ",\"data\":{\"roleName\":\"Second\"}}";
        byte[] buffer = (first + "\n" + second + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int offset = first.length() + 1;
        try (com.fasterxml.jackson.core.JsonParser p = dev.auditsdk.core.spi.util.Json.mapper().getFactory().createParser(buffer)) {
            p.nextToken();
            p.skipChildren();
            p.nextToken();
            LifecycleAuditEntry entry = LifecycleAuditEntry.read(p, buffer, offset, second.length(), "id-2");

            assertThat(entry.line()).isEqualTo(second);
            assertThat(entry.line().substring(entry.dataOffset())).startsWith("{\"roleName\"");
            assertThat(entry.toAuditEvent().attributes()).containsEntry("data.roleName", "Second");
        }
    }
}
