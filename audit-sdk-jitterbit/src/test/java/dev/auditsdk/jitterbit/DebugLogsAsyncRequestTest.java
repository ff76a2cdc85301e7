package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DebugLogsAsyncRequestTest {

    @Test
    void rendersTheVendorSampleExactly() throws Exception {
        DebugLogsAsyncRequest r = DebugLogsAsyncRequest.builder()
                .orgId("123456")
                .timeRangeFrom(Instant.parse("2023-01-20T00:01:00Z"))
                .timeRangeTo(Instant.parse("2024-01-20T00:01:00Z"))
                .clientTimeZone(ZoneId.of("Europe/Berlin"))
                .queryString(JitterbitLogQuery.parse("responsetime>5; sourceip=14.141%"))
                .build();

        assertThat(r.toJson()).isEqualTo(Json.mapper().readTree("{\"ascendSort\": false, \"retrieveLogMessages\": false,"
                + "\"timeRangeFrom\": \"01/20/2023 01:01:00 +0100\", \"timeRangeTo\": \"01/20/2024 01:01:00 +0100\","
                + "\"clientTimeZone\": \"Europe/Berlin\", \"queryString\": \"responsetime>5;sourceip=14.141%\","
                + "\"orgId\": \"123456\", \"csvFormat\": true}"));
    }

    @Test
    void defaultsAreTheVendorsAndTheQueryIsOptional() {
        DebugLogsAsyncRequest r = DebugLogsAsyncRequest.builder().orgId("1")
                .timeRangeFrom(Instant.parse("2024-01-20T00:00:00Z")).timeRangeTo(Instant.parse("2024-01-21T00:00:00Z")).build();
        assertThat(r.toJson().get("clientTimeZone").asText()).isEqualTo("UTC");
        assertThat(r.toJson().has("queryString")).isFalse();
        assertThat(r.ascendSort()).isFalse();
        assertThat(r.csvFormat()).isTrue();
        assertThat(r.withTimeRangeTo(Instant.parse("2024-01-21T00:00:01Z")).toJson().get("timeRangeTo").asText())
                .isEqualTo("01/21/2024 00:00:01 +0000");
    }

    @Test
    void rejectsAnInvertedRange() {
        assertThatThrownBy(() -> DebugLogsAsyncRequest.builder().orgId("1")
                .timeRangeFrom(Instant.parse("2024-01-22T00:00:00Z")).timeRangeTo(Instant.parse("2024-01-21T00:00:00Z")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeRangeFrom");
    }
}
