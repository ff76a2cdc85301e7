package dev.auditsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final Instant T = Instant.parse("2026-03-21T13:39:44.896Z");

    @Test
    void rendersAuthenticationAsOcsf3002() {
        AuditEvent e = AuditEvent.builder().vendor("lifecycle").id("abc").time(T)
                .actor(Actor.builder().name("admin").email("a@example.com").build())
                .action("login").category("authentication").outcome(Outcome.FAILURE)
                .sourceIp("10.1.2.3").userAgent("curl/8").message("bad-authentication")
                .ocsfClass(OcsfClass.AUTHENTICATION).build();
        ObjectNode o = e.toOcsf();
        assertThat(o.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(o.get("category_uid").asInt()).isEqualTo(3);
        assertThat(o.get("activity_id").asInt()).isEqualTo(1);
        assertThat(o.get("type_uid").asLong()).isEqualTo(300201L);
        assertThat(o.get("time").asLong()).isEqualTo(T.toEpochMilli());
        assertThat(o.get("status_id").asInt()).isEqualTo(2);
        assertThat(o.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(o.at("/actor/user/email_addr").asText()).isEqualTo("a@example.com");
        assertThat(o.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.3");
        assertThat(o.at("/http_request/user_agent").asText()).isEqualTo("curl/8");
        assertThat(o.at("/metadata/product/vendor_name").asText()).isEqualTo("lifecycle");
        assertThat(o.at("/metadata/uid").asText()).isEqualTo("abc");
    }

    @Test
    void defaultsToApiActivityWithUnknownOutcome() {
        AuditEvent e = AuditEvent.builder().vendor("boomi").id("1").time(T).action("Frobnicate")
                .putAttributes("http_status", "200").build();
        ObjectNode o = e.toOcsf();
        assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
        assertThat(o.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(o.get("activity_id").asInt()).isEqualTo(99);
        assertThat(o.get("status_id").asInt()).isEqualTo(0);
        assertThat(o.at("/unmapped/http_status").asText()).isEqualTo("200");
    }

    @Test
    void rendersHttpAttributesAtTheirOcsfPaths() {
        AuditEvent e = AuditEvent.builder().vendor("jitterbit").id("r-1").time(T).action("GET").userAgent("curl/8")
                .putAttributes("http_request.http_method", "GET")
                .putAttributes("http_request.url.url_string", "/orders?ids=1,2")
                .putAttributes("http_response.code", "404")
                .putAttributes("environment", "Production")
                .build();
        ObjectNode o = e.toOcsf();
        assertThat(o.at("/http_request/http_method").asText()).isEqualTo("GET");
        assertThat(o.at("/http_request/user_agent").asText()).isEqualTo("curl/8");
        assertThat(o.at("/http_request/url/url_string").asText()).isEqualTo("/orders?ids=1,2");
        assertThat(o.at("/http_response/code").isInt()).isTrue();
        assertThat(o.at("/http_response/code").asInt()).isEqualTo(404);
        assertThat(o.at("/unmapped/environment").asText()).isEqualTo("Production");
        assertThat(o.at("/unmapped").has("http_response.code")).isFalse();
    }

    @Test
    void infersCrudActivities() {
        ImmutableAuditEvent.Builder b = AuditEvent.builder().vendor("x").id("1").time(T).ocsfClass(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(b.action("Created").build().activityId()).isEqualTo(1);
        assertThat(b.action("UPDATE").build().activityId()).isEqualTo(3);
        assertThat(b.action("deleted").build().activityId()).isEqualTo(4);
        assertThat(b.ocsfClass(OcsfClass.AUTHENTICATION).action("logout").build().activityId()).isEqualTo(2);
    }
}
