package dev.auditsdk.lifecycle.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.ImmutableAuditEvent;
import dev.auditsdk.core.model.ImmutableTarget;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Product;
import dev.auditsdk.core.model.Target;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an IQ Server audit event to the normalized {@link AuditEvent} (the mapping table is in
 * the module's README):
 * <ul>
 *   <li>{@code authentication} {@code login}/{@code logout} → OCSF 3002 Authentication; the
 *       user is {@code username}, which is the server's own {@code *UNKNOWN} on a failed login;</li>
 *   <li>changes to users ({@code data.username} names the user) → 3001 Account Change;</li>
 *   <li>any other change (a type such as {@code create}, {@code update}, {@code delete}), and
 *       server start/stop → 3004 Entity Management, the entity named by {@code data};</li>
 *   <li>everything else (audit-log exports, ...), and changes whose {@code data} names nothing →
 *       6003 API Activity from {@code remoteIpAddress}, the operation being {@code type}.</li>
 * </ul>
 * The outcome is FAILURE when the event carries an {@code error} (also the status detail),
 * otherwise SUCCESS: the server records an error summary on every failed action.
 */
final class LifecycleNormalizer {
    static final String VENDOR = "lifecycle";
    static final Product PRODUCT = Product.of("Sonatype", "Sonatype Lifecycle");
    /** The shared mapper's factory: its parsers read odd {@code data} values as trees. */
    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private static final Set<String> ACCOUNT_DOMAINS = Set.of(LifecycleDomain.USER);
    /** Words of an event type (split on '-') that mark it as a change. */
    private static final String[] CHANGE_WORD_LIST = {"create", "update", "delete", "add", "remove", "change",
            "install", "uninstall", "enable", "disable", "import", "set", "reset", "rename", "move", "grant", "revoke"};
    /** Data keys naming the target's id and name, most specific first. */
    private static final String[] TARGET_ID_KEYS = {"applicationPublicId", "organizationId", "policyId",
        "policyWaiverId", "roleId", "userId", "serverInstanceId", "id"};
    private static final String[] TARGET_NAME_KEYS = {"applicationName", "organizationName", "policyName", "roleName",
        "username", "memberName", "name"};

    private LifecycleNormalizer() {
    }

    static AuditEvent normalize(LifecycleAuditEntry e) {
        String domain = e.domain();
        String type = e.type();
        ImmutableAuditEvent.Builder b = AuditEvent.builder()
                .vendor(VENDOR)
                .id(e.id())
                .time(e.timestamp())
                .action(type)
                .category(domain)
                .ocsfClass(ocsfClass(domain, type))
                .outcome(e.error().isPresent() ? Outcome.FAILURE : Outcome.SUCCESS)
                .sourceIp(e.remoteIpAddress())
                .userAgent(e.userAgent())
                .message(domain + " " + type + e.error().map(err -> " failed: " + err).orElse(""))
                .product(PRODUCT)
                .logName("audit.log")
                .eventCode(domain + "/" + type)
                .statusDetail(e.error());
        if (!LifecycleAuditEntry.UNKNOWN_USER.equals(e.username())) {
            b.actor(Actor.named(e.username()));
        } else if (LifecycleDomain.AUTHENTICATION.equals(domain)) {
            // the user a failed login was for, as the server records it
            b.target(Target.builder().type(LifecycleDomain.USER).name(e.username()).build());
        }
        b.putAttributes("username", e.username());
        e.requestMethod().ifPresent(v -> b.putAttributes("http_request.http_method", v));
        e.requestUri().ifPresent(v -> b.putAttributes("http_request.url.url_string", v));
        e.forwarded().ifPresent(v -> b.putAttributes("forwarded", v));
        e.error().ifPresent(v -> b.putAttributes("error", v));
        Map<String, JsonNode> data = data(e.line(), e.dataOffset());
        if (data != null) {
            for (Map.Entry<String, JsonNode> f : data.entrySet()) {
                b.putAttributes("data." + f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
            b.target(target(domain, data));
        }
        return b.build();
    }

    static OcsfClass ocsfClass(String domain, String type) {
        if (LifecycleDomain.AUTHENTICATION.equals(domain)
                && (LifecycleEventType.LOGIN.equals(type) || LifecycleEventType.LOGOUT.equals(type))) {
            return OcsfClass.AUTHENTICATION;
        }
        boolean change = isChange(type);
        if (ACCOUNT_DOMAINS.contains(domain) && change) {
            return OcsfClass.ACCOUNT_CHANGE;
        }
        return change || LifecycleDomain.SERVER.equals(domain) ? OcsfClass.ENTITY_MANAGEMENT : OcsfClass.API_ACTIVITY;
    }

    /** Whether a word of the hyphenated type (e.g. {@code policy-update}) names a change; no split, no hashing. */
    private static boolean isChange(String type) {
        int start = 0;
        while (start <= type.length()) {
            int dash = type.indexOf('-', start);
            int end = dash < 0 ? type.length() : dash;
            for (String word : CHANGE_WORD_LIST) {
                if (word.length() == end - start && type.regionMatches(start, word, 0, word.length())) {
                    return true;
                }
            }
            if (dash < 0) {
                return false;
            }
            start = dash + 1;
        }
        return false;
    }

    /**
     * The line's {@code data} object, read with a streaming pass over the line instead of the
     * whole line as a tree ({@link LifecycleAuditEntry#raw()}): text values (nearly all of them)
     * become text nodes directly, any other value is read as Jackson's tree would read it.
     * A repeated key keeps its first position and its last value, as in a tree.
     *
     * @param line the entry's line
     * @param dataOffset what the reading pass found ({@link LifecycleAuditEntry#dataOffset()}):
     *     where the {@code data} value starts (only that value is read), that there is none, or
     *     {@link LifecycleAuditEntry#DATA_UNKNOWN} to read the whole line
     * @return the fields of {@code data}, in order; null when the line has no {@code data} object
     */
    static Map<String, JsonNode> data(String line, int dataOffset) {
        if (dataOffset == LifecycleAuditEntry.NO_DATA) {
            return null;
        }
        if (dataOffset >= 0) {
            return dataValue(line, dataOffset);
        }
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, JsonNode> data = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                if (!"data".equals(name)) {
                    p.skipChildren();
                } else if (value != JsonToken.START_OBJECT) {
                    data = null;
                    p.skipChildren();
                } else {
                    data = fields(p);
                }
            }
            return data;
        } catch (IOException e) {
            // every entry is made from a line that parsed
            throw new IllegalStateException("a Lifecycle audit line no longer parses", e);
        }
    }

    /** The {@code data} value that starts at {@code offset}: its fields if it is an object, else null. */
    private static Map<String, JsonNode> dataValue(String line, int offset) {
        if (offset >= line.length() || line.charAt(offset) != '{') {
            return null;
        }
        Map<String, JsonNode> flat = flatTextFields(line, offset);
        if (flat != null) {
            return flat;
        }
        try (JsonParser p = FACTORY.createParser(line.substring(offset))) {
            p.nextToken();
            return fields(p);
        } catch (IOException e) {
            // every entry is made from a line that parsed
            throw new IllegalStateException("a Lifecycle audit line no longer parses", e);
        }
    }

    /**
     * The common shape of {@code data}, read by a scan of the line instead of a parser: an object
     * whose values are all strings, with no escape sequence in any name or value. The line is
     * well-formed JSON (the reading pass tokenized all of it), so such a string ends at the next
     * quote. Anything else (a number, {@code null}, a nested value, a backslash) gives null, and
     * the parser reads the value instead, with the same result for every shape.
     *
     * @param line the entry's line
     * @param offset where the object's '{' is
     * @return the fields, in order (a repeated name keeps its first position and its last value,
     *     as in a tree); null when the value is not of that shape
     */
    static Map<String, JsonNode> flatTextFields(String line, int offset) {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        int i = skipSpace(line, offset + 1);
        if (i < line.length() && line.charAt(i) == '}') {
            return data;
        }
        while (true) {
            if (i >= line.length() || line.charAt(i) != '"') {
                return null;
            }
            int nameStart = i + 1;
            int nameEnd = stringEnd(line, nameStart);
            if (nameEnd < 0) {
                return null;
            }
            i = skipSpace(line, nameEnd + 1);
            if (i >= line.length() || line.charAt(i) != ':') {
                return null;
            }
            i = skipSpace(line, i + 1);
            if (i >= line.length() || line.charAt(i) != '"') {
                return null; // not a string: the parser reads it
            }
            int valueEnd = stringEnd(line, i + 1);
            if (valueEnd < 0) {
                return null;
            }
            data.put(line.substring(nameStart, nameEnd),
                    TextNode.valueOf(line.substring(i + 1, valueEnd)));
            i = skipSpace(line, valueEnd + 1);
            if (i >= line.length()) {
                return null;
            }
            char c = line.charAt(i);
            if (c == '}') {
                return data;
            }
            if (c != ',') {
                return null;
            }
            i = skipSpace(line, i + 1);
        }
    }

    /** @return the index of the quote that ends the string whose first character is at {@code from}; -1 at a backslash */
    private static int stringEnd(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The fields of the object the parser is on (at its start), up to its end. */
    private static Map<String, JsonNode> fields(JsonParser p) throws IOException {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            data.put(key, v == JsonToken.VALUE_STRING ? TextNode.valueOf(p.getText()) : p.readValueAsTree());
        }
        return data;
    }

    private static Target target(String domain, Map<String, JsonNode> data) {
        ImmutableTarget.Builder t = Target.builder().type(domain);
        firstText(data, TARGET_ID_KEYS).ifPresent(t::id);
        firstText(data, TARGET_NAME_KEYS).ifPresent(t::name);
        return t.build();
    }

    private static Optional<String> firstText(Map<String, JsonNode> data, String[] keys) {
        for (String key : keys) {
            JsonNode v = data.get(key);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }
}
