package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorSettingsTest {
    private static final VendorPlugin PLUGIN = new VendorPlugin() {
        @Override
        public String name() {
            return "uipath-unified";
        }

        @Override
        public String settingsPrefix() {
            return "uipath";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<VendorOption> options() {
            return List.of(VendorOption.builder().name("base-url").label("URL").description("url")
                            .defaultValue("https://cloud.uipath.com").build(),
                    VendorOption.secret("client-secret", "SECRET", "secret"),
                    VendorOption.flag("tenant-scope", "tenant"),
                    VendorOption.text("max-count", "N", "page"));
        }

        @Override
        public AuditLogSource<? extends AuditLogEntry> openSource(VendorSettings settings, VendorContext context) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void namesEnvironmentVariablesAndConfigKeysFromThePrefix() {
        VendorOption secret = PLUGIN.options().get(1);
        assertThat(secret.envVar("uipath")).isEqualTo("AUDITLOG_UIPATH_CLIENT_SECRET");
        assertThat(secret.configKey("uipath")).isEqualTo("uipath.client-secret");
        assertThat(secret.longName()).isEqualTo("--client-secret");
    }

    @Test
    void typedAccessorsDefaultsAndSecretSafeToString() {
        VendorSettings s = VendorSettings.of(PLUGIN, Map.of("client-secret", "very-S3CR3T", "tenant-scope", "yes",
                "max-count", "50"));
        assertThat(s.uri("base-url")).contains(URI.create("https://cloud.uipath.com"));
        assertThat(s.flag("tenant-scope")).isTrue();
        assertThat(s.integer("max-count")).hasValue(50);
        assertThat(s.secretValues()).containsExactly("very-S3CR3T");
        assertThat(s.toString()).contains("client-secret=****").doesNotContain("very-S3CR3T");
        assertThat(s.origin("base-url")).contains(VendorSettings.Origin.DEFAULT);
    }

    @Test
    void badValuesNameWhereTheyCameFromButNeverShowSecrets() {
        VendorSettings s = VendorSettings.resolved(PLUGIN, Map.of("base-url", "ftp://x", "client-secret", "very-S3CR3T"),
                Map.of("base-url", VendorSettings.Origin.ENVIRONMENT, "client-secret", VendorSettings.Origin.CONFIG_FILE));
        assertThatThrownBy(() -> s.uri("base-url")).isInstanceOf(VendorSettingException.class)
                .hasMessage("uipath-unified: invalid value 'ftp://x' for AUDITLOG_UIPATH_BASE_URL: expected an absolute"
                        + " http(s) URL such as https://host.example.com");
        assertThat(s.invalid("client-secret", "too short").getMessage())
                .isEqualTo("uipath-unified: invalid value for uipath.client-secret in the --config file: too short");
        assertThatThrownBy(() -> s.require("max-count")).hasMessage("uipath-unified needs --max-count (or"
                + " AUDITLOG_UIPATH_MAX_COUNT, or uipath.max-count in the --config file)");
        assertThatThrownBy(() -> s.get("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyedNamesPointAtTheConfigurationKeyAndTheExceptionCarriesTheOption() {
        VendorSettings s = VendorSettings.resolved(PLUGIN, Map.of("base-url", "ftp://x", "client-secret", "very-S3CR3T"),
                Map.of("base-url", VendorSettings.Origin.CONFIG_FILE, "client-secret", VendorSettings.Origin.CONFIG_FILE),
                SettingNames.keys("streams.eu."));
        assertThatThrownBy(() -> s.uri("base-url")).isInstanceOfSatisfying(VendorSettingException.class,
                e -> assertThat(e.option()).contains("base-url"))
                .hasMessage("uipath-unified: invalid value 'ftp://x' for streams.eu.base-url: expected an absolute"
                        + " http(s) URL such as https://host.example.com");
        assertThatThrownBy(() -> s.require("max-count")).hasMessage("uipath-unified needs streams.eu.max-count");
        assertThat(s.invalid("client-secret", "too short").getMessage())
                .isEqualTo("uipath-unified: invalid value for streams.eu.client-secret: too short");
    }

    @Test
    void aCombinationOfOptionsIsNamedTheWayTheUserGivesThem() {
        VendorSettings cli = VendorSettings.of(PLUGIN, Map.of());
        VendorSettingException e = cli.needs("client-secret", "exactly one of {} and {}", "max-count");
        assertThat(e.option()).contains("client-secret");
        assertThat(e.getMessage()).isEqualTo("uipath-unified needs exactly one of --client-secret and --max-count"
                + " (or AUDITLOG_UIPATH_CLIENT_SECRET / AUDITLOG_UIPATH_MAX_COUNT)");
        VendorSettings keyed = VendorSettings.resolved(PLUGIN, Map.of(), Map.of(), SettingNames.keys("streams.eu."));
        assertThat(keyed.needs("client-secret", "{} (a secret) or {}", "max-count").getMessage())
                .isEqualTo("uipath-unified needs streams.eu.client-secret (a secret) or streams.eu.max-count");
        assertThat(new VendorSettingException("plain").option()).isEmpty();
    }

    @Test
    void urlsWithCredentialsAreRejected() {
        VendorSettings s = VendorSettings.of(PLUGIN, Map.of("base-url", "https://user:pw@host"));
        assertThatThrownBy(() -> s.uri("base-url")).hasMessageContaining("put credentials in their own options");
    }

    @Test
    void optionNamesAreValidated() {
        assertThatThrownBy(() -> VendorOption.text("Base_URL", "URL", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
