package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OCSF objects an event is made of, from the normalized model: for each a test of whether
 * the vendor's data satisfies the object's constraints (a user needs a name or uid, an endpoint
 * an IP address, an entity a name or uid) and a writer that writes it only then, so that a
 * rendered object is always a valid one.
 */
final class OcsfObjects {
    /** OCSF {@code email_t}. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-zA-Z0-9!#$%&'*+-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$");
    /** The longest text taken for an IPv6 address. */
    private static final int IPV6_MAX = 39;

    private OcsfObjects() {
    }

    /** @return whether the actor makes an OCSF {@code user}: it has a name, a uid or a valid e-mail address */
    static boolean hasUser(Actor actor) {
        return actor.name().isPresent() || actor.id().isPresent() || actor.email().filter(OcsfObjects::isEmail).isPresent();
    }

    /**
     * Writes the OCSF {@code user} of an actor, when it {@linkplain #hasUser(Actor) has one}, under
     * {@code field}: name (the e-mail address when that is all there is), uid, e-mail.
     */
    static void writeUser(JsonGenerator g, SerializableString field, Actor actor) throws IOException {
        if (!hasUser(actor)) {
            return;
        }
        Optional<String> email = actor.email().filter(OcsfObjects::isEmail);
        Optional<String> name = actor.name().or(() -> actor.id().isPresent() ? Optional.empty() : email);
        g.writeFieldName(field);
        g.writeStartObject();
        write(g, OcsfFields.NAME, name);
        write(g, OcsfFields.UID, actor.id());
        write(g, OcsfFields.EMAIL_ADDR, email);
        g.writeEndObject();
    }

    /** @return whether the actor makes an OCSF {@code actor}: a user or a client application */
    static boolean hasActor(Actor actor) {
        return hasUser(actor) || actor.application().isPresent();
    }

    /** Writes the OCSF {@code actor}, when the vendor names a user or application: its user and the application. */
    static void writeActor(JsonGenerator g, Actor actor) throws IOException {
        if (!hasActor(actor)) {
            return;
        }
        g.writeFieldName(OcsfFields.ACTOR);
        g.writeStartObject();
        writeUser(g, OcsfFields.USER, actor);
        write(g, OcsfFields.APP_NAME, actor.application());
        g.writeEndObject();
    }

    /** @return whether the target identifies a user (a name or id) */
    static boolean hasUser(Optional<Target> target) {
        return target.filter(OcsfObjects::identified).isPresent();
    }

    /** Writes the OCSF {@code user} the target names, when it is identified, under {@code field}. */
    static void writeUser(JsonGenerator g, SerializableString field, Optional<Target> target) throws IOException {
        if (!hasUser(target)) {
            return;
        }
        Target t = target.get();
        g.writeFieldName(field);
        g.writeStartObject();
        write(g, OcsfFields.NAME, t.name());
        write(g, OcsfFields.UID, t.id());
        write(g, OcsfFields.EMAIL_ADDR, t.name().filter(OcsfObjects::isEmail));
        g.writeEndObject();
    }

    /** @return whether the source is an IP address: an OCSF {@code network_endpoint} */
    static boolean hasEndpoint(Optional<String> ip) {
        return ip.isPresent() && isIp(ip.get().trim());
    }

    /** Writes the {@code src_endpoint} of a source that {@link #hasEndpoint} found to be an IP address. */
    static void writeSourceEndpoint(JsonGenerator g, String ip) throws IOException {
        g.writeFieldName(OcsfFields.SRC_ENDPOINT);
        g.writeStartObject();
        g.writeFieldName(OcsfFields.IP);
        g.writeString(ip.trim());
        g.writeEndObject();
    }

    /**
     * @return whether the target makes an OCSF {@code managed_entity} (also the shape of a
     *     {@code resource_details}): it has a uid or name; or, for an entity known only by its
     *     type, the vendor names the tenant it belongs to and an {@code org} is allowed
     */
    static boolean hasEntity(Optional<Target> target, Optional<String> tenant, boolean orgAllowed) {
        return target.filter(OcsfObjects::identified).isPresent() || (orgAllowed && tenant.isPresent());
    }

    /**
     * Writes the entity of {@link #hasEntity} as the next value (an object: type, uid and name;
     * or type and the tenant as its {@code org}), when there is one.
     */
    static void writeEntity(JsonGenerator g, Optional<Target> target, Optional<String> tenant, boolean orgAllowed)
            throws IOException {
        if (!hasEntity(target, tenant, orgAllowed)) {
            return;
        }
        g.writeStartObject();
        write(g, OcsfFields.TYPE, target.flatMap(Target::type));
        if (target.filter(OcsfObjects::identified).isPresent()) {
            write(g, OcsfFields.UID, target.get().id());
            write(g, OcsfFields.NAME, target.get().name());
        } else {
            g.writeFieldName(OcsfFields.ORG);
            g.writeStartObject();
            g.writeFieldName(OcsfFields.UID);
            g.writeString(tenant.get());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static boolean identified(Target target) {
        return target.id().isPresent() || target.name().isPresent();
    }

    static boolean isEmail(String s) {
        return EMAIL.matcher(s).matches();
    }

    /**
     * A dotted IPv4 address (four parts of one to three digits, each at most 255), or text that
     * can only be an IPv6 address (2 to 39 hex digits, colons and dots, at least two colons).
     * Text of digits and exactly three dots is an IPv4 address or nothing.
     */
    static boolean isIp(String s) {
        int dots = 0;
        int colons = 0;
        boolean digitsAndDots = true;
        boolean hex = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c == ':') {
                colons++;
                digitsAndDots = false;
            } else if (c >= '0' && c <= '9') {
                continue;
            } else {
                digitsAndDots = false;
                hex &= c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            }
        }
        if (digitsAndDots && dots == 3) {
            return isIpv4(s);
        }
        return colons >= 2 && hex && s.length() >= 2 && s.length() <= IPV6_MAX;
    }

    /** Text of digits and three dots: whether each part has one to three digits and is at most 255. */
    private static boolean isIpv4(String s) {
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                value = 0;
                digits = 0;
            } else if (++digits > 3) {
                return false;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return true;
    }

    private static void write(JsonGenerator g, SerializableString field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeFieldName(field);
            g.writeString(value.get());
        }
    }
}
