package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JitterbitRequestTimeTest {

    @Test
    void formatsTheRequestsForm() {
        assertThat(JitterbitRequestTime.format(Instant.parse("2023-01-20T00:01:00.999Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("01/20/2023 01:01:00 +0100");
        assertThat(JitterbitRequestTime.format(Instant.parse("2023-07-20T00:01:00Z"), ZoneId.of("UTC")))
                .isEqualTo("07/20/2023 00:01:00 +0000");
    }

    @Test
    void readsWhatItWrites() {
        assertThat(OffsetDateTime.parse("01/20/2023 01:01:00 +0100", JitterbitRequestTime.REQUEST_FORMAT).toInstant())
                .isEqualTo(Instant.parse("2023-01-20T00:01:00Z"));
    }
}
