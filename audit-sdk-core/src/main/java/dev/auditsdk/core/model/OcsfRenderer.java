package dev.auditsdk.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.internal.SdkVersion;

/** Renders an {@link AuditEvent} as an OCSF 1.3 event object. */
final class OcsfRenderer {
    static final String OCSF_VERSION = "1.3.0";

    private OcsfRenderer() {
    }

    static ObjectNode render(AuditEvent e) {
        ObjectNode o = Json.mapper().createObjectNode();
        OcsfClass cls = e.ocsfClass();
        int activity = e.activityId();
        o.put("class_uid", cls.uid());
        o.put("class_name", cls.caption());
        o.put("category_uid", cls.categoryUid());
        o.put("category_name", cls.categoryName());
        o.put("activity_id", activity);
        o.put("activity_name", e.action());
        o.put("type_uid", cls.uid() * 100L + activity);
        o.put("time", e.time().toEpochMilli());
        o.put("time_dt", e.time().toString());
        o.put("severity_id", e.outcome() == Outcome.FAILURE ? 3 : 1);
        o.put("status_id", e.outcome().statusId());
        o.put("status", e.outcome().label());
        e.message().ifPresent(m -> o.put("message", m));

        ObjectNode metadata = o.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        metadata.put("uid", e.id());
        ObjectNode product = metadata.putObject("product");
        product.put("vendor_name", e.vendor());
        product.put("name", e.vendor() + " audit log");
        metadata.putObject("extension").put("name", "audit-sdk").put("version", SdkVersion.get());
        e.category().ifPresent(c -> metadata.putArray("labels").add(c));

        ObjectNode user = Json.mapper().createObjectNode();
        e.actor().name().ifPresent(n -> user.put("name", n));
        e.actor().email().ifPresent(m -> user.put("email_addr", m));
        e.actor().id().ifPresent(i -> user.put("uid", i));
        if (!user.isEmpty()) {
            o.putObject("actor").set("user", user);
            if (cls == OcsfClass.AUTHENTICATION || cls == OcsfClass.ACCOUNT_CHANGE) {
                o.set("user", user.deepCopy());
            }
        }
        if (e.sourceIp().isPresent() || e.userAgent().isPresent()) {
            ObjectNode src = o.putObject("src_endpoint");
            e.sourceIp().ifPresent(ip -> src.put("ip", ip));
        }
        e.userAgent().ifPresent(ua -> o.putObject("http_request").put("user_agent", ua));
        // attributes named by an OCSF path under http_request/http_response land there, the rest in "unmapped"
        e.target().ifPresent(t -> {
            ObjectNode entity = o.putObject(cls == OcsfClass.ENTITY_MANAGEMENT ? "entity" : "resource");
            t.type().ifPresent(v -> entity.put("type", v));
            t.id().ifPresent(v -> entity.put("uid", v));
            t.name().ifPresent(v -> entity.put("name", v));
        });
        ObjectNode unmapped = null;
        for (java.util.Map.Entry<String, String> a : e.attributes().entrySet()) {
            if (a.getKey().startsWith("http_request.") || a.getKey().startsWith("http_response.")) {
                putPath(o, a.getKey(), a.getValue());
            } else {
                if (unmapped == null) {
                    unmapped = o.putObject("unmapped");
                }
                unmapped.put(a.getKey(), a.getValue());
            }
        }
        return o;
    }

    /**
     * Places an OCSF attribute given by its dotted path ({@code http_response.code},
     * {@code http_request.url.path}) into nested objects; status codes become numbers.
     */
    private static void putPath(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            com.fasterxml.jackson.databind.JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode ? (ObjectNode) child : node.putObject(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (leaf.equals("code") && value.matches("\\d{1,9}")) {
            node.put(leaf, Integer.parseInt(value));
        } else {
            node.put(leaf, value);
        }
    }
}
