package dev.auditsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final Instant T = Instant.parse("2026-03-21T13:39:44.896Z");
    private static final Product IQ = Product.of("Sonatype", "Sonatype Lifecycle");

    private static ImmutableAuditEvent.Builder event() {
        return AuditEvent.builder().vendor("lifecycle").id("abc").time(T).product(IQ);
    }

    @Test
    void rendersAFailedLogonAsOcsfAuthentication() {
        AuditEvent e = event()
                .actor(Actor.builder().name("admin").email("a@example.com").build())
                .action("login").category("authentication").outcome(Outcome.FAILURE)
                .sourceIp("10.1.2.3").userAgent("curl/8").message("bad-authentication").statusDetail("bad-authentication")
                .logName("audit.log").eventCode("authentication/login")
                .ocsfClass(OcsfClass.AUTHENTICATION).build();
        ObjectNode o = e.toOcsf();
        assertThat(o.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(o.get("class_name").asText()).isEqualTo("Authentication");
        assertThat(o.get("category_uid").asInt()).isEqualTo(3);
        assertThat(o.get("activity_id").asInt()).isEqualTo(1);
        assertThat(o.get("activity_name").asText()).isEqualTo("Logon");
        assertThat(o.get("type_uid").asLong()).isEqualTo(300201L);
        assertThat(o.get("type_name").asText()).isEqualTo("Authentication: Logon");
        assertThat(o.get("time").asLong()).isEqualTo(T.toEpochMilli());
        assertThat(o.get("time_dt").asText()).isEqualTo("2026-03-21T13:39:44.896Z");
        assertThat(o.get("status_id").asInt()).isEqualTo(2);
        assertThat(o.get("status").asText()).isEqualTo("Failure");
        assertThat(o.get("status_detail").asText()).isEqualTo("bad-authentication");
        assertThat(o.get("severity_id").asInt()).isEqualTo(3);
        assertThat(o.get("severity").asText()).isEqualTo("Medium");
        assertThat(o.at("/user/name").asText()).isEqualTo("admin");
        assertThat(o.at("/actor/user/email_addr").asText()).isEqualTo("a@example.com");
        assertThat(o.at("/service/name").asText()).isEqualTo("Sonatype Lifecycle");
        assertThat(o.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.3");
        assertThat(o.at("/http_request/user_agent").asText()).isEqualTo("curl/8");
    }

    @Test
    void metadataNamesTheProductTheVersionTheProfilesAndTheSdkAsLogger() {
        ObjectNode m = (ObjectNode) event().action("login").actor(Actor.named("admin")).tenantId("org-1")
                .logName("audit.log").eventCode("authentication/login").category("authentication")
                .ocsfClass(OcsfClass.AUTHENTICATION).build().toOcsf().get("metadata");
        assertThat(m.get("version").asText()).isEqualTo(AuditEvent.OCSF_VERSION).isEqualTo("1.3.0");
        assertThat(m.get("uid").asText()).isEqualTo("abc");
        assertThat(m.at("/product/vendor_name").asText()).isEqualTo("Sonatype");
        assertThat(m.at("/product/name").asText()).isEqualTo("Sonatype Lifecycle");
        assertThat(m.get("profiles")).hasSize(1);
        assertThat(m.at("/profiles/0").asText()).isEqualTo("datetime");
        assertThat(m.get("log_name").asText()).isEqualTo("audit.log");
        assertThat(m.get("event_code").asText()).isEqualTo("authentication/login");
        assertThat(m.get("tenant_uid").asText()).isEqualTo("org-1");
        assertThat(m.at("/labels/0").asText()).isEqualTo("authentication");
        assertThat(m.at("/loggers/0/name").asText()).isEqualTo("audit-sdk");
        assertThat(m.has("extension")).isFalse();
    }

    @Test
    void apiActivityCarriesTheOperationServiceResourcesAndResponse() {
        AuditEvent e = AuditEvent.builder().vendor("jitterbit").id("r-1").time(T).action("GET").userAgent("curl/8")
                .actor(Actor.builder().application("PostmanRuntime/7.36.0").build()).sourceIp("10.0.0.9")
                .service("orders").target(Target.builder().type("api").name("orders").build())
                .putAttributes("http_request.http_method", "GET")
                .putAttributes("http_request.url.url_string", "/orders?ids=1,2")
                .putAttributes("http_response.code", "404")
                .putAttributes("environment", "Production")
                .build();
        ObjectNode o = e.toOcsf();
        assertThat(o.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(o.get("activity_name").asText()).isEqualTo("Read");
        assertThat(o.at("/api/operation").asText()).isEqualTo("GET");
        assertThat(o.at("/api/service/name").asText()).isEqualTo("orders");
        assertThat(o.at("/api/response/code").asInt()).isEqualTo(404);
        assertThat(o.get("status_code").asText()).isEqualTo("404");
        assertThat(o.at("/actor/app_name").asText()).isEqualTo("PostmanRuntime/7.36.0");
        assertThat(o.at("/actor").has("user")).isFalse();
        assertThat(o.at("/resources/0/name").asText()).isEqualTo("orders");
        assertThat(o.at("/resources/0/type").asText()).isEqualTo("api");
        assertThat(o.at("/http_request/http_method").asText()).isEqualTo("GET");
        assertThat(o.at("/http_request/url/url_string").asText()).isEqualTo("/orders?ids=1,2");
        assertThat(o.at("/unmapped/environment").asText()).isEqualTo("Production");
        assertThat(o.has("http_response")).isFalse();
        assertThat(o.has("resource")).isFalse();
    }

    @Test
    void anHttpMethodOcsfDoesNotEnumerateStaysUnmapped() {
        ObjectNode o = AuditEvent.builder().vendor("jitterbit").id("r-1").time(T).action("PATCH")
                .actor(Actor.named("app")).sourceIp("10.0.0.9").putAttributes("http_request.http_method", "PATCH")
                .build().toOcsf();
        assertThat(o.get("activity_name").asText()).isEqualTo("Update");
        assertThat(o.at("/api/operation").asText()).isEqualTo("PATCH");
        assertThat(o.has("http_request")).isFalse();
        assertThat(o.at("/unmapped/http_request.http_method").asText()).isEqualTo("PATCH");
    }

    @Test
    void activityOtherKeepsTheVendorsWordAsActivityName() {
        ObjectNode o = event().actor(Actor.named("ada")).action("EXECUTE").tenantId("acct")
                .target(Target.builder().type("process").id("p-1").build())
                .ocsfClass(OcsfClass.ENTITY_MANAGEMENT).build().toOcsf();
        assertThat(o.get("activity_id").asInt()).isEqualTo(99);
        assertThat(o.get("activity_name").asText()).isEqualTo("EXECUTE");
        assertThat(o.get("type_uid").asLong()).isEqualTo(300499L);
        assertThat(o.get("type_name").asText()).isEqualTo("Entity Management: Other");
    }

    @Test
    void entityManagementWithAnActorDeclaresTheHostProfile() {
        ObjectNode o = event().actor(Actor.named("ada")).action("update")
                .target(Target.builder().type("application").id("web").name("web portal").build())
                .ocsfClass(OcsfClass.ENTITY_MANAGEMENT).build().toOcsf();
        assertThat(o.at("/entity/uid").asText()).isEqualTo("web");
        assertThat(o.at("/entity/name").asText()).isEqualTo("web portal");
        assertThat(o.at("/entity/type").asText()).isEqualTo("application");
        assertThat(o.at("/metadata/profiles").toString()).isEqualTo("[\"datetime\",\"host\"]");
    }

    @Test
    void anAccountChangeWithoutTargetUserFallsBackToEntityManagementInTheTenant() {
        ObjectNode o = event().actor(Actor.named("ada")).action("ADD").tenantId("acme-1")
                .target(Target.builder().type("user").build())
                .ocsfClass(OcsfClass.ACCOUNT_CHANGE).build().toOcsf();
        assertThat(o.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(o.get("activity_name").asText()).isEqualTo("Create");
        assertThat(o.at("/entity/type").asText()).isEqualTo("user");
        assertThat(o.at("/entity/org/uid").asText()).isEqualTo("acme-1");
        assertThat(o.has("user")).isFalse();
    }

    @Test
    void anAccountChangeNamesTheTargetUser() {
        ObjectNode o = event().actor(Actor.named("admin")).action("password-change")
                .target(Target.builder().type("user").name("jdoe").build())
                .ocsfClass(OcsfClass.ACCOUNT_CHANGE).build().toOcsf();
        assertThat(o.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(o.get("activity_name").asText()).isEqualTo("Password Change");
        assertThat(o.at("/user/name").asText()).isEqualTo("jdoe");
        assertThat(o.at("/actor/user/name").asText()).isEqualTo("admin");
    }

    @Test
    void apiActivityWithoutACallerAddressBecomesEntityManagementOrBaseEvent() {
        ImmutableAuditEvent.Builder b = event().actor(Actor.named("ada")).action("Created");
        ObjectNode entity = b.target(Target.builder().type("External Application").name("App 7").build()).build()
                .toOcsf();
        assertThat(entity.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(entity.has("src_endpoint")).isFalse();

        ObjectNode base = event().actor(Actor.named("ada")).action("Settings Updated").sourceIp("not-an-ip")
                .target(Target.builder().type("Organization").build()).build().toOcsf();
        assertThat(base.get("class_uid").asInt()).isZero();
        assertThat(base.get("category_uid").asInt()).isZero();
        assertThat(base.get("type_uid").asLong()).isEqualTo(99L);
        assertThat(base.get("activity_name").asText()).isEqualTo("Settings Updated");
        assertThat(base.at("/unmapped/actor.name").asText()).isEqualTo("ada");
        assertThat(base.at("/unmapped/source_ip").asText()).isEqualTo("not-an-ip");
        assertThat(base.has("actor")).isFalse();
        assertThat(base.has("src_endpoint")).isFalse();
    }

    @Test
    void anAuthenticationUserComesFromTheTargetWhenNoActorIsKnown() {
        ObjectNode o = event().action("login").outcome(Outcome.FAILURE).sourceIp("10.0.0.1")
                .target(Target.builder().type("user").name("*UNKNOWN").build())
                .ocsfClass(OcsfClass.AUTHENTICATION).build().toOcsf();
        assertThat(o.at("/user/name").asText()).isEqualTo("*UNKNOWN");
        assertThat(o.has("actor")).isFalse();
    }

    @Test
    void anEmailAddressThatIsNotOneIsLeftOutAndAnEmailAloneNamesTheUser() {
        assertThat(event().actor(Actor.builder().name("ada").email("n/a").build()).action("login")
                .ocsfClass(OcsfClass.AUTHENTICATION).build().toOcsf().at("/user").has("email_addr")).isFalse();
        assertThat(event().actor(Actor.builder().email("ada@acme.example").build()).action("login")
                .ocsfClass(OcsfClass.AUTHENTICATION).build().toOcsf().at("/user/name").asText())
                .isEqualTo("ada@acme.example");
    }

    @Test
    void withoutAProductTheVendorNamesIt() {
        ObjectNode o = AuditEvent.builder().vendor("acme").id("1").time(T).action("Frobnicate").build().toOcsf();
        assertThat(o.at("/metadata/product/vendor_name").asText()).isEqualTo("acme");
        assertThat(o.at("/metadata/product/name").asText()).isEqualTo("acme");
    }

    @Test
    void infersActivitiesAndLetsTheNormalizerSetOne() {
        ImmutableAuditEvent.Builder b = AuditEvent.builder().vendor("x").id("1").time(T).ocsfClass(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(b.action("Created").build().activityId()).isEqualTo(1);
        assertThat(b.action("UPDATE").build().activityId()).isEqualTo(3);
        assertThat(b.action("deleted").build().activityId()).isEqualTo(4);
        assertThat(b.action("Disable").build().activityId()).isEqualTo(9);
        assertThat(b.action("AddMembers").activityId(3).build().activityId()).isEqualTo(3);
        ImmutableAuditEvent.Builder auth = AuditEvent.builder().vendor("x").id("1").time(T).ocsfClass(OcsfClass.AUTHENTICATION);
        assertThat(auth.action("logout").build().activityId()).isEqualTo(2);
        assertThat(auth.action("UserLoggedIn").build().activityId()).isEqualTo(1);
        ImmutableAuditEvent.Builder account = AuditEvent.builder().vendor("x").id("1").time(T).ocsfClass(OcsfClass.ACCOUNT_CHANGE);
        assertThat(account.action("DISABLE").build().activityId()).isEqualTo(5);
        assertThat(account.action("delete").build().activityId()).isEqualTo(6);
    }

    @Test
    void writesOcsfStraightToAGeneratorAsTheSameObjectsOneAfterAnother() throws Exception {
        AuditEvent apiCall = event().actor(Actor.named("svc")).action("PUT").sourceIp("10.0.0.9")
                .putAttributes("http_request.url.path", "/api/x").putAttributes("http_request.http_method", "PUT")
                .putAttributes("http_response.code", "204").putAttributes("note", "kept")
                .target(Target.builder().type("app").name("billing").build()).build();
        AuditEvent baseEvent = event().action("something").ocsfClass(OcsfClass.BASE_EVENT).userAgent("curl/8").build();
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = dev.auditsdk.core.spi.util.Json.mapper().getFactory().createGenerator(out)) {
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            apiCall.writeOcsf(g);
            baseEvent.writeOcsf(g);
        }
        String[] lines = out.toString().split("\n");

        assertThat(lines).hasSize(2);
        // the same bytes as the tree serialized
        assertThat(lines[0]).isEqualTo(dev.auditsdk.core.spi.util.Json.mapper().writeValueAsString(apiCall.toOcsf()));
        assertThat(lines[1]).isEqualTo(dev.auditsdk.core.spi.util.Json.mapper().writeValueAsString(baseEvent.toOcsf()));
        assertThat(apiCall.toOcsf().at("/http_request/url/path").asText()).isEqualTo("/api/x");
        assertThat(apiCall.toOcsf().at("/api/response/code").asInt()).isEqualTo(204);
        assertThat(apiCall.toOcsf().at("/unmapped/note").asText()).isEqualTo("kept");
        assertThat(baseEvent.toOcsf().at("/unmapped/user_agent").asText()).isEqualTo("curl/8");
    }
}
