package dev.auditsdk.jitterbit.model;

import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a {@link JitterbitApiLogEntry} to {@link AuditEvent} (the mapping table is in the
 * module's README).
 */
final class JitterbitNormalizer {
    private JitterbitNormalizer() {
    }

    static AuditEvent normalize(JitterbitApiLogEntry e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("request_id", e.requestId());
        e.requestMethod().ifPresent(v -> attributes.put("http_request.http_method", v));
        e.requestUri().ifPresent(v -> attributes.put("http_request.url.url_string", v));
        e.statusCode().ifPresent(v -> attributes.put("http_response.code", Integer.toString(v)));
        e.responseTime().ifPresent(v -> attributes.put("response_time", v.toPlainString()));
        e.apiName().ifPresent(v -> attributes.put("api_name", v));
        e.envName().ifPresent(v -> attributes.put("environment", v));
        e.authProfile().ifPresent(v -> attributes.put("auth_profile", v));
        e.sourceApp().ifPresent(v -> attributes.put("source_app", v));
        return AuditEvent.builder()
                .vendor(JitterbitApiLogEntry.VENDOR)
                .id(e.requestId())
                .time(e.time())
                .actor(Actor.builder().application(e.sourceApp()).build())
                .action(e.requestMethod().orElse("API call"))
                .category("API Manager")
                .target(Target.builder().type("api").name(e.apiName()).build())
                .outcome(outcome(e))
                .sourceIp(e.sourceIp())
                .message(e.message())
                .ocsfClass(OcsfClass.API_ACTIVITY)
                .product(JitterbitApiLogEntry.PRODUCT)
                .logName("API Manager API logs")
                .service(e.apiName())
                .attributes(attributes)
                .build();
    }

    private static Outcome outcome(JitterbitApiLogEntry e) {
        if (e.statusCode().isEmpty() || e.statusCode().getAsInt() <= 0) {
            return Outcome.UNKNOWN;
        }
        return e.statusCode().getAsInt() < 400 ? Outcome.SUCCESS : Outcome.FAILURE;
    }
}
