package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitterbitSourceBuilderTest {

    private static JitterbitSourceBuilder valid() {
        return JitterbitApiLogSource.builder().credentials("alice@jbexample.com", "pw-S3CR3T");
    }

    @Test
    void regionsMapToTheirHostsAndTheServicePathIsAddedOnce() {
        try (JitterbitApiLogSource s = valid().region(JitterbitRegion.NA).build()) {
            assertThat(s.serviceUrl()).isEqualTo(URI.create("https://na-east.jitterbit.com/jitterbit-cloud-restful-service/"));
            assertThat(s.vendor()).isEqualTo("jitterbit");
        }
        try (JitterbitApiLogSource s = valid().region("emea").build()) {
            assertThat(s.serviceUrl().getHost()).isEqualTo("emea-west.jitterbit.com");
        }
        try (JitterbitApiLogSource s = valid().baseUrl("https://apac-southeast.jitterbit.com/jitterbit-cloud-restful-service/").build()) {
            assertThat(s.serviceUrl()).isEqualTo(URI.create("https://apac-southeast.jitterbit.com/jitterbit-cloud-restful-service/"));
        }
        assertThat(JitterbitRegion.APAC.host()).isEqualTo(URI.create("https://apac.jitterbit.com"));
    }

    @Test
    void missingOrInvalidSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> valid().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> JitterbitApiLogSource.builder().region("NA").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> valid().region("mars")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NA, EMEA or APAC");
        assertThatThrownBy(() -> valid().baseUrl("http://harmony.example.com").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().baseUrl("https://h.example.com/?x=1").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> valid().orgId("12/../34")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orgId");
        assertThatThrownBy(() -> valid().clientTimeZone("Mars/Base")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().filter("apiname=a; bogus=b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bogus");
        assertThatThrownBy(() -> valid().windowSize(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowSize");
        assertThatThrownBy(() -> valid().parallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().lockWorkarounds(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().deviceId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().exportJob(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("exportJob");
    }

    @Test
    void plainHttpIsAllowedOnlyWhenAskedFor() {
        try (JitterbitApiLogSource s = valid().baseUrl("http://harmony.example.com").allowInsecureHttp(true).build()) {
            assertThat(s.serviceUrl().getScheme()).isEqualTo("http");
        }
    }

    @Test
    void theDefaultDeviceIdIsStable() {
        assertThat(JitterbitLogin.defaultDeviceId()).startsWith("audit-sdk-").hasSize(26)
                .isEqualTo(JitterbitLogin.defaultDeviceId());
    }

    @Test
    void toStringShowsNoSecret() {
        try (JitterbitApiLogSource s = valid().region("NA").orgId("123456").build()) {
            assertThat(s.toString()).doesNotContain("pw-").isEqualTo("JitterbitApiLogSource{serviceUrl="
                    + "https://na-east.jitterbit.com/jitterbit-cloud-restful-service/, orgId=123456, windowSize=PT24H, parallelism=8}");
        }
    }
}
