package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-11T00:00:00Z");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TickingClock clock = new TickingClock();

    @Test
    void showsHowFarThroughTheRangeAnOldestFirstReadIs() {
        Progress p = progress(true).range(FROM, TO);
        p.update(1, FROM.plus(Duration.ofDays(1)));
        clock.advance(Duration.ofSeconds(1));
        p.update(1000, FROM.plus(Duration.ofDays(4)));

        String[] lines = lines();
        assertThat(lines[0]).startsWith("testlist: 1 entries").doesNotContain("% of the range");
        assertThat(lines[1]).contains("1,000 entries, 1,000/s, at 2026-01-05T00:00:00Z (40% of the range)");
    }

    @Test
    void aNewestFirstReadCountsFromTheEndOfTheRange() {
        Progress p = progress(true).range(FROM, TO);
        p.update(1, TO.minus(Duration.ofDays(1)));
        clock.advance(Duration.ofSeconds(1));
        p.update(50, TO.minus(Duration.ofDays(3)));

        assertThat(lines()[1]).contains("at 2026-01-08T00:00:00Z (30% of the range)");
    }

    @Test
    void withoutARangeTheLineHasNoPercentage() {
        Progress p = progress(true);
        p.update(1, FROM);
        clock.advance(Duration.ofSeconds(1));
        p.update(2, FROM.plusSeconds(5));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 entries").doesNotContain("%");
    }

    @Test
    void nothingIsDrawnWhenStderrIsNotATerminal() {
        Progress p = progress(false).range(FROM, TO);
        p.update(1, FROM);
        clock.advance(Duration.ofSeconds(1));
        p.update(2, FROM.plus(Duration.ofDays(5)));
        p.status("waiting");
        p.clear();

        assertThat(err.size()).isZero();
    }

    private Progress progress(boolean terminal) {
        return new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), terminal, "testlist", clock, new RequestStats());
    }

    /** The drawn lines: each ends in a carriage return, redrawn in place. */
    private String[] lines() {
        return err.toString(StandardCharsets.UTF_8).split("\r");
    }

    /** A clock the test moves. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
