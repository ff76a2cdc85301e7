package dev.auditsdk.testkit.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks OCSF events against an {@link OcsfSchema}, as a SIEM or data lake that enforces the
 * schema would:
 *
 * <ul>
 *   <li>the class ({@code class_uid}) exists; {@code category_uid}, {@code class_name},
 *       {@code category_name}, {@code type_uid = class_uid * 100 + activity_id} and
 *       {@code type_name} agree with it; {@code metadata.version} is the schema's version;</li>
 *   <li>every attribute is defined by the class or object it sits in, or by a profile the event
 *       declares in {@code metadata.profiles} (which must apply to the class); a {@code *_dt}
 *       twin of a timestamp needs the {@code datetime} profile;</li>
 *   <li>required attributes are present, at every level; {@code at_least_one} and
 *       {@code just_one} constraints hold;</li>
 *   <li>enum values are defined, and an enum's sibling ({@code activity_name},
 *       {@code status}, {@code severity}, ...) is the caption of its value, except for 99 (Other),
 *       whose sibling carries the source's own word;</li>
 *   <li>scalars have their type: strings, integers, longs, floats, booleans, arrays where the
 *       schema says so, with the type's pattern (e-mail, IP, date-time, ...), length and range.</li>
 * </ul>
 *
 * Missing recommended attributes are not violations; the report lists them.
 */
public final class OcsfValidator {
    private static final String OTHER = "99";
    /** Classification attributes whose values depend on the class; checked against it, not as enums. */
    private static final Set<String> CLASS_DEPENDENT = Set.of("class_uid", "category_uid", "type_uid");

    private final OcsfSchema schema;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /**
     * @param schema the schema to check against
     */
    public OcsfValidator(OcsfSchema schema) {
        this.schema = schema;
    }

    /** @return a validator for the schema bundled with the testkit (OCSF {@value OcsfSchema#BUNDLED_VERSION}) */
    public static OcsfValidator bundled() {
        return new OcsfValidator(OcsfSchema.bundled());
    }

    /** @return the schema this validator checks against */
    public OcsfSchema schema() {
        return schema;
    }

    /**
     * @param event one OCSF event
     * @return what is wrong with it, and which recommended attributes it leaves out
     */
    public OcsfReport validate(JsonNode event) {
        Check check = new Check();
        if (event == null || !event.isObject()) {
            check.error("", "an OCSF event must be a JSON object");
            return check.report();
        }
        JsonNode classUid = event.get("class_uid");
        if (classUid == null || !classUid.canConvertToInt() || !classUid.isIntegralNumber()) {
            check.error("class_uid", "required, an integer");
            return check.report();
        }
        Optional<OcsfEventClass> found = schema.eventClass(classUid.intValue());
        if (found.isEmpty()) {
            check.error("class_uid", classUid.intValue() + " is not a class of OCSF " + schema.version());
            return check.report();
        }
        OcsfEventClass cls = found.get();
        check.profiles = declaredProfiles(event, cls, check);
        checkObject(event, cls.type(), "", check);
        checkClassification(event, cls, check);
        JsonNode version = event.path("metadata").get("version");
        if (version != null && !schema.version().equals(version.asText())) {
            check.error("metadata.version", "is '" + version.asText() + "', this schema is " + schema.version());
        }
        return check.report();
    }

    /** The state of one event's check. */
    private static final class Check {
        final List<String> errors = new ArrayList<>();
        final List<String> recommended = new ArrayList<>();
        Set<String> profiles = Set.of();

        void error(String path, String message) {
            errors.add((path.isEmpty() ? "(event)" : path) + ": " + message);
        }

        OcsfReport report() {
            return new OcsfReport(errors, recommended);
        }
    }

    private Set<String> declaredProfiles(JsonNode event, OcsfEventClass cls, Check check) {
        JsonNode declared = event.path("metadata").path("profiles");
        Set<String> out = new HashSet<>();
        if (declared.isMissingNode() || declared.isNull()) {
            return out;
        }
        for (JsonNode p : declared) {
            String name = p.asText();
            if (!schema.profileNames().contains(name)) {
                check.error("metadata.profiles", "'" + name + "' is not a profile of OCSF " + schema.version());
            } else if (!cls.type().profiles().contains(name)) {
                check.error("metadata.profiles", "the '" + name + "' profile does not apply to " + cls.type().caption()
                        + " (it takes " + cls.type().profiles() + ")");
            }
            out.add(name);
        }
        return out;
    }

