package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settle lag a source assumes: the module's documented default until the caller sets one. */
class SettleLagTest {
    @Test
    void theDocumentedDefaultUntilTheCallerSetsOne() {
        assertThat(JitterbitApiLogSource.DEFAULT_SETTLE_LAG).isEqualTo(Duration.ofMinutes(2));
        try (var source = JitterbitApiLogSource.builder().baseUrl("http://127.0.0.1:9").credentials("alice@jbexample.com", "pw-S3CR3T").build()) {
            assertThat(source.settleLag()).isEqualTo(JitterbitApiLogSource.DEFAULT_SETTLE_LAG);
        }
        try (var source = JitterbitApiLogSource.builder().baseUrl("http://127.0.0.1:9").credentials("alice@jbexample.com", "pw-S3CR3T").settleLag(Duration.ofSeconds(5)).build()) {
            assertThat(source.settleLag()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
