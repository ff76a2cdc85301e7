package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamTailTest {
    @Test
    void aFailingStreamWaitsItsIntervalThenTwiceAsLongEachTimeUpToTheCap() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(StreamTail.backoff(minute, 1)).isEqualTo(minute);
        assertThat(StreamTail.backoff(minute, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(StreamTail.backoff(minute, 4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(StreamTail.backoff(minute, 5)).isEqualTo(StreamTail.MAX_BACKOFF);
        assertThat(StreamTail.backoff(minute, 1000)).isEqualTo(StreamTail.MAX_BACKOFF);
    }

    @Test
    void anIntervalLongerThanTheCapIsNeverShortened() {
        Duration hour = Duration.ofHours(1);
        assertThat(StreamTail.backoff(hour, 1)).isEqualTo(hour);
        assertThat(StreamTail.backoff(hour, 3)).isEqualTo(hour);
    }
}
