package dev.auditsdk.moduletest;

import dev.auditsdk.core.spi.AuditSdkProtectedApi;
import java.util.List;
import java.util.function.Consumer;

/** Types the gate's own test checks: what it must find, and what it must let through. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Stands for machinery: not visible to users. */
    interface Hidden {
    }

    /** Exposes {@link Hidden} in its declaration, a return type and a generic parameter. */
    public abstract static class Leaky implements Hidden {
        /** @return machinery */
        public abstract Hidden machinery();

        /** @param c takes machinery */
        public abstract void accept(Consumer<? super Hidden> c);

        /** Not user API: package-private. */
        abstract Hidden notVisible();
    }

    /** Exposes nothing: machinery only in a member marked as protected API, and in non-public ones. */
    public static final class Clean {
        /** @return names */
        public List<String> names() {
            return List.of();
        }

        /** @return machinery, for our modules only */
        @AuditSdkProtectedApi
        public Hidden marked() {
            return null;
        }

        Hidden hidden() {
            return null;
        }
    }
}
