package dev.auditsdk.testkit.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OcsfValidatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OcsfValidator VALIDATOR = OcsfValidator.bundled();

    private static ObjectNode logon() throws Exception {
        return (ObjectNode) MAPPER.readTree("{\"class_uid\":3002,\"class_name\":\"Authentication\",\"category_uid\":3,"
                + "\"category_name\":\"Identity & Access Management\",\"activity_id\":1,\"activity_name\":\"Logon\","
                + "\"type_uid\":300201,\"type_name\":\"Authentication: Logon\",\"time\":1700000000000,"
                + "\"time_dt\":\"2023-11-14T22:13:20Z\",\"severity_id\":1,\"severity\":\"Informational\",\"status_id\":1,"
                + "\"status\":\"Success\",\"metadata\":{\"version\":\"1.3.0\",\"profiles\":[\"datetime\"],"
                + "\"product\":{\"name\":\"Boomi Enterprise Platform\",\"vendor_name\":\"Boomi\"}},"
                + "\"user\":{\"name\":\"ada@acme.example\"},\"service\":{\"name\":\"Boomi Enterprise Platform\"}}");
    }

    private static ObjectNode entityCreate() throws Exception {
        return (ObjectNode) MAPPER.readTree("{\"class_uid\":3004,\"category_uid\":3,\"activity_id\":1,"
                + "\"activity_name\":\"Create\",\"type_uid\":300401,\"time\":1700000000000,\"severity_id\":1,"
                + "\"metadata\":{\"version\":\"1.3.0\",\"profiles\":[\"host\"],"
                + "\"product\":{\"name\":\"IQ Server\",\"vendor_name\":\"Sonatype\"}},"
                + "\"actor\":{\"user\":{\"name\":\"admin\"}},\"entity\":{\"type\":\"application\",\"name\":\"web\"}}");
    }

    @Test
    void aCompleteLogonIsValidAndListsTheRecommendedAttributesItLeavesOut() throws Exception {
        OcsfReport report = VALIDATOR.validate(logon());

        assertThat(report.errors()).isEmpty();
        assertThat(report.missingRecommended()).contains("src_endpoint", "user.uid", "metadata.log_name")
                .doesNotContain("user.name", "service");
    }

    @Test
    void everyRequiredAttributeIsCheckedAtEveryLevel() throws Exception {
        ObjectNode event = logon();
        event.remove("user");
        ((ObjectNode) event.get("metadata")).remove("version");

        assertThat(VALIDATOR.validate(event).errors()).containsExactlyInAnyOrder(
                "user: is required by authentication and missing",
                "metadata.version: is required by metadata and missing");
    }

    @Test
    void atLeastOneConstraintsOfClassesAndObjectsHold() throws Exception {
        ObjectNode event = logon();
        event.remove("service");
        event.putObject("src_endpoint");

        assertThat(VALIDATOR.validate(event).errors()).containsExactlyInAnyOrder(
                "(event): authentication needs at least one of [service, dst_endpoint]",
                "src_endpoint: network_endpoint needs at least one of [ip, uid, name, hostname, svc_name, instance_uid,"
                        + " interface_uid, interface_name]");
    }

    @Test
    void attributesTheClassDoesNotDefineAreViolations() throws Exception {
        ObjectNode event = logon();
        event.putObject("resource").put("name", "x");
        ((ObjectNode) event.get("metadata")).putObject("extension").put("name", "audit-sdk");

        assertThat(VALIDATOR.validate(event).errors()).containsExactlyInAnyOrder(
                "resource: is not an attribute of authentication (nor of the profiles it declares)",
                "metadata.extension.uid: is required by extension and missing",
                "metadata.extension.version: is required by extension and missing");
    }

    @Test
    void anEnumSiblingIsTheCaptionOfItsValueExceptForOther() throws Exception {
        ObjectNode event = logon();
        event.put("activity_name", "login");
        event.put("status_id", 7);

        assertThat(VALIDATOR.validate(event).errors()).containsExactlyInAnyOrder(
                "activity_name: must be 'Logon', the caption of activity_id 1, is 'login'",
                "status_id: '7' is not one of its enum values [0, 1, 2, 99]");

        ObjectNode other = logon();
        other.put("activity_id", 99).put("activity_name", "LoginFailed").put("type_uid", 300299).remove("type_name");
        assertThat(VALIDATOR.validate(other).errors()).isEmpty();
    }

    @Test
    void typeUidIsClassUidTimesHundredPlusActivity() throws Exception {
        ObjectNode event = logon();
        event.put("type_uid", 300202);

        assertThat(VALIDATOR.validate(event).errors())
                .containsExactly("type_uid: must be class_uid * 100 + activity_id = 300201, is 300202");
    }

    @Test
    void profileAttributesNeedTheProfileDeclared() throws Exception {
        ObjectNode event = logon();
        ((ObjectNode) event.get("metadata")).remove("profiles");
        assertThat(VALIDATOR.validate(event).errors())
                .containsExactly("time_dt: belongs to the 'datetime' profile, which metadata.profiles does not declare");

        ObjectNode entity = entityCreate();
        assertThat(VALIDATOR.validate(entity).errors()).isEmpty();
        ((ObjectNode) entity.get("metadata")).remove("profiles");
        assertThat(VALIDATOR.validate(entity).errors())
                .containsExactly("actor: belongs to the 'host' profile, which metadata.profiles does not declare");
    }

    @Test
    void aProfileMustApplyToTheClass() throws Exception {
        ObjectNode event = logon();
        ((ObjectNode) event.get("metadata")).putArray("profiles").add("datetime").add("container");

        assertThat(VALIDATOR.validate(event).errors()).singleElement().asString()
                .startsWith("metadata.profiles: the 'container' profile does not apply to Authentication");
    }

    @Test
    void scalarsHaveTheirTypePatternAndShape() throws Exception {
        ObjectNode event = logon();
        ((ObjectNode) event.get("user")).put("email_addr", "not-an-address");
        event.putObject("src_endpoint").put("ip", "10.0.0.300").put("port", 70000);
        event.put("time", "yesterday");
        event.put("message", 5);

        assertThat(VALIDATOR.validate(event).errors()).containsExactlyInAnyOrder(
                "user.email_addr: 'not-an-address' is not a valid email_t",
                "src_endpoint.ip: '10.0.0.300' is not a valid ip_t",
                "src_endpoint.port: 70000 is outside [0,65535] (port_t)",
                "time: must be a long (timestamp_t), is STRING",
                "message: must be a string (string_t), is NUMBER");
    }

    @Test
    void arraysAreArraysAndClassCaptionsMatchTheClass() throws Exception {
        ObjectNode event = entityCreate();
        event.put("class_name", "API Activity");
        event.putObject("observables");

        assertThat(VALIDATOR.validate(event).errors()).containsExactlyInAnyOrder(
                "observables: must be an array",
                "class_name: must be 'Entity Management' for this class, is 'API Activity'");
    }

    @Test
    void anUnknownClassOrANonObjectIsReported() throws Exception {
        assertThat(VALIDATOR.validate(MAPPER.readTree("{\"class_uid\":9999}")).errors())
                .containsExactly("class_uid: 9999 is not a class of OCSF 1.3.0");
        assertThat(VALIDATOR.validate(MAPPER.readTree("[1]")).errors())
                .containsExactly("(event): an OCSF event must be a JSON object");
    }
}
