package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
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
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,39}$");

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
    static void writeUser(JsonGenerator g, String field, Actor actor) throws IOException {
        if (!hasUser(actor)) {
            return;
        }
        Optional<String> email = actor.email().filter(OcsfObjects::isEmail);
        Optional<String> name = actor.name().or(() -> actor.id().isPresent() ? Optional.empty() : email);
        g.writeObjectFieldStart(field);
        write(g, "name", name);
        write(g, "uid", actor.id());
        write(g, "email_addr", email);
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
        g.writeObjectFieldStart("actor");
        writeUser(g, "user", actor);
        write(g, "app_name", actor.application());
        g.writeEndObject();
    }

    /** @return whether the target identifies a user (a name or id) */
    static boolean hasUser(Optional<Target> target) {
        return target.filter(OcsfObjects::identified).isPresent();
    }

    /** Writes the OCSF {@code user} the target names, when it is identified, under {@code field}. */
    static void writeUser(JsonGenerator g, String field, Optional<Target> target) throws IOException {
        if (!hasUser(target)) {
            return;
        }
        Target t = target.get();
        g.writeObjectFieldStart(field);
        write(g, "name", t.name());
        write(g, "uid", t.id());
        write(g, "email_addr", t.name().filter(OcsfObjects::isEmail));
        g.writeEndObject();
    }

    /** @return whether the source is an IP address: an OCSF {@code network_endpoint} */
    static boolean hasEndpoint(Optional<String> ip) {
        return ip.map(String::trim).filter(OcsfObjects::isIp).isPresent();
    }

    /** Writes the {@code src_endpoint} of a source that is an IP address. */
    static void writeSourceEndpoint(JsonGenerator g, Optional<String> ip) throws IOException {
        if (hasEndpoint(ip)) {
            g.writeObjectFieldStart("src_endpoint");
            g.writeStringField("ip", ip.get().trim());
            g.writeEndObject();
        }
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
        write(g, "type", target.flatMap(Target::type));
        if (target.filter(OcsfObjects::identified).isPresent()) {
            write(g, "uid", target.get().id());
            write(g, "name", target.get().name());
        } else {
            g.writeObjectFieldStart("org");
            g.writeStringField("uid", tenant.get());
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

    /** A dotted IPv4 address, or text that can only be an IPv6 address. */
    static boolean isIp(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length == 4 && s.matches("[0-9.]+")) {
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.indexOf(':') >= 0 && s.indexOf(':') != s.lastIndexOf(':') && IPV6.matcher(s).matches();
    }

    private static void write(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        }
    }
}
