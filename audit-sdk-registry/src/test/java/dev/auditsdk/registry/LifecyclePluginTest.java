package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.http.TransportListener;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the Lifecycle plugin hands its own options to the source builder. */
class LifecyclePluginTest {
    private static final VendorPlugin LIFECYCLE = new LifecyclePlugin();

    private static VendorSettings settings(String... extra) {
        Map<String, String> values = new HashMap<>(Map.of("username", "u", "password", "pw-S3CR3T"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return VendorSettings.resolved(LIFECYCLE, values, Map.of(), SettingNames.keys("streams.l."));
    }

    @Test
    void theWindowSizeReachesTheSource() throws Exception {
        try (AuditLogSource<?> source = LIFECYCLE.openSource(settings("window-size", "2d"), UNATTENDED)) {
            assertThat(source.toString()).contains("windowSize=PT48H");
        }
        try (AuditLogSource<?> source = LIFECYCLE.openSource(settings(), UNATTENDED)) {
            assertThat(source.toString()).contains("windowSize=PT24H");
        }
    }

    @Test
    void aWindowSizeThatIsNotWholeDaysIsReportedOnItsKey() {
        for (String bad : new String[] {"36h", "0s", "soon"}) {
            assertThatThrownBy(() -> LIFECYCLE.openSource(settings("window-size", bad), UNATTENDED).close()).as(bad)
                    .isInstanceOfSatisfying(VendorSettingException.class, e -> assertThat(e.option()).contains("window-size"))
                    .hasMessageContaining("streams.l.window-size");
        }
    }

    private static final VendorContext UNATTENDED = new VendorContext() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] promptSecret(String prompt) {
            throw new VendorSettingException("no terminal");
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public TransportListener transportListener() {
            return TransportListener.NONE;
        }
    };
}
