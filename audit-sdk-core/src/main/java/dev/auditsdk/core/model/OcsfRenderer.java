package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import dev.auditsdk.core.spi.util.InstantText;
import dev.auditsdk.core.spi.util.SdkVersion;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an {@link AuditEvent} as an OCSF {@value AuditEvent#OCSF_VERSION} event object of the
 * class {@link OcsfClassChoice} picks, with only the attributes that class and the declared
 * profiles define. It writes straight to a generator (no tree per event): the vendor attributes
 * are sorted into their places first ({@link Placement}), then the object is written in one pass.
 * Attribute names and the fixed texts (class and activity captions, severities, the SDK as
 * logger) are encoded once ({@link OcsfFields}), not at every event, and runs of fields that are
 * the same at every event of a kind are copied as bytes where the generator allows it
 * ({@link OcsfChunks}).
 */
final class OcsfRenderer {
    private static final String SDK = "audit-sdk";
    /** {@code http_request.http_method} is an enum in OCSF 1.3.0. */
    private static final Set<String> HTTP_METHODS = Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "POST",
            "PUT", "TRACE");
    private static final String HTTP_REQUEST = "http_request.";
    private static final String HTTP_METHOD = "http_request.http_method";
    private static final String HTTP_CODE = "http_response.code";
    /** The most digits of an {@code http_response.code} that is rendered as a number. */
    private static final int CODE_DIGITS = 9;

    private static final SerializableString OCSF_VERSION = OcsfFields.encoded(AuditEvent.OCSF_VERSION);
    private static final SerializableString SDK_NAME = OcsfFields.encoded(SDK);
    private static final SerializableString SDK_VERSION = OcsfFields.encoded(SdkVersion.get());
    private static final SerializableString DATETIME = OcsfFields.encoded("datetime");
    private static final SerializableString HOST = OcsfFields.encoded("host");
    private static final SerializableString INFORMATIONAL = OcsfFields.encoded("Informational");
    private static final SerializableString MEDIUM = OcsfFields.encoded("Medium");
    /** By outcome ordinal: its {@code status} caption. */
    private static final SerializableString[] STATUS = statusCaptions();
    /** By class ordinal: {@code class_name} and {@code category_name}. */
    private static final SerializableString[] CLASS_NAMES = new SerializableString[OcsfClass.values().length];
    private static final SerializableString[] CATEGORY_NAMES = new SerializableString[OcsfClass.values().length];
    /** By class ordinal and activity id: the activity's caption, and {@code type_name}; null where the class has no such id. */
    private static final SerializableString[][] ACTIVITY_NAMES = new SerializableString[OcsfClass.values().length][];
    private static final SerializableString[][] TYPE_NAMES = new SerializableString[OcsfClass.values().length][];
    /**
     * By class ordinal and activity id below 99 (Other, whose {@code activity_name} is the
     * action's own word): the classification after {@code class_uid}, as one run.
     */
    private static final OcsfChunks.Chunk[][] CLASSIFICATION = new OcsfChunks.Chunk[OcsfClass.values().length][];
    /** By outcome ordinal: severity and status, as one run. */
    private static final OcsfChunks.Chunk[] SEVERITY_AND_STATUS = new OcsfChunks.Chunk[Outcome.values().length];
    /** {@code loggers}: the SDK as the one logger. */
    private static final OcsfChunks.Chunk LOGGERS = OcsfChunks.of(OcsfRenderer::loggers);
    /** By whether the host profile is declared: {@code profiles}. */
    private static final OcsfChunks.Chunk[] PROFILES = {
        OcsfChunks.of(g -> profiles(g, false)), OcsfChunks.of(g -> profiles(g, true))};

    static {
        for (OcsfClass cls : OcsfClass.values()) {
            int c = cls.ordinal();
            CLASS_NAMES[c] = OcsfFields.encoded(cls.caption());
            CATEGORY_NAMES[c] = OcsfFields.encoded(cls.categoryName());
            ACTIVITY_NAMES[c] = new SerializableString[OcsfActivity.OTHER + 1];
            TYPE_NAMES[c] = new SerializableString[OcsfActivity.OTHER + 1];
            for (int id = 0; id <= OcsfActivity.OTHER; id++) {
                String caption = OcsfActivity.caption(cls, id);
                if (caption != null) {
                    ACTIVITY_NAMES[c][id] = OcsfFields.encoded(caption);
                    TYPE_NAMES[c][id] = OcsfFields.encoded(cls.caption() + ": " + caption);
                }
            }
            CLASSIFICATION[c] = new OcsfChunks.Chunk[OcsfActivity.OTHER];
            for (int id = 0; id < OcsfActivity.OTHER; id++) {
                if (ACTIVITY_NAMES[c][id] != null) {
                    int activity = id;
                    CLASSIFICATION[c][id] = OcsfChunks.of(g -> classificationAfterUid(g, cls, activity, null));
                }
            }
        }
        for (Outcome o : Outcome.values()) {
            SEVERITY_AND_STATUS[o.ordinal()] = OcsfChunks.of(g -> severityAndStatus(g, o));
        }
    }

    private OcsfRenderer() {
    }

    static void write(AuditEvent e, JsonGenerator g) throws IOException {
        OcsfClass cls = OcsfClassChoice.of(e);
        int activity = activity(e, cls);
        Placement place = new Placement(e, cls);
        boolean copy = OcsfChunks.fits(g);
        g.writeStartObject();
        g.writeFieldName(OcsfFields.CLASS_UID);
        g.writeNumber(cls.uid());
        if (activity == OcsfActivity.OTHER) {
            classificationAfterUid(g, cls, activity, e.action());
        } else {
            CLASSIFICATION[cls.ordinal()][activity].write(g, copy);
        }
        g.writeFieldName(OcsfFields.TIME);
        g.writeNumber(e.time().toEpochMilli());
        g.writeFieldName(OcsfFields.TIME_DT);
        InstantText.write(g, e.time());
        SEVERITY_AND_STATUS[e.outcome().ordinal()].write(g, copy);
        write(g, OcsfFields.STATUS_DETAIL, e.statusDetail().orElse(null));
        write(g, OcsfFields.STATUS_CODE, e.attributes().get(HTTP_CODE));
        write(g, OcsfFields.MESSAGE, e.message().orElse(null));
        boolean host = false;
        if (cls != OcsfClass.BASE_EVENT) {
            body(g, cls, e, place);
            host = cls == OcsfClass.ENTITY_MANAGEMENT && OcsfObjects.hasActor(e.actor());
        }
        metadata(g, e, host, copy);
        if (place.unmappedCount > 0) {
            g.writeFieldName(OcsfFields.UNMAPPED);
            g.writeStartObject();
            for (int i = 0; i < place.unmappedCount; i++) {
                g.writeFieldName(place.unmappedNames[i]);
                g.writeString(place.unmappedValues[i]);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static int activity(AuditEvent e, OcsfClass cls) {
        int id = cls == e.ocsfClass() ? e.activityId() : OcsfActivity.of(cls, e.action());
        return OcsfActivity.caption(cls, id) == null ? OcsfActivity.OTHER : id;
    }

    /** The severity and status of an outcome. */
    private static void severityAndStatus(JsonGenerator g, Outcome outcome) throws IOException {
        boolean failed = outcome == Outcome.FAILURE;
        g.writeFieldName(OcsfFields.SEVERITY_ID);
        g.writeNumber(failed ? 3 : 1);
        g.writeFieldName(OcsfFields.SEVERITY);
        g.writeString(failed ? MEDIUM : INFORMATIONAL);
        g.writeFieldName(OcsfFields.STATUS_ID);
        g.writeNumber(outcome.statusId());
        g.writeFieldName(OcsfFields.STATUS);
        g.writeString(STATUS[outcome.ordinal()]);
    }

    /**
     * The classification after {@code class_uid}.
     *
     * @param action the action, written as {@code activity_name} for 99 (Other); unused otherwise
     */
    private static void classificationAfterUid(JsonGenerator g, OcsfClass cls, int activity, String action)
            throws IOException {
        int c = cls.ordinal();
        g.writeFieldName(OcsfFields.CLASS_NAME);
        g.writeString(CLASS_NAMES[c]);
        g.writeFieldName(OcsfFields.CATEGORY_UID);
        g.writeNumber(cls.categoryUid());
        g.writeFieldName(OcsfFields.CATEGORY_NAME);
        g.writeString(CATEGORY_NAMES[c]);
        g.writeFieldName(OcsfFields.ACTIVITY_ID);
        g.writeNumber(activity);
        g.writeFieldName(OcsfFields.ACTIVITY_NAME);
        if (activity == OcsfActivity.OTHER) {
            // for 99 (Other) OCSF puts the source's own word in activity_name
            g.writeString(action);
        } else {
            g.writeString(ACTIVITY_NAMES[c][activity]);
        }
        g.writeFieldName(OcsfFields.TYPE_UID);
        g.writeNumber(cls.uid() * 100L + activity);
        g.writeFieldName(OcsfFields.TYPE_NAME);
        g.writeString(TYPE_NAMES[c][activity]);
    }

    /** The attributes of a class other than the Base Event. */
    private static void body(JsonGenerator g, OcsfClass cls, AuditEvent e, Placement place) throws IOException {
        OcsfObjects.writeActor(g, e.actor());
        if (place.endpoint) {
            OcsfObjects.writeSourceEndpoint(g, e.sourceIp().get());
        }
        if (place.httpRequest != null) {
            g.writeFieldName(OcsfFields.HTTP_REQUEST);
            writeObject(g, place.httpRequest);
        }
        String service = e.service().orElse(product(e).name());
        switch (cls) {
            case AUTHENTICATION:
                if (OcsfObjects.hasUser(e.actor())) {
                    OcsfObjects.writeUser(g, OcsfFields.USER, e.actor());
                } else {
                    OcsfObjects.writeUser(g, OcsfFields.USER, e.target());
                }
                writeService(g, service);
                break;
            case ACCOUNT_CHANGE:
                OcsfObjects.writeUser(g, OcsfFields.USER, e.target());
                break;
            case ENTITY_MANAGEMENT:
                g.writeFieldName(OcsfFields.ENTITY);
                OcsfObjects.writeEntity(g, e.target(), e.tenantId(), true);
                break;
            case API_ACTIVITY:
                g.writeFieldName(OcsfFields.API);
                g.writeStartObject();
                g.writeFieldName(OcsfFields.OPERATION);
                g.writeString(e.action());
                writeService(g, service);
                if (place.responseCode != null) {
                    g.writeFieldName(OcsfFields.RESPONSE);
                    g.writeStartObject();
                    g.writeFieldName(OcsfFields.CODE);
                    g.writeNumber(place.responseCode);
                    g.writeEndObject();
                }
                g.writeEndObject();
                if (OcsfObjects.hasEntity(e.target(), e.tenantId(), false)) {
                    g.writeFieldName(OcsfFields.RESOURCES);
                    g.writeStartArray();
                    OcsfObjects.writeEntity(g, e.target(), e.tenantId(), false);
                    g.writeEndArray();
                }
                break;
            default:
                throw new IllegalStateException("no OCSF rendering for " + cls);
        }
    }

    private static void writeService(JsonGenerator g, String service) throws IOException {
        g.writeFieldName(OcsfFields.SERVICE);
        g.writeStartObject();
        g.writeFieldName(OcsfFields.NAME);
        g.writeString(service);
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, AuditEvent e, boolean host, boolean copy) throws IOException {
        g.writeFieldName(OcsfFields.METADATA);
        g.writeStartObject();
        g.writeFieldName(OcsfFields.VERSION);
        g.writeString(OCSF_VERSION);
        g.writeFieldName(OcsfFields.UID);
        g.writeString(e.id());
        Product p = product(e);
        g.writeFieldName(OcsfFields.PRODUCT);
        g.writeStartObject();
        g.writeFieldName(OcsfFields.VENDOR_NAME);
        g.writeString(p.vendorName());
        g.writeFieldName(OcsfFields.NAME);
        g.writeString(p.name());
        write(g, OcsfFields.VERSION, p.version().orElse(null));
        g.writeEndObject();
        PROFILES[host ? 1 : 0].write(g, copy);
        write(g, OcsfFields.LOG_NAME, e.logName().orElse(null));
        g.writeFieldName(OcsfFields.LOG_PROVIDER);
        g.writeString(SDK_NAME);
        write(g, OcsfFields.EVENT_CODE, e.eventCode().orElse(null));
        write(g, OcsfFields.TENANT_UID, e.tenantId().orElse(null));
        if (e.category().isPresent()) {
            g.writeFieldName(OcsfFields.LABELS);
            g.writeStartArray();
            g.writeString(e.category().get());
            g.writeEndArray();
        }
        LOGGERS.write(g, copy);
        g.writeEndObject();
    }

    private static void profiles(JsonGenerator g, boolean host) throws IOException {
        g.writeFieldName(OcsfFields.PROFILES);
        g.writeStartArray();
        g.writeString(DATETIME);
        if (host) {
            g.writeString(HOST);
        }
        g.writeEndArray();
    }

    /** The SDK as the one logger. */
    private static void loggers(JsonGenerator g) throws IOException {
        g.writeFieldName(OcsfFields.LOGGERS);
        g.writeStartArray();
        g.writeStartObject();
        g.writeFieldName(OcsfFields.NAME);
        g.writeString(SDK_NAME);
        g.writeFieldName(OcsfFields.VERSION);
        g.writeString(SDK_VERSION);
        g.writeFieldName(OcsfFields.PRODUCT);
        g.writeStartObject();
        g.writeFieldName(OcsfFields.NAME);
        g.writeString(SDK_NAME);
        g.writeFieldName(OcsfFields.VENDOR_NAME);
        g.writeString(SDK_NAME);
        g.writeFieldName(OcsfFields.VERSION);
        g.writeString(SDK_VERSION);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
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

    private static void write(JsonGenerator g, SerializableString field, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            g.writeString(value);
        }
    }

    private static SerializableString[] statusCaptions() {
        SerializableString[] captions = new SerializableString[Outcome.values().length];
        for (Outcome o : Outcome.values()) {
            captions[o.ordinal()] = OcsfFields.encoded(o.label());
        }
        return captions;
    }

    /** @return whether the text is 1 to {@value #CODE_DIGITS} ASCII digits: a code rendered as a number */
    private static boolean isCode(String text) {
        if (text.isEmpty() || text.length() > CODE_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the parts of an event that have no fixed place go: the user agent and the
     * {@code http_request.*} attributes into {@code http_request} (where the class has one), an
     * {@code http_response.code} into {@code api.response.code} (API Activity), and the rest under
     * {@code unmapped} — what the Base Event cannot carry first, then the other vendor attributes,
     * a later key replacing an earlier one.
     */
    private static final class Placement {
        /** The {@code http_request} object as nested maps; null when it has nothing. */
        Map<String, Object> httpRequest;
        /** The {@code unmapped} fields in order: names and values, {@code unmappedCount} of each. */
        String[] unmappedNames = new String[8];
        String[] unmappedValues = new String[8];
        int unmappedCount;
        /** How many of the first unmapped fields came from the event's own fields, before its attributes. */
        private int ownFields;
        Integer responseCode;
        /** Whether the source is an IP address, so an {@code src_endpoint}. */
        final boolean endpoint;

        Placement(AuditEvent e, OcsfClass cls) {
            endpoint = cls != OcsfClass.BASE_EVENT && OcsfObjects.hasEndpoint(e.sourceIp());
            if (cls == OcsfClass.BASE_EVENT) {
                Actor actor = e.actor();
                own("actor.name", actor.name());
                own("actor.email", actor.email());
                own("actor.id", actor.id());
                own("actor.application", actor.application());
                if (e.target().isPresent()) {
                    Target t = e.target().get();
                    own("target.type", t.type());
                    own("target.id", t.id());
                    own("target.name", t.name());
                }
                own("source_ip", e.sourceIp());
                own("user_agent", e.userAgent());
            } else {
                if (!endpoint) {
                    own("source_ip", e.sourceIp());
                }
                if (e.userAgent().isPresent()) {
                    request().put("user_agent", e.userAgent().get());
                }
            }
            ownFields = unmappedCount;
            for (Map.Entry<String, String> a : e.attributes().entrySet()) {
                String key = a.getKey();
                String value = a.getValue();
                boolean request = cls != OcsfClass.BASE_EVENT && key.startsWith(HTTP_REQUEST)
                        && (!key.equals(HTTP_METHOD) || HTTP_METHODS.contains(value));
                if (request) {
                    putPath(request(), key.substring(HTTP_REQUEST.length()), value);
                } else if (key.equals(HTTP_CODE)) {
                    if (cls == OcsfClass.API_ACTIVITY && isCode(value)) {
                        responseCode = Integer.parseInt(value);
                    }
                } else {
                    unmapped(key, value);
                }
            }
        }

        private Map<String, Object> request() {
            if (httpRequest == null) {
                httpRequest = new LinkedHashMap<>();
            }
            return httpRequest;
        }

        private void own(String name, Optional<String> value) {
            if (value.isPresent()) {
                append(name, value.get());
            }
        }

        /**
         * An attribute for {@code unmapped}: attribute names differ from each other, so only the
         * event's own fields placed before them can have the same name; as in a map, that one
         * keeps its place and takes the attribute's value.
         */
        private void unmapped(String name, String value) {
            for (int i = 0; i < ownFields; i++) {
                if (unmappedNames[i].equals(name)) {
                    unmappedValues[i] = value;
                    return;
                }
            }
            append(name, value);
        }

        private void append(String name, String value) {
            if (unmappedCount == unmappedNames.length) {
                unmappedNames = Arrays.copyOf(unmappedNames, unmappedCount * 2);
                unmappedValues = Arrays.copyOf(unmappedValues, unmappedCount * 2);
            }
            unmappedNames[unmappedCount] = name;
            unmappedValues[unmappedCount] = value;
            unmappedCount++;
        }

        /** Places a value given by its dotted path ({@code url.path}) into nested maps, as a tree's put would. */
        @SuppressWarnings("unchecked")
        private static void putPath(Map<String, Object> root, String path, String value) {
            Map<String, Object> node = root;
            int start = 0;
            for (int dot = path.indexOf('.'); dot >= 0; start = dot + 1, dot = path.indexOf('.', start)) {
                String part = path.substring(start, dot);
                Object child = node.get(part);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(part, child);
                }
                node = (Map<String, Object>) child;
            }
            node.put(path.substring(start), value);
        }
    }
}
