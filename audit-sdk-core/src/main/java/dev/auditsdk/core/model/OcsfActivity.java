package dev.auditsdk.core.model;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OCSF {@code activity_id}s of each class with their captions (OCSF 1.3.0), and the
 * inference of an id from an action's words.
 */
final class OcsfActivity {
    static final int UNKNOWN = 0;
    static final int OTHER = 99;

    private static final Map<Integer, String> COMMON = Map.of(UNKNOWN, "Unknown", OTHER, "Other");
    private static final Map<OcsfClass, Map<Integer, String>> CAPTIONS = Map.of(
            OcsfClass.AUTHENTICATION, Map.of(1, "Logon", 2, "Logoff", 3, "Authentication Ticket",
                    4, "Service Ticket Request", 5, "Service Ticket Renew", 6, "Preauth"),
            OcsfClass.ACCOUNT_CHANGE, Map.ofEntries(Map.entry(1, "Create"), Map.entry(2, "Enable"),
                    Map.entry(3, "Password Change"), Map.entry(4, "Password Reset"), Map.entry(5, "Disable"),
                    Map.entry(6, "Delete"), Map.entry(7, "Attach Policy"), Map.entry(8, "Detach Policy"),
                    Map.entry(9, "Lock"), Map.entry(10, "MFA Factor Enable"), Map.entry(11, "MFA Factor Disable")),
            OcsfClass.ENTITY_MANAGEMENT, Map.ofEntries(Map.entry(1, "Create"), Map.entry(2, "Read"),
                    Map.entry(3, "Update"), Map.entry(4, "Delete"), Map.entry(5, "Move"), Map.entry(6, "Enroll"),
                    Map.entry(7, "Unenroll"), Map.entry(8, "Enable"), Map.entry(9, "Disable"), Map.entry(10, "Activate"),
                    Map.entry(11, "Deactivate"), Map.entry(12, "Suspend"), Map.entry(13, "Resume")),
            OcsfClass.API_ACTIVITY, Map.of(1, "Create", 2, "Read", 3, "Update", 4, "Delete"),
            OcsfClass.BASE_EVENT, Map.of());
    /** Ids above this have no caption in any class. */
    private static final int MAX_ID = OTHER;
    /** {@link #CAPTIONS} and {@link #COMMON} as a table by class ordinal and id: no boxing per lookup. */
    private static final String[][] TABLE = table();
    /**
     * How many actions per class {@link #of} remembers: vendors use a small vocabulary of actions,
     * so the words of each are matched once, not at every event; past this many, it stops adding.
     */
    private static final int REMEMBERED = 1024;
    /** Longer actions are not remembered (they are not a vocabulary). */
    private static final int REMEMBERED_LENGTH = 64;
    /** By class: the inferred id of each action seen, as the vendor spelled it. */
    private static final Map<OcsfClass, Map<String, Integer>> INFERRED = inferred();

    private OcsfActivity() {
    }

    /**
     * @return the caption of the id in the class, or {@code null} when the class does not define it
     */
    static String caption(OcsfClass cls, int activityId) {
        return activityId < 0 || activityId > MAX_ID ? null : TABLE[cls.ordinal()][activityId];
    }

    private static String[][] table() {
        String[][] table = new String[OcsfClass.values().length][MAX_ID + 1];
        for (OcsfClass cls : OcsfClass.values()) {
            for (int id = 0; id <= MAX_ID; id++) {
                String common = COMMON.get(id);
                table[cls.ordinal()][id] = common != null ? common : CAPTIONS.get(cls).get(id);
            }
        }
        return table;
    }

    /**
     * The id {@link #infer} gives the action's lower-case form, remembered per class and action.
     *
     * @param cls the class
     * @param action the vendor's action, any case
     * @return the inferred activity id
     */
    static int of(OcsfClass cls, String action) {
        Map<String, Integer> known = INFERRED.get(cls);
        Integer id = known.get(action);
        if (id == null) {
            id = infer(cls, action.toLowerCase(Locale.ROOT));
            if (action.length() <= REMEMBERED_LENGTH && known.size() < REMEMBERED) {
                known.put(action, id);
            }
        }
        return id;
    }

    private static Map<OcsfClass, Map<String, Integer>> inferred() {
        Map<OcsfClass, Map<String, Integer>> inferred = new EnumMap<>(OcsfClass.class);
        for (OcsfClass cls : OcsfClass.values()) {
            inferred.put(cls, new ConcurrentHashMap<>());
        }
        return inferred;
    }

    private static int infer(OcsfClass cls, String action) {
        if (cls == OcsfClass.BASE_EVENT) {
            return OTHER;
        }
        if (cls == OcsfClass.AUTHENTICATION) {
            if (containsAny(action, "logout", "logoff", "log out", "sign out", "signout", "loggedout", "logged out")) {
                return 2;
            }
            if (containsAny(action, "login", "logon", "log in", "sign in", "signin", "on_entry", "authenticat",
                    "loggedin", "logged in")) {
                return 1;
            }
            return OTHER;
        }
        if (cls == OcsfClass.ACCOUNT_CHANGE) {
            return inferAccountChange(action);
        }
        if (containsAny(action, "create", "add", "new", "post", "insert")) {
            return 1;
        }
        if (containsAny(action, "read", "get", "view", "export", "download", "list", "query")) {
            return 2;
        }
        if (containsAny(action, "update", "change", "modif", "edit", "put", "patch", "set", "deploy", "rename", "save")) {
            return 3;
        }
        if (containsAny(action, "delete", "remove")) {
            return 4;
        }
        if (cls == OcsfClass.ENTITY_MANAGEMENT) {
            return inferEntityState(action);
        }
        return OTHER;
    }

    private static int inferAccountChange(String action) {
        if (containsAny(action, "create", "add", "invite")) {
            return 1;
        }
        if (containsAny(action, "disable", "deactivate")) {
            return 5;
        }
        if (containsAny(action, "enable", "activate")) {
            return 2;
        }
        if (containsAny(action, "password reset", "password-reset", "passwordreset", "reset password")) {
            return 4;
        }
        if (containsAny(action, "password")) {
            return 3;
        }
        if (containsAny(action, "delete", "remove")) {
            return 6;
        }
        if (containsAny(action, "lock")) {
            return 9;
        }
        return OTHER;
    }

    private static int inferEntityState(String action) {
        if (containsAny(action, "disable")) {
            return 9;
        }
        if (containsAny(action, "enable")) {
            return 8;
        }
        if (containsAny(action, "deactivate")) {
            return 11;
        }
        if (containsAny(action, "activate")) {
            return 10;
        }
        if (containsAny(action, "move")) {
            return 5;
        }
        return OTHER;
    }

    private static boolean containsAny(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
