package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

    private static String written(Instant t) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            InstantText.write(g, t);
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T00:00:00Z", "2024-01-01T00:00:00.864Z", "2024-02-29T23:59:59.000001Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "0001-03-01T00:00:00.100Z",
        "9999-12-31T23:59:59.999999999Z", "1900-02-28T12:00:00Z", "2000-02-29T00:00:00.120Z", "2100-03-01T00:00:00Z",
        "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void spellsTheInstantAsItsToStringDoes(String text) throws IOException {
        Instant t = Instant.parse(text);
        assertThat(written(t)).isEqualTo('"' + t.toString() + '"').isEqualTo('"' + text + '"');
    }

    @Test
    void agreesWithToStringOverTheWholeRangeAndEveryFractionShape() throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        long min = Instant.parse("-0003-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10002-01-01T00:00:00Z").getEpochSecond();
        int[] scales = {0, 1_000_000, 1000, 1};
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(min, max);
            int scale = scales[random.nextInt(scales.length)];
            int nano = scale == 0 ? 0 : random.nextInt(1_000_000_000 / scale) * scale;
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertThat(written(t)).as("%s", t).isEqualTo('"' + t.toString() + '"');
        }
    }

    @Test
    void writesAValueInsideAnObject() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("a");
            InstantText.write(g, Instant.EPOCH);
            g.writeFieldName("b");
            InstantText.write(g, Instant.ofEpochMilli(1));
            g.writeEndObject();
        }
        assertThat(out.toString()).isEqualTo("{\"a\":\"1970-01-01T00:00:00Z\",\"b\":\"1970-01-01T00:00:00.001Z\"}");
    }
}
