package dev.auditsdk.testkit.boomi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Generates plausible, deterministic Boomi {@code AuditLog} records from a seed: the documented
 * types, actions, modifiers, levels and sources, second-precision dates with several entries
 * sometimes sharing one second, and the pre-June-2016 integer {@code version} property.
 */
final class BoomiEntryGenerator {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Instant VERSION_PROPERTY_CUTOFF = Instant.parse("2016-06-01T00:00:00Z");

    /** One kind of audited action: type, action, modifier, message. */
    private static final class Template {
        final String type;
        final String action;
        final String modifier;
        final String message;

        Template(String type, String action, String modifier, String message) {
            this.type = type;
            this.action = action;
            this.modifier = modifier;
            this.message = message;
        }
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("account", "ON_ENTRY", "SUCCESS", null),
            new Template("account", "ON_ENTRY", "SUCCESS", null),
            new Template("account", "ON_ENTRY", "SUCCESS", null),
            new Template("account", "LOGOUT", "NONE", "Force sign out account"),
            new Template("account", "EDIT", "NONE", "Account password policy modified"),
            new Template("account-ip_address", "ADD", "TRUSTEDIP", "Trusted IP address added"),
            new Template("user", "ADD", "NONE", "User added to account"),
            new Template("user", "DELETE", "NONE", "User removed from account"),
            new Template("user", "EDIT", "NONE", "User roles changed"),
            new Template("user.token", "ADD", "NONE", "API token created"),
            new Template("user.token", "DELETE", "NONE", "API token deleted"),
            new Template("role", "ADD", "NONE", "Role created"),
            new Template("role", "EDIT", "NONE", "Role privileges changed"),
            new Template("as.atom", "UPDATE", "MANUAL", "Atom updated"),
            new Template("as.atom", "DELETE", "NONE", "Atom deleted"),
            new Template("as.extensions", "UPDATE", "MANUAL", "Environment Extensions saved"),
            new Template("component", "ADD", "NONE", "Component created"),
            new Template("component", "EDIT", "NONE", "Component saved"),
            new Template("component", "DELETE", "NONE", "Component deleted"),
            new Template("environment", "ADD", "NONE", "Environment created"),
            new Template("environment", "EDIT", "NONE", "Environment renamed"),
            new Template("process", "EXECUTE", "MANUAL", "Process executed manually"),
            new Template("document", "DOWNLOAD", "SUCCESS", "Document downloaded"),
            new Template("as.atom.log", "DOWNLOAD", "NONE", "Atom logs downloaded"));

    private static final List<String> USERS = List.of("ada@acme.example", "grace@acme.example",
            "linus@acme.example", "margaret@acme.example", "ken@acme.example");
    private static final List<String> SOURCES = List.of("UI", "UI", "UI", "API", "API", "INTERNAL", "MOBILE", "UNKNOWN");

    private final Random random;
    private final String accountId;
    private final Duration spacing;

    BoomiEntryGenerator(long seed, String accountId, Duration spacing) {
        this.random = new Random(seed);
        this.accountId = accountId;
        this.spacing = spacing;
    }

    /**
     * @param previous the date of the previous entry
     * @return the date of the next entry: never earlier, sometimes the same second
     */
    synchronized Instant nextDate(Instant previous) {
        if (random.nextInt(100) < 15) {
            return previous;
        }
        long maxSeconds = Math.max(1, spacing.getSeconds() * 2);
        return previous.plusSeconds(1 + (long) (random.nextDouble() * maxSeconds)).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param date the entry's date (truncated to seconds, as Boomi records them)
     * @return a new AuditLog record
     */
    synchronized ObjectNode entry(Instant date) {
        Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("@type", "AuditLog");
        e.put("documentId", documentId());
        e.put("accountId", accountId);
        if (t.type.startsWith("as.") || t.type.equals("process")) {
            e.put("containerId", uuid());
        }
        e.put("userId", USERS.get(random.nextInt(USERS.size())));
        int roll = random.nextInt(100);
        String level = roll < 5 ? "ERROR" : roll < 10 ? "WARNING" : roll < 12 ? "DEBUG" : "INFO";
        String message = t.message;
        if (level.equals("ERROR") && message != null) {
            message = message + " failed";
        }
        if (message != null) {
            e.put("message", message);
        }
        e.put("date", BoomiFilter.formatDate(date.truncatedTo(ChronoUnit.SECONDS)));
        e.put("type", t.type);
        e.put("action", t.action);
        e.put("modifier", t.modifier);
        e.put("level", level);
        e.put("source", t.action.equals("ON_ENTRY") ? "UI" : SOURCES.get(random.nextInt(SOURCES.size())));
        ArrayNode props = e.putArray("AuditLogProperty");
        if (date.isBefore(VERSION_PROPERTY_CUTOFF)) {
            // Entries before June 2016 carry an integer "version" property.
            props.addObject().put("@type", "AuditLogProperty").put("name", "version").put("value", 1 + random.nextInt(9));
        } else if (t.type.equals("as.atom") && t.action.equals("UPDATE")) {
            props.addObject().put("@type", "AuditLogProperty").put("name", "VERSION_STRING")
                    .put("previousValue", "24.05.0-" + random.nextInt(1000))
                    .put("value", "24.06.1-" + random.nextInt(1000));
        } else if (t.type.equals("component") || t.type.equals("environment") || t.type.equals("role")) {
            props.addObject().put("@type", "AuditLogProperty").put("name", "NAME").put("value", t.type + "-" + random.nextInt(500));
        }
        return e;
    }

    private String documentId() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
