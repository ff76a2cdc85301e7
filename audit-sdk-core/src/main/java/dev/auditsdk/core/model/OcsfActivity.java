package dev.auditsdk.core.model;

/** Infers OCSF {@code activity_id}s from an action's words. */
final class OcsfActivity {
    static final int OTHER = 99;

    private OcsfActivity() {
    }

    static int infer(OcsfClass cls, String action) {
        if (cls == OcsfClass.AUTHENTICATION) {
            if (containsAny(action, "logout", "logoff", "log out", "sign out", "signout")) {
                return 2;
            }
            if (containsAny(action, "login", "logon", "log in", "sign in", "signin", "on_entry", "authenticat")) {
                return 1;
            }
            return OTHER;
        }
        if (cls == OcsfClass.ACCOUNT_CHANGE) {
            if (containsAny(action, "create", "add", "invite")) {
                return 1;
            }
            if (containsAny(action, "enable", "activate")) {
                return 2;
            }
            if (containsAny(action, "password")) {
                return 3;
            }
            if (containsAny(action, "disable", "deactivate")) {
                return 5;
            }
            if (containsAny(action, "delete", "remove")) {
                return 6;
            }
            return OTHER;
        }
        if (containsAny(action, "create", "add", "new", "post", "insert")) {
            return 1;
        }
        if (containsAny(action, "read", "get", "view", "export", "download", "list", "query")) {
            return 2;
        }
        if (containsAny(action, "update", "change", "modif", "edit", "put", "patch", "set", "deploy", "rename")) {
            return 3;
        }
        if (containsAny(action, "delete", "remove")) {
            return 4;
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
