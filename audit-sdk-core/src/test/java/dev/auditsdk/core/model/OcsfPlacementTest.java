package dev.auditsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Where the renderer puts an event's own fields and attributes that have no OCSF attribute of
 * their own: {@code unmapped}, in order, an attribute with the name of an own field taking that
 * field's place and giving its value, as a map would; {@code http_request.*} nested under
 * {@code http_request} (not for the Base Event); {@code http_response.code} never in
 * {@code unmapped}. Random events against that rule written out as maps.
 */
class OcsfPlacementTest {
    private static final String[] NAMES = {"source_ip", "user_agent", "actor.name", "target.id", "note", "data.x",
        "http_request.url.path", "http_request.http_method", "http_response.code", "error", "data.y"};
    private static final String[] VALUES = {"v", "10.0.0.1", "GET", "PATCHY", "204", "x".repeat(40), "caf\u00e9"};

    @Test
    void unmappedKeepsOwnFieldsFirstAndAttributesInOrderAsAMapWould() {
        Random random = new Random(11);
        for (int n = 0; n < 3_000; n++) {
            OcsfClass cls = OcsfClass.values()[random.nextInt(OcsfClass.values().length)];
            ImmutableAuditEvent.Builder b = AuditEvent.builder().vendor("v").id("id-" + n).time(Instant.EPOCH).action("do")
                    .ocsfClass(cls);
            Map<String, String> own = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                b.actor(Actor.named("admin"));
                own.put("actor.name", "admin");
            }
            if (random.nextBoolean()) {
                b.target(Target.builder().type("t").id("7").build());
                own.put("target.type", "t");
                own.put("target.id", "7");
            }
            String ip = random.nextBoolean() ? "10.1.2.3" : "not an ip";
            if (random.nextBoolean()) {
                b.sourceIp(ip);
                own.put("source_ip", ip);
            }
            if (random.nextBoolean()) {
                b.userAgent("curl/8");
                own.put("user_agent", "curl/8");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = random.nextInt(6); a > 0; a--) {
                attributes.put(NAMES[random.nextInt(NAMES.length)], VALUES[random.nextInt(VALUES.length)]);
            }
            b.putAllAttributes(attributes);
            AuditEvent event = b.build();
            OcsfClass rendered = OcsfClass.values()[0];
            ObjectNode ocsf = event.toOcsf();
            for (OcsfClass c : OcsfClass.values()) {
                if (c.uid() == ocsf.get("class_uid").asInt()) {
                    rendered = c;
                }
            }

            Map<String, String> expected = new LinkedHashMap<>();
            boolean base = rendered == OcsfClass.BASE_EVENT;
            if (base) {
                own.forEach(expected::put);
            } else if (own.containsKey("source_ip") && !"10.1.2.3".equals(ip)) {
                expected.put("source_ip", ip);
            }
            attributes.forEach((k, v) -> {
                boolean request = !base && k.startsWith("http_request.")
                        && (!k.equals("http_request.http_method") || v.equals("GET"));
                if (!request && !k.equals("http_response.code")) {
                    expected.put(k, v);
                }
            });
            Map<String, String> actual = new LinkedHashMap<>();
            JsonNode unmapped = ocsf.get("unmapped");
            if (unmapped != null) {
                unmapped.fields().forEachRemaining(f -> actual.put(f.getKey(), f.getValue().asText()));
            }
            assertThat(actual).as("event %d (%s): %s", n, rendered, event).containsExactlyEntriesOf(expected);
            if (!base && "10.1.2.3".equals(event.sourceIp().orElse(null))) {
                assertThat(ocsf.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.3");
            } else {
                assertThat(ocsf.has("src_endpoint")).isFalse();
            }
            boolean anyRequest = !base && (event.userAgent().isPresent() || attributes.entrySet().stream().anyMatch(
                    a -> a.getKey().startsWith("http_request.")
                            && (!a.getKey().equals("http_request.http_method") || a.getValue().equals("GET"))));
            assertThat(ocsf.has("http_request")).as("event %d: %s", n, Json.mapper().valueToTree(ocsf)).isEqualTo(anyRequest);
        }
    }
}
