package dev.auditsdk.core.spi.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version, read from the build-filtered {@code audit-sdk.properties}. Internal. */
public final class SdkVersion {
    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a build */
    public static String get() {
        return VERSION;
    }

    /** @return the User-Agent value the SDK sends, {@code audit-sdk/<version>} */
    public static String userAgent() {
        return "audit-sdk/" + VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/dev/auditsdk/core/audit-sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
