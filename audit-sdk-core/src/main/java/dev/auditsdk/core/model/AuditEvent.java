package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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
    /** The OCSF schema version {@link #toOcsf()} renders and declares in {@code metadata.version}. */
    public static final String OCSF_VERSION = "1.3.0";

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

    /**
     * @return the product that recorded the entry (OCSF {@code metadata.product}); when absent
     *     the vendor's short name stands for both vendor and product
     */
    public abstract Optional<Product> product();

    /** @return the vendor's name of the log the entry comes from (OCSF {@code metadata.log_name}), e.g. {@code "AuditLog"} */
    public abstract Optional<String> logName();

    /** @return the vendor's code of the kind of event (OCSF {@code metadata.event_code}), e.g. {@code "USER_LOGIN"} */
    public abstract Optional<String> eventCode();

    /** @return the vendor's tenant: organization or account id (OCSF {@code metadata.tenant_uid}) */
    public abstract Optional<String> tenantId();

    /**
     * @return the name of the service acted on, e.g. the one logged on to (OCSF {@code service},
     *     {@code api.service}); the product's name when absent
     */
    public abstract Optional<String> service();

    /** @return the vendor's own word for the outcome, e.g. an error code (OCSF {@code status_detail}) */
    public abstract Optional<String> statusDetail();

    /** @return the OCSF class this entry maps to */
    @Value.Default
    public OcsfClass ocsfClass() {
        return OcsfClass.API_ACTIVITY;
    }

    /**
     * @return further vendor details worth keeping in the normalized form. Keys that are OCSF
     *     paths under {@code http_request.} (e.g. {@code http_request.http_method},
     *     {@code http_request.url.path}) are rendered at that path by {@link #toOcsf()} where the
     *     class has an {@code http_request} (a method OCSF does not enumerate goes to
     *     {@code unmapped}); {@code http_response.code} becomes {@code status_code} (and
     *     {@code api.response.code} on API Activity); the others go under {@code unmapped}
     */
    public abstract Map<String, String> attributes();

    /**
     * The OCSF {@code activity_id} within {@link #ocsfClass()}: set by the normalizer where the
     * vendor's data says, otherwise inferred from the action's words (logon/logoff;
     * create/read/update/delete, ...), 99 (Other) when none fits. An id the class does not define
     * renders as 99.
     *
     * @return the activity id
     */
    @Value.Default
    @Value.Auxiliary
    public int activityId() {
        return OcsfActivity.of(ocsfClass(), action());
    }

    /**
     * Renders this event as an OCSF {@value #OCSF_VERSION} event object that is valid against
     * the official schema: only attributes the class (and the profiles it declares in
     * {@code metadata.profiles}) defines, every required attribute present. When the vendor's data
     * cannot fill what {@link #ocsfClass()} requires (an Account Change needs the target user, an
     * Entity Management an entity with a name or id or the tenant it belongs to, an API Activity
     * the caller's IP address and an actor user or application), the event is rendered as the next class down that
     * chain whose requirements it meets, and as a {@link OcsfClass#BASE_EVENT} at the end: never
     * with an invented value. {@code activity_name} is the caption of {@code activity_id}, or the
     * vendor's action for 99 (Other); the vendor's action is also {@code api.operation} on API
     * Activity.
     *
     * @return a new JSON object, as {@link #writeOcsf(JsonGenerator)} writes it
     */
    public ObjectNode toOcsf() {
        try (TokenBuffer buffer = new TokenBuffer(Json.mapper(), false)) {
            writeOcsf(buffer);
            return buffer.asParser(Json.mapper()).readValueAsTree();
        } catch (IOException e) {
            // a token buffer does no I/O
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@link #toOcsf()}'s object straight to a generator, without a tree: what a writer of
     * many events (the CLI's {@code --format ocsf}) uses.
     *
     * @param generator where the object goes, positioned where a value may be written
     * @throws IOException when the generator's output fails
     */
    public void writeOcsf(JsonGenerator generator) throws IOException {
        OcsfRenderer.write(this, generator);
    }
}
