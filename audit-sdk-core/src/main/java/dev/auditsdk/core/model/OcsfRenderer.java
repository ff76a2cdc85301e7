package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditsdk.core.spi.util.SdkVersion;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link AuditEvent} as an OCSF {@value AuditEvent#OCSF_VERSION} event object of the
 * class {@link OcsfClassChoice} picks, with only the attributes that class and the declared
 * profiles define. It writes straight to a generator (no tree per event): the vendor attributes
 * are sorted into their places first ({@link Placement}), then the object is written in one pass.
 */
final class OcsfRenderer {
    private static final String SDK = "audit-sdk";
    /** {@code http_request.http_method} is an enum in OCSF 1.3.0. */
    private static final Set<String> HTTP_METHODS = Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "POST",
            "PUT", "TRACE");
    private static final String HTTP_REQUEST = "http_request.";
    private static final String HTTP_METHOD = "http_request.http_method";
    private static final String HTTP_CODE = "http_response.code";

    private OcsfRenderer() {
    }

    static void write(AuditEvent e, JsonGenerator g) throws IOException {
        OcsfClass cls = OcsfClassChoice.of(e);
        int activity = activity(e, cls);
        Placement place = new Placement(e, cls);
        g.writeStartObject();
        classification(g, cls, activity, e.action());
        g.writeNumberField("time", e.time().toEpochMilli());
        g.writeStringField("time_dt", e.time().toString());
        boolean failed = e.outcome() == Outcome.FAILURE;
        g.writeNumberField("severity_id", failed ? 3 : 1);
        g.writeStringField("severity", failed ? "Medium" : "Informational");
        g.writeNumberField("status_id", e.outcome().statusId());
        g.writeStringField("status", e.outcome().label());
        write(g, "status_detail", e.statusDetail().orElse(null));
        write(g, "status_code", e.attributes().get(HTTP_CODE));
        write(g, "message", e.message().orElse(null));
        boolean host = false;
        if (cls != OcsfClass.BASE_EVENT) {
            body(g, cls, e, place);
            host = cls == OcsfClass.ENTITY_MANAGEMENT && OcsfObjects.hasActor(e.actor());
        }
        metadata(g, e, host);
        if (!place.unmapped.isEmpty()) {
            g.writeObjectFieldStart("unmapped");
            for (Map.Entry<String, String> u : place.unmapped.entrySet()) {
                g.writeStringField(u.getKey(), u.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static int activity(AuditEvent e, OcsfClass cls) {
        int id = cls == e.ocsfClass() ? e.activityId() : OcsfActivity.infer(cls, e.action().toLowerCase(Locale.ROOT));
        return OcsfActivity.caption(cls, id) == null ? OcsfActivity.OTHER : id;
    }

    private static void classification(JsonGenerator g, OcsfClass cls, int activity, String action) throws IOException {
        String caption = OcsfActivity.caption(cls, activity);
        g.writeNumberField("class_uid", cls.uid());
        g.writeStringField("class_name", cls.caption());
        g.writeNumberField("category_uid", cls.categoryUid());
        g.writeStringField("category_name", cls.categoryName());
        g.writeNumberField("activity_id", activity);
        // for 99 (Other) OCSF puts the source's own word in activity_name
        g.writeStringField("activity_name", activity == OcsfActivity.OTHER ? action : caption);
        g.writeNumberField("type_uid", cls.uid() * 100L + activity);
        g.writeStringField("type_name", cls.caption() + ": " + caption);
    }

    /** The attributes of a class other than the Base Event. */
    private static void body(JsonGenerator g, OcsfClass cls, AuditEvent e, Placement place) throws IOException {
        OcsfObjects.writeActor(g, e.actor());
        OcsfObjects.writeSourceEndpoint(g, e.sourceIp());
        if (!place.httpRequest.isEmpty()) {
            g.writeFieldName("http_request");
            writeObject(g, place.httpRequest);
        }
        String service = e.service().orElse(product(e).name());
        switch (cls) {
            case AUTHENTICATION:
                if (OcsfObjects.hasUser(e.actor())) {
                    OcsfObjects.writeUser(g, "user", e.actor());
                } else {
                    OcsfObjects.writeUser(g, "user", e.target());
                }
                writeService(g, service);
                break;
            case ACCOUNT_CHANGE:
                OcsfObjects.writeUser(g, "user", e.target());
                break;
            case ENTITY_MANAGEMENT:
                g.writeFieldName("entity");
                OcsfObjects.writeEntity(g, e.target(), e.tenantId(), true);
                break;
            case API_ACTIVITY:
                g.writeObjectFieldStart("api");
                g.writeStringField("operation", e.action());
                writeService(g, service);
                if (place.responseCode != null) {
                    g.writeObjectFieldStart("response");
                    g.writeNumberField("code", place.responseCode);
                    g.writeEndObject();
                }
                g.writeEndObject();
                if (OcsfObjects.hasEntity(e.target(), e.tenantId(), false)) {
                    g.writeArrayFieldStart("resources");
                    OcsfObjects.writeEntity(g, e.target(), e.tenantId(), false);
                    g.writeEndArray();
                }
                break;
            default:
                throw new IllegalStateException("no OCSF rendering for " + cls);
        }
    }

    private static void writeService(JsonGenerator g, String service) throws IOException {
        g.writeObjectFieldStart("service");
        g.writeStringField("name", service);
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, AuditEvent e, boolean host) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", AuditEvent.OCSF_VERSION);
        g.writeStringField("uid", e.id());
        Product p = product(e);
        g.writeObjectFieldStart("product");
        g.writeStringField("vendor_name", p.vendorName());
        g.writeStringField("name", p.name());
        write(g, "version", p.version().orElse(null));
        g.writeEndObject();
        g.writeArrayFieldStart("profiles");
        g.writeString("datetime");
        if (host) {
            g.writeString("host");
        }
        g.writeEndArray();
        write(g, "log_name", e.logName().orElse(null));
        g.writeStringField("log_provider", SDK);
        write(g, "event_code", e.eventCode().orElse(null));
        write(g, "tenant_uid", e.tenantId().orElse(null));
        if (e.category().isPresent()) {
            g.writeArrayFieldStart("labels");
            g.writeString(e.category().get());
            g.writeEndArray();
        }
        String version = SdkVersion.get();
        g.writeArrayFieldStart("loggers");
        g.writeStartObject();
        g.writeStringField("name", SDK);
        g.writeStringField("version", version);
        g.writeObjectFieldStart("product");
        g.writeStringField("name", SDK);
        g.writeStringField("vendor_name", SDK);
        g.writeStringField("version", version);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Product product(AuditEvent e) {
        return e.product().orElseGet(() -> Product.of(e.vendor(), e.vendor()));
    }

    /** Writes a small tree of nested maps (values: text or another map) as a JSON object. */
    @SuppressWarnings("unchecked")
    private static void writeObject(JsonGenerator g, Map<String, Object> object) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> f : object.entrySet()) {
            g.writeFieldName(f.getKey());
            if (f.getValue() instanceof Map) {
                writeObject(g, (Map<String, Object>) f.getValue());
            } else {
                g.writeString((String) f.getValue());
            }
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /**
     * Where the parts of an event that have no fixed place go: the user agent and the
     * {@code http_request.*} attributes into {@code http_request} (where the class has one), an
     * {@code http_response.code} into {@code api.response.code} (API Activity), and the rest under
     * {@code unmapped} — what the Base Event cannot carry first, then the other vendor attributes,
     * a later key replacing an earlier one.
     */
    private static final class Placement {
        /** The {@code http_request} object as nested maps; empty when it has nothing. */
        final Map<String, Object> httpRequest = new LinkedHashMap<>();
        final Map<String, String> unmapped = new LinkedHashMap<>();
        Integer responseCode;

        Placement(AuditEvent e, OcsfClass cls) {
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
            } else {
                if (!OcsfObjects.hasEndpoint(e.sourceIp())) {
                    e.sourceIp().ifPresent(v -> unmapped.put("source_ip", v));
                }
                e.userAgent().ifPresent(ua -> httpRequest.put("user_agent", ua));
            }
            for (Map.Entry<String, String> a : e.attributes().entrySet()) {
                String key = a.getKey();
                boolean request = key.startsWith(HTTP_REQUEST) && cls != OcsfClass.BASE_EVENT
                        && (!key.equals(HTTP_METHOD) || HTTP_METHODS.contains(a.getValue()));
                if (request) {
                    putPath(httpRequest, key.substring(HTTP_REQUEST.length()), a.getValue());
                } else if (key.equals(HTTP_CODE) && cls == OcsfClass.API_ACTIVITY && a.getValue().matches("\\d{1,9}")) {
                    responseCode = Integer.parseInt(a.getValue());
                } else if (!key.equals(HTTP_CODE)) {
                    unmapped.put(key, a.getValue());
                }
            }
        }

        /** Places a value given by its dotted path ({@code url.path}) into nested maps, as a tree's put would. */
        @SuppressWarnings("unchecked")
        private static void putPath(Map<String, Object> root, String path, String value) {
            String[] parts = path.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.get(parts[i]);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(parts[i], child);
                }
                node = (Map<String, Object>) child;
            }
            node.put(parts[parts.length - 1], value);
        }
    }
}
