package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.http.TransportListener;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VendorRegistryTest {

    @Test
    void knowsEveryBuiltInVendorByName() {
        VendorRegistry registry = VendorRegistry.discover();
        assertThat(registry.all().stream().map(VendorPlugin::name).collect(Collectors.toList())).containsExactly(
                "boomi", "informatica", "informatica-security", "jitterbit", "lifecycle", "uipath", "uipath-unified");
        assertThat(registry.find("lifecycle")).isPresent();
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void twoVendorsOfOneNameAreRefused() {
        assertThatThrownBy(() -> VendorRegistry.of(List.of(new LifecyclePlugin(), new LifecyclePlugin())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lifecycle'");
    }

    @Test
    void everyBuiltInVendorHasADescriptionAndASecretOption() {
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            assertThat(p.description()).as(p.name()).isNotBlank();
            assertThat(p.options()).as(p.name()).anyMatch(VendorOption::secret);
        }
    }

    @Test
    void aMissingRequiredSettingIsReportedOnItsKeyBeforeAnyRequest() {
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            VendorSettings empty = VendorSettings.resolved(p, Map.of(), Map.of(), SettingNames.keys("streams.s."));
            assertThatThrownBy(() -> p.openSource(empty, UNATTENDED).close()).as(p.name())
                    .isInstanceOfSatisfying(VendorSettingException.class, e -> assertThat(e.option()).isPresent())
                    .hasMessageContaining("streams.s.");
        }
    }

    @Test
    void theRateLimitScopeNamesTheAccountTheVendorLimits() {
        assertThat(new BoomiPlugin().rateLimitScope()).containsExactly("base-url", "region", "account-id");
        assertThat(UiPathPlugin.unified().rateLimitScope()).containsExactly("base-url", "organization");
        assertThat(new LifecyclePlugin().rateLimitScope()).containsExactly("base-url", "username");
        assertThat(InformaticaPlugin.securityLog().rateLimitScope()).containsExactly("region", "login-url", "username");
    }

    @Test
    void everyVendorOffersLatenessAndLateEntriesAndABadValueIsReportedOnItsKey() {
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            assertThat(p.options()).as(p.name()).extracting(VendorOption::name).contains("lateness", "late-entries");
        }
        VendorPlugin lifecycle = new LifecyclePlugin();
        for (Map.Entry<String, String> bad : Map.of("lateness", "soon", "late-entries", "sideways", "day-margin", "5").entrySet()) {
            VendorSettings s = VendorSettings.resolved(lifecycle, Map.of("username", "u", "password", "pw-S3CR3T",
                    bad.getKey(), bad.getValue()), Map.of(), SettingNames.keys("streams.l."));
            assertThatThrownBy(() -> lifecycle.openSource(s, UNATTENDED).close()).as(bad.getKey())
                    .isInstanceOfSatisfying(VendorSettingException.class, e -> assertThat(e.option()).contains(bad.getKey()))
                    .hasMessageContaining("streams.l." + bad.getKey());
        }
        VendorSettings good = VendorSettings.resolved(lifecycle, Map.of("username", "u", "password", "pw-S3CR3T",
                "lateness", "5s", "late-entries", "DELIVER", "day-margin", "1"), Map.of(), SettingNames.keys("streams.l."));
        lifecycle.openSource(good, UNATTENDED).close();
    }

    @Test
    void everyVendorOffersParallelismAndHandsItToTheBuilderWhichReportsABadValueOnItsKey() throws Exception {
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            assertThat(p.options()).as(p.name()).extracting(VendorOption::name).contains("parallelism");
        }
        VendorPlugin lifecycle = new LifecyclePlugin();
        for (String bad : List.of("0", "17", "many")) {
            VendorSettings s = VendorSettings.resolved(lifecycle, Map.of("username", "u", "password", "pw-S3CR3T",
                    "parallelism", bad), Map.of(), SettingNames.keys("streams.l."));
            assertThatThrownBy(() -> lifecycle.openSource(s, UNATTENDED).close()).as(bad)
                    .isInstanceOfSatisfying(VendorSettingException.class, e -> assertThat(e.option()).contains("parallelism"))
                    .hasMessageContaining("streams.l.parallelism");
        }
        VendorSettings two = VendorSettings.resolved(lifecycle, Map.of("username", "u", "password", "pw-S3CR3T",
                "parallelism", "2"), Map.of(), SettingNames.keys("streams.l."));
        try (AuditLogSource<?> source = lifecycle.openSource(two, UNATTENDED)) {
            assertThat(source.toString()).contains("parallelism=2");
        }
    }

    @Test
    void lifecycleTakesItsWindowSizeInWholeDaysAndReportsOtherSizesOnTheKey() throws Exception {
        VendorPlugin lifecycle = new LifecyclePlugin();
        VendorSettings twoDays = VendorSettings.resolved(lifecycle, Map.of("username", "u", "password", "pw-S3CR3T",
                "window-size", "2d"), Map.of(), SettingNames.keys("streams.l."));
        try (AuditLogSource<?> source = lifecycle.openSource(twoDays, UNATTENDED)) {
            assertThat(source.toString()).contains("windowSize=PT48H");
        }
        for (String bad : List.of("36h", "0s", "soon")) {
            VendorSettings s = VendorSettings.resolved(lifecycle, Map.of("username", "u", "password", "pw-S3CR3T",
                    "window-size", bad), Map.of(), SettingNames.keys("streams.l."));
            assertThatThrownBy(() -> lifecycle.openSource(s, UNATTENDED).close()).as(bad)
                    .isInstanceOfSatisfying(VendorSettingException.class, e -> assertThat(e.option()).contains("window-size"))
                    .hasMessageContaining("streams.l.window-size");
        }
    }

    @Test
    void boomiNeedsExactlyOneCredential() {
        VendorPlugin boomi = new BoomiPlugin();
        VendorSettings both = VendorSettings.resolved(boomi, Map.of("account-id", "acme-A1", "username", "u@acme.example",
                "password", "pw-S3CR3T", "api-token", "tok-S3CR3T"), Map.of(), SettingNames.keys("streams.b."));
        assertThatThrownBy(() -> boomi.openSource(both, UNATTENDED)).isInstanceOf(VendorSettingException.class)
                .hasMessage("boomi needs exactly one of streams.b.password and streams.b.api-token");
    }

    @Test
    void aBadRegionIsReportedOnTheRegionKey() {
        VendorPlugin idmc = InformaticaPlugin.auditLog();
        VendorSettings s = VendorSettings.resolved(idmc, Map.of("region", "MARS", "username", "u",
                "password", "pw-S3CR3T"), Map.of(), SettingNames.keys("streams.i."));
        assertThatThrownBy(() -> idmc.openSource(s, UNATTENDED)).isInstanceOfSatisfying(VendorSettingException.class,
                e -> assertThat(e.option()).contains("region")).hasMessageContaining("streams.i.region");
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