    private void checkClassification(JsonNode event, OcsfEventClass cls, Check check) {
        expectInt(event, "category_uid", cls.categoryUid(), check);
        expectText(event, "class_name", cls.type().caption(), check);
        expectText(event, "category_name", cls.categoryCaption(), check);
        JsonNode activity = event.get("activity_id");
        JsonNode typeUid = event.get("type_uid");
        if (activity != null && activity.canConvertToInt() && typeUid != null) {
            long expected = cls.uid() * 100L + activity.intValue();
            if (!typeUid.canConvertToLong() || typeUid.longValue() != expected) {
                check.error("type_uid", "must be class_uid * 100 + activity_id = " + expected + ", is " + typeUid);
            }
            String activityCaption = cls.type().enumCaption("activity_id", activity.asText());
            JsonNode typeName = event.get("type_name");
            if (typeName != null && activityCaption != null && !OTHER.equals(activity.asText())
                    && !typeName.asText().equals(cls.type().caption() + ": " + activityCaption)) {
                check.error("type_name", "must be '" + cls.type().caption() + ": " + activityCaption + "', is '"
                        + typeName.asText() + "'");
            }
        }
    }

    private void checkObject(JsonNode node, OcsfType type, String path, Check check) {
        Map<String, ObjectNode> attributes = type.attributes();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String at = join(path, name);
            ObjectNode def = attributes.get(name);
            if (def == null) {
                if (!isDatetimeTwin(name, attributes, field.getValue(), at, check)) {
                    check.error(at, "is not an attribute of " + type.name()
                            + (path.isEmpty() ? " (nor of the profiles it declares)" : ""));
                }
                continue;
            }
            if (field.getValue().isNull()) {
                continue;
            }
            String profile = def.path("profile").asText(null);
            if (profile != null && !def.path("profile").isNull() && !check.profiles.contains(profile)) {
                check.error(at, "belongs to the '" + profile + "' profile, which metadata.profiles does not declare");
            }
            if (!CLASS_DEPENDENT.contains(name)) {
                checkEnum(node, name, def, at, path, check);
            }
            checkValue(field.getValue(), def, at, check);
        }
        for (Map.Entry<String, ObjectNode> a : attributes.entrySet()) {
            JsonNode profile = a.getValue().get("profile");
            if (profile != null && profile.isTextual() && !check.profiles.contains(profile.asText())) {
                continue;
            }
            if (!present(node, a.getKey())) {
                String requirement = a.getValue().path("requirement").asText("optional");
                if (requirement.equals("required")) {
                    check.error(join(path, a.getKey()), "is required by " + type.name() + " and missing");
                } else if (requirement.equals("recommended")) {
                    check.recommended.add(join(path, a.getKey()));
                }
            }
        }
        for (Map.Entry<String, List<String>> c : type.constraints().entrySet()) {
            long count = c.getValue().stream().filter(n -> present(node, n)).count();
            if (c.getKey().equals("at_least_one") && count == 0) {
                check.error(path, type.name() + " needs at least one of " + c.getValue());
            } else if (c.getKey().equals("just_one") && count != 1) {
                check.error(path, type.name() + " needs exactly one of " + c.getValue() + ", has " + count);
            }
        }
    }

    /** {@code x_dt} is the RFC 3339 twin of timestamp {@code x}, defined by the datetime profile. */
    private boolean isDatetimeTwin(String name, Map<String, ObjectNode> attributes, JsonNode value, String at,
            Check check) {
        if (!name.endsWith("_dt")) {
            return false;
        }
        ObjectNode base = attributes.get(name.substring(0, name.length() - 3));
        if (base == null || !"timestamp_t".equals(base.path("type").asText())) {
            return false;
        }
        if (!check.profiles.contains("datetime")) {
            check.error(at, "belongs to the 'datetime' profile, which metadata.profiles does not declare");
        }
        checkScalar(value, "datetime_t", at, check);
        return true;
    }

    private void checkEnum(JsonNode node, String name, ObjectNode def, String at, String path, Check check) {
        JsonNode values = def.get("enum");
        if (values == null || !values.isObject()) {
            return;
        }
        String key = node.get(name).asText();
        JsonNode value = values.get(key);
        if (value == null) {
            List<String> allowed = new ArrayList<>();
            values.fieldNames().forEachRemaining(allowed::add);
            check.error(at, "'" + key + "' is not one of its enum values " + allowed);
            return;
        }
        String sibling = def.path("sibling").asText(null);
        if (sibling == null || !present(node, sibling) || OTHER.equals(key)) {
            return;
        }
        String caption = value.path("caption").asText();
        String actual = node.get(sibling).asText();
        if (!caption.equals(actual)) {
            check.error(join(path, sibling), "must be '" + caption + "', the caption of " + name + " " + key
                    + ", is '" + actual + "'");
        }
    }

    private void checkValue(JsonNode value, ObjectNode def, String at, Check check) {
        boolean array = def.path("is_array").asBoolean(false);
        if (array) {
            if (!value.isArray()) {
                check.error(at, "must be an array");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkSingle(value.get(i), def, at + "[" + i + "]", check);
            }
        } else if (value.isArray()) {
            check.error(at, "must not be an array");
        } else {
            checkSingle(value, def, at, check);
        }
    }

    private void checkSingle(JsonNode value, ObjectNode def, String at, Check check) {
        String type = def.path("type").asText("");
        if (type.equals("json_t")) {
            return;
        }
        if (type.equals("object")) {
            if (!value.isObject()) {
                check.error(at, "must be a JSON object");
            }
            return;
        }
        Optional<OcsfType> object = schema.object(type);
        if (object.isPresent()) {
            if (value.isObject()) {
                checkObject(value, object.get(), at, check);
            } else {
                check.error(at, "must be a " + type + " object");
            }
            return;
        }
        checkScalar(value, type, at, check);
    }

    private void checkScalar(JsonNode value, String type, String at, Check check) {
        String base = type;
        for (Optional<JsonNode> t = schema.scalarType(type); t.isPresent(); t = schema.scalarType(t.get().path("type").asText(""))) {
            JsonNode def = t.get();
            base = def.path("type").asText(base);
            String regex = def.path("regex").asText(null);
            if (regex != null && value.isTextual()
                    && !patterns.computeIfAbsent(regex, Pattern::compile).matcher(value.asText()).find()) {
                check.error(at, "'" + value.asText() + "' is not a valid " + type);
            }
            if (def.has("max_len") && value.isTextual() && value.asText().length() > def.get("max_len").asInt()) {
                check.error(at, "is longer than " + def.get("max_len").asInt() + " characters (" + type + ")");
            }
            JsonNode range = def.get("range");
            if (range != null && value.isNumber()
                    && (value.asLong() < range.get(0).asLong() || value.asLong() > range.get(1).asLong())) {
                check.error(at, value + " is outside " + range + " (" + type + ")");
            }
            if (!def.has("type")) {
                break;
            }
        }
        boolean ok;
        switch (base) {
            case "string_t":
                ok = value.isTextual();
                break;
            case "integer_t":
                ok = value.isIntegralNumber() && value.canConvertToInt();
                break;
            case "long_t":
                ok = value.isIntegralNumber() && value.canConvertToLong();
                break;
            case "float_t":
                ok = value.isNumber();
                break;
            case "boolean_t":
                ok = value.isBoolean();
                break;
            default:
                ok = true;
        }
        if (!ok) {
            check.error(at, "must be a " + base.replace("_t", "") + " (" + type + "), is " + value.getNodeType());
        }
    }

    private static void expectInt(JsonNode event, String name, int expected, Check check) {
        JsonNode v = event.get(name);
        if (v != null && (!v.canConvertToInt() || v.intValue() != expected)) {
            check.error(name, "must be " + expected + " for this class, is " + v);
        }
    }

    private static void expectText(JsonNode event, String name, String expected, Check check) {
        JsonNode v = event.get(name);
        if (v != null && !expected.equals(v.asText())) {
            check.error(name, "must be '" + expected + "' for this class, is '" + v.asText() + "'");
        }
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
