package dev.auditsdk.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.json.Json;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the OCSF objects an event is made of from the normalized model, each only when the
 * vendor's data satisfies the object's constraints (a user needs a name or uid, an endpoint an
 * IP address, an entity a name or uid), so that a rendered object is always a valid one.
 */
final class OcsfObjects {
    /** OCSF {@code email_t}. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-zA-Z0-9!#$%&'*+-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,39}$");

    private OcsfObjects() {
    }

    /** OCSF {@code user} of an actor: name (the e-mail address when that is all there is), uid, e-mail. */
    static Optional<ObjectNode> user(Actor actor) {
        Optional<String> email = actor.email().filter(OcsfObjects::isEmail);
        Optional<String> name = actor.name().or(() -> actor.id().isPresent() ? Optional.empty() : email);
        if (name.isEmpty() && actor.id().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode user = Json.mapper().createObjectNode();
        name.ifPresent(n -> user.put("name", n));
        actor.id().ifPresent(i -> user.put("uid", i));
        email.ifPresent(m -> user.put("email_addr", m));
        return Optional.of(user);
    }

    /** OCSF {@code actor}: its user and the client application, when the vendor names either. */
    static Optional<ObjectNode> actor(Actor actor) {
        Optional<ObjectNode> user = user(actor);
        if (user.isEmpty() && actor.application().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode out = Json.mapper().createObjectNode();
        user.ifPresent(u -> out.set("user", u));
        actor.application().ifPresent(a -> out.put("app_name", a));
        return Optional.of(out);
    }

    /** OCSF {@code user} the target names, when the target is identified. */
    static Optional<ObjectNode> user(Optional<Target> target) {
        return target.filter(OcsfObjects::identified).map(t -> {
            ObjectNode user = Json.mapper().createObjectNode();
            t.name().ifPresent(n -> user.put("name", n));
            t.id().ifPresent(i -> user.put("uid", i));
            t.name().filter(OcsfObjects::isEmail).ifPresent(m -> user.put("email_addr", m));
            return user;
        });
    }

    /** OCSF {@code network_endpoint} of a source: its IP address, if it is one. */
    static Optional<ObjectNode> endpoint(Optional<String> ip) {
        return ip.map(String::trim).filter(OcsfObjects::isIp)
                .map(i -> Json.mapper().createObjectNode().put("ip", i));
    }

    /**
     * OCSF {@code managed_entity} (also the shape of a {@code resource_details}) of a target:
     * type, uid and name when it has a uid or name; otherwise, for an entity known only by its
     * type, the tenant it belongs to as its {@code org}, if the vendor names one.
     */
    static Optional<ObjectNode> entity(Optional<Target> target, Optional<String> tenant, boolean orgAllowed) {
        ObjectNode entity = Json.mapper().createObjectNode();
        target.flatMap(Target::type).ifPresent(t -> entity.put("type", t));
        if (target.filter(OcsfObjects::identified).isPresent()) {
            target.get().id().ifPresent(i -> entity.put("uid", i));
            target.get().name().ifPresent(n -> entity.put("name", n));
            return Optional.of(entity);
        }
        if (orgAllowed && tenant.isPresent()) {
            entity.putObject("org").put("uid", tenant.get());
            return Optional.of(entity);
        }
        return Optional.empty();
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
}
