package dev.auditsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static Instant reference(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    @Test
    void readsOffsetsAndFractionsLikeTheIsoFormatter() {
        for (String text : new String[] {"2024-03-21T10:39:44.896-03:00", "2024-03-21T13:39:44.896Z",
            "2024-03-21T19:09:44.896+05:30", "2024-03-21T13:39:44Z", "2024-03-21T13:39:44.8Z",
            "2024-03-21T13:39:44.123456789+00:00", "2024-02-29T23:59:59.999-18:00", "1970-01-01T00:00:00Z",
            "2024-03-21T13:39Z", "2024-03-21T13:39:44.896+05:30:00", "2024-03-21T10:39:44.Z", "2024-03-21T10:39:44-03"}) {
            assertThat(Timestamps.parseOffsetDateTime(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void agreesWithTheIsoFormatterOnRandomTimestamps() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L),
                    random.nextInt(1_000_000_000), ZoneOffset.UTC);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
            String text = OffsetDateTime.of(t, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(Timestamps.parseOffsetDateTime(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void rejectsWhatTheIsoFormatterRejects() {
        for (String text : new String[] {"2024-03-21 10:39:44Z", "2024-03-21T10:39:44", "2024-02-30T10:00:00Z",
            "2024-13-01T10:00:00Z", "2024-03-21T24:00:00Z", "2024-03-21T10:39:44.1234567890Z",
            "2024-03-21T10:39:44+19:00", "", "yesterday"}) {
            assertThatThrownBy(() -> Timestamps.parseOffsetDateTime(text)).as(text)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
