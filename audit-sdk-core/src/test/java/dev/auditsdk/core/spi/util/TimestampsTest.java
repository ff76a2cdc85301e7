package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-01T10:15:30Z                 | 2026-03-01T10:15:30Z",
            "2026-03-01t10:15:30z                 | 2026-03-01T10:15:30Z",
            "2026-03-01T10:15Z                    | 2026-03-01T10:15:00Z",
            "2026-03-01T10:15:30.5Z               | 2026-03-01T10:15:30.500Z",
            "2026-03-01T10:15:30.123456789Z       | 2026-03-01T10:15:30.123456789Z",
            "2021-10-14T13:10:15.1964174+00:00    | 2021-10-14T13:10:15.196417400Z",
            "2026-03-01T12:15:30+02:00            | 2026-03-01T10:15:30Z",
            "2026-03-01T05:15:30-0500             | 2026-03-01T10:15:30Z",
            "2026-03-01T12:15:30+02               | 2026-03-01T10:15:30Z",
            "2026-03-01T10:15:30.                 | 2026-03-01T10:15:30Z",
            "2026-03-01 10:15:30.25               | 2026-03-01T10:15:30.250Z",
            "2026-03-01T10:15:30                  | 2026-03-01T10:15:30Z",
    })
    void readsIsoVariantsWithoutOffsetAsUtc(String text, String expected) {
        assertThat(Timestamps.parse("time", text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void ignoresSurroundingBlanks() {
        assertThat(Timestamps.parse("time", "  2026-03-01T10:15:30Z\n")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    }

    @Test
    void textWithoutOffsetIsWallClockTimeInTheGivenZone() {
        ZoneId eastern = ZoneId.of("America/New_York");
        assertThat(Timestamps.parse("entryTime", "2026-01-15T09:00:00", eastern)).isEqualTo(Instant.parse("2026-01-15T14:00:00Z"));
        assertThat(Timestamps.parse("entryTime", "2026-07-15T09:00:00", eastern)).isEqualTo(Instant.parse("2026-07-15T13:00:00Z"));
        // an explicit offset wins over the zone
        assertThat(Timestamps.parse("entryTime", "2026-01-15T09:00:00Z", eastern)).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        // the repeated hour of the autumn change: the earlier instant (EDT)
        assertThat(Timestamps.parse("entryTime", "2026-11-01T01:30:00", eastern)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-02-30T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:15:30.1234567890Z",
            "2026-03-01T10:15:30Z trailing", "2026-03-01", "1700000000000", "2026-03-01T10:15:30+25:00"})
    void rejectsWhatIsNotAnIsoDateTimeNamingFieldAndValue(String text) {
        assertThatThrownBy(() -> Timestamps.parse("createdOn", text))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("'createdOn'")
                .hasMessageContaining(text.length() > 20 ? text.substring(0, 20) : text);
    }

    @Test
    void rejectsMissingValues() {
        assertThatThrownBy(() -> Timestamps.parse("date", null)).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("'date' is missing");
        assertThatThrownBy(() -> Timestamps.parse("date", "  ")).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("'date' is missing");
    }

    @Test
    void shortensLongValuesAndMasksSecretsInTheMessage() {
        String longValue = "x".repeat(500);
        assertThatThrownBy(() -> Timestamps.parse("date", longValue))
                .isInstanceOf(AuditDataException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(150));
        assertThatThrownBy(() -> Timestamps.parse("date", "password=hunter2hunter2"))
                .isInstanceOf(AuditDataException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2hunter2"));
    }

    @Test
    void readsTheCommonShapeExactlyAsTheIsoFormatterOnRandomTimestamps() {
        // the common shape takes a fast path: it must agree with java.time on every value
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L),
                    random.nextInt(1_000_000_000), ZoneOffset.UTC);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
            String text = OffsetDateTime.of(t, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(Timestamps.parse("t", text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void namesItsArguments() {
        assertThatThrownBy(() -> Timestamps.parse(null, "2026-03-01T10:15:30Z")).isInstanceOf(NullPointerException.class)
                .hasMessage("field");
        assertThatThrownBy(() -> Timestamps.parse("f", "2026-03-01T10:15:30Z", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("zoneWithoutOffset");
    }

    @Test
    void ceilToSecondKeepsWholeSecondsAndRoundsTheRestUp() {
        assertThat(Timestamps.ceilToSecond(Instant.parse("2026-03-01T10:15:30Z"))).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(Timestamps.ceilToSecond(Instant.parse("2026-03-01T10:15:30.000000001Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:15:31Z"));
        assertThat(Timestamps.ceilToSecond(Instant.parse("2026-03-01T23:59:59.999Z"))).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }
}
