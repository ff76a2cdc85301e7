package dev.auditsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.internal.SdkVersion;
import dev.auditsdk.core.json.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders an {@link AuditEvent} as an OCSF {@value AuditEvent#OCSF_VERSION} event object of the
 * class {@link OcsfClassChoice} picks, with only the attributes that class and the declared
 * profiles define.
 */
final class OcsfRenderer {
    private static final String SDK = "audit-sdk";
    /** {@code http_request.http_method} is an enum in OCSF 1.3.0. */
    private static final Set<String> HTTP_METHODS = Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "POST",
            "PUT", "TRACE");
    private static final String HTTP_METHOD = "http_request.http_method";
    private static final String HTTP_CODE = "http_response.code";

    private OcsfRenderer() {
    }

    static ObjectNode render(AuditEvent e) {
        OcsfClass cls = OcsfClassChoice.of(e);
        int activity = activity(e, cls);
        ObjectNode o = Json.mapper().createObjectNode();
        classification(o, cls, activity, e.action());
        o.put("time", e.time().toEpochMilli());
        o.put("time_dt", e.time().toString());
        boolean failed = e.outcome() == Outcome.FAILURE;
        o.put("severity_id", failed ? 3 : 1);
        o.put("severity", failed ? "Medium" : "Informational");
        o.put("status_id", e.outcome().statusId());
        o.put("status", e.outcome().label());
        e.statusDetail().ifPresent(d -> o.put("status_detail", d));
        Optional.ofNullable(e.attributes().get(HTTP_CODE)).ifPresent(c -> o.put("status_code", c));
        e.message().ifPresent(m -> o.put("message", m));
        ObjectNode unmapped = Json.mapper().createObjectNode();
        boolean host = body(o, cls, e, unmapped);
        metadata(o.putObject("metadata"), e, host);
        attributes(o, cls, e, unmapped);
        if (!unmapped.isEmpty()) {
            o.set("unmapped", unmapped);
        }
        return o;
    }

    private static int activity(AuditEvent e, OcsfClass cls) {
        int id = cls == e.ocsfClass() ? e.activityId() : OcsfActivity.infer(cls, e.action().toLowerCase(Locale.ROOT));
        return OcsfActivity.caption(cls, id) == null ? OcsfActivity.OTHER : id;
    }

    private static void classification(ObjectNode o, OcsfClass cls, int activity, String action) {
        String caption = OcsfActivity.caption(cls, activity);
        o.put("class_uid", cls.uid());
        o.put("class_name", cls.caption());
        o.put("category_uid", cls.categoryUid());
        o.put("category_name", cls.categoryName());
        o.put("activity_id", activity);
        // for 99 (Other) OCSF puts the source's own word in activity_name
        o.put("activity_name", activity == OcsfActivity.OTHER ? action : caption);
        o.put("type_uid", cls.uid() * 100L + activity);
        o.put("type_name", cls.caption() + ": " + caption);
    }

    /** The class's own attributes; returns whether the host profile is needed (actor on Entity Management). */
    private static boolean body(ObjectNode o, OcsfClass cls, AuditEvent e, ObjectNode unmapped) {
        Optional<ObjectNode> actorUser = OcsfObjects.user(e.actor());
        if (cls == OcsfClass.BASE_EVENT) {
            e.actor().name().ifPresent(v -> unmapped.put("actor.name", v));
            e.actor().email().ifPresent(v -> unmapped.put("actor.email", v));
            e.actor().id().ifPresent(v -> unmapped.put("actor.id", v));
            e.actor().application().ifPresent(v -> unmapped.put("actor.application", v));
            e.target().ifPresent(t -> {
                t.type().ifPresent(v -> unmapped.put("target.type", v));
                t.id().ifPresent(v -> unmapped.put("target.id", v));
                t.name().ifPresent(v -> unmapped.put("target.name", v));
            });
            e.sourceIp().ifPresent(v -> unmapped.put("source_ip", v));
            e.userAgent().ifPresent(v -> unmapped.put("user_agent", v));
            return false;
        }
        Optional<ObjectNode> actor = OcsfObjects.actor(e.actor());
        actor.ifPresent(a -> o.set("actor", a));
        Optional<ObjectNode> src = OcsfObjects.endpoint(e.sourceIp());
        src.ifPresent(s -> o.set("src_endpoint", s));
        if (src.isEmpty()) {
            e.sourceIp().ifPresent(v -> unmapped.put("source_ip", v));
        }
        e.userAgent().ifPresent(ua -> o.putObject("http_request").put("user_agent", ua));
        String service = e.service().orElse(product(e).name());
        switch (cls) {
            case AUTHENTICATION:
                o.set("user", actorUser.or(() -> OcsfObjects.user(e.target())).orElseThrow());
                o.putObject("service").put("name", service);
                return false;
            case ACCOUNT_CHANGE:
                o.set("user", OcsfObjects.user(e.target()).orElseThrow());
                return false;
            case ENTITY_MANAGEMENT:
                o.set("entity", OcsfObjects.entity(e.target(), e.tenantId(), true).orElseThrow());
                return actor.isPresent();
            case API_ACTIVITY:
                ObjectNode api = o.putObject("api");
                api.put("operation", e.action());
                api.putObject("service").put("name", service);
                OcsfObjects.entity(e.target(), e.tenantId(), false).ifPresent(r -> o.putArray("resources").add(r));
                return false;
            default:
                throw new IllegalStateException("no OCSF rendering for " + cls);
        }
    }

    private static void metadata(ObjectNode metadata, AuditEvent e, boolean host) {
        metadata.put("version", AuditEvent.OCSF_VERSION);
        metadata.put("uid", e.id());
        Product p = product(e);
        ObjectNode product = metadata.putObject("product");
        product.put("vendor_name", p.vendorName());
        product.put("name", p.name());
        p.version().ifPresent(v -> product.put("version", v));
        if (host) {
            metadata.putArray("profiles").add("datetime").add("host");
        } else {
            metadata.putArray("profiles").add("datetime");
        }
        e.logName().ifPresent(n -> metadata.put("log_name", n));
        metadata.put("log_provider", SDK);
        e.eventCode().ifPresent(c -> metadata.put("event_code", c));
        e.tenantId().ifPresent(t -> metadata.put("tenant_uid", t));
        e.category().ifPresent(c -> metadata.putArray("labels").add(c));
        String version = SdkVersion.get();
        ObjectNode logger = metadata.putArray("loggers").addObject();
        logger.put("name", SDK);
        logger.put("version", version);
        logger.putObject("product").put("name", SDK).put("vendor_name", SDK).put("version", version);
    }

    private static Product product(AuditEvent e) {
        return e.product().orElseGet(() -> Product.of(e.vendor(), e.vendor()));
    }

    /** Vendor attributes: {@code http_request.*} paths where the class has one, the rest under unmapped. */
    private static void attributes(ObjectNode o, OcsfClass cls, AuditEvent e, ObjectNode unmapped) {
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            String key = a.getKey();
            boolean request = key.startsWith("http_request.") && cls != OcsfClass.BASE_EVENT
                    && (!key.equals(HTTP_METHOD) || HTTP_METHODS.contains(a.getValue()));
            if (request) {
                putPath(o, key, a.getValue());
            } else if (key.equals(HTTP_CODE) && cls == OcsfClass.API_ACTIVITY && a.getValue().matches("\\d{1,9}")) {
                ((ObjectNode) o.get("api")).putObject("response").put("code", Integer.parseInt(a.getValue()));
            } else if (!key.equals(HTTP_CODE)) {
                unmapped.put(key, a.getValue());
            }
        }
    }

    /** Places an attribute given by its dotted path ({@code http_request.url.path}) into nested objects. */
    private static void putPath(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode ? (ObjectNode) child : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
