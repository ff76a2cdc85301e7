package dev.auditsdk.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One audit entry in the vendor-neutral model, aligned with OCSF: who ({@link #actor()}) did
 * what ({@link #action()}, {@link #category()}) to what ({@link #target()}), when, from where,
 * with which {@link #outcome()}. {@link #toOcsf()} renders it as an OCSF event object.
 */
@Value.Immutable
public abstract class AuditEvent {

    /** @return a new builder */
    public static ImmutableAuditEvent.Builder builder() {
        return ImmutableAuditEvent.builder();
    }

    /** @return the vendor's short name, e.g. {@code "boomi"} */
    public abstract String vendor();

    /** @return the entry's id (the vendor's, or the SDK's derived identity) */
    public abstract String id();

    /** @return when it happened */
    public abstract Instant time();

    /** @return who did it */
    @Value.Default
    public Actor actor() {
        return Actor.builder().build();
    }

    /** @return what was done, in the vendor's words, e.g. {@code "login"}, {@code "Updated"} */
    public abstract String action();

    /** @return the vendor's grouping of the action, e.g. {@code "authentication"}, {@code "User"} */
    public abstract Optional<String> category();

    /** @return what it was done to, if the vendor says */
    public abstract Optional<Target> target();

    /** @return whether it succeeded */
    @Value.Default
    public Outcome outcome() {
        return Outcome.UNKNOWN;
    }

    /** @return the client IP address, if known */
    public abstract Optional<String> sourceIp();

    /** @return the client user agent, if known */
    public abstract Optional<String> userAgent();

    /** @return the vendor's human-readable message, if any */
    public abstract Optional<String> message();

    /** @return the OCSF class this entry maps to */
    @Value.Default
    public OcsfClass ocsfClass() {
        return OcsfClass.API_ACTIVITY;
    }

    /**
     * @return further vendor details worth keeping in the normalized form. Keys that are OCSF
     *     paths under {@code http_request.} or {@code http_response.} (e.g.
     *     {@code http_request.http_method}, {@code http_response.code}) are rendered at that path
     *     by {@link #toOcsf()}; the others under {@code unmapped}
     */
    public abstract Map<String, String> attributes();

    /**
     * The OCSF {@code activity_id} inferred from the class and the action's words
     * (logon/logoff; create/read/update/delete), 99 (Other) when none fits.
     *
     * @return the activity id
     */
    @Value.Derived
    @Value.Auxiliary
    public int activityId() {
        return OcsfActivity.infer(ocsfClass(), action().toLowerCase(Locale.ROOT));
    }

    /**
     * Renders this event as an OCSF 1.x event object ({@code class_uid}, {@code type_uid},
     * {@code time}, {@code actor}, {@code src_endpoint}, {@code status_id}, {@code metadata}, ...).
     *
     * @return a new JSON object
     */
    public ObjectNode toOcsf() {
        return OcsfRenderer.render(this);
    }
}
