package dev.auditsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Instant T = Instant.parse("2026-03-21T13:39:44.896Z");

    @Test
    void roundTrips() {
        Checkpoint c = Checkpoint.of(T.minusSeconds(60), T, Set.of("a", "b#2"), "batch-17");
        String s = c.serialize();
        assertThat(s).startsWith("ck1.").doesNotContain(" ").doesNotContain("\n");
        assertThat(Checkpoint.parse(s)).isEqualTo(c);
        Checkpoint start = Checkpoint.startingAt(T);
        assertThat(Checkpoint.parse(start.serialize())).isEqualTo(start);
        assertThat(Checkpoint.parse(start.serialize()).vendorCursor()).isEmpty();
    }

    @Test
    void anUnreadPartRoundTripsAndAdmitsOnlyItsUndeliveredEntries() {
        Checkpoint c = Checkpoint.of(T, T.plusSeconds(5), Set.of("new"), null,
                Checkpoint.Unread.of(T.minusSeconds(60), T.minusSeconds(30), Set.of("at-30")));
        assertThat(Checkpoint.parse(c.serialize())).isEqualTo(c);
        assertThat(c.earliest()).isEqualTo(T.minusSeconds(60));
        assertThat(c.admits(T.minusSeconds(60), "x")).isTrue();
        assertThat(c.admits(T.minusSeconds(30), "y")).isTrue();
        assertThat(c.admits(T.minusSeconds(30), "at-30")).isFalse();
        assertThat(c.admits(T.minusSeconds(29), "z")).as("between the unread part and the horizon: done").isFalse();
        assertThat(c.admits(T.minusSeconds(61), "w")).isFalse();
        assertThat(c.admits(T, "new")).isFalse();
        assertThat(c.admits(T, "other")).isTrue();
    }

    @Test
    void anUnreadPartMustEndBeforeTheHorizon() {
        assertThatThrownBy(() -> Checkpoint.of(T, T, Set.of(), null, Checkpoint.Unread.of(T.minusSeconds(5), T, Set.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end before the horizon");
        assertThatThrownBy(() -> Checkpoint.Unread.of(T, T.minusSeconds(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is before from");
    }

    @Test
    void admitsOnlyUndeliveredEntriesAtOrAfterTheHorizon() {
        Checkpoint c = Checkpoint.of(T, T, Set.of("a"), null);
        assertThat(c.admits(T, "a")).isFalse();
        assertThat(c.admits(T, "b")).isTrue();
        assertThat(c.admits(T.plusMillis(1), "c")).isTrue();
        assertThat(c.admits(T.minusMillis(1), "d")).isFalse();
    }

    @Test
    void aDeliveredIdIsOnlyKnownUpToTheWatermark() {
        Checkpoint c = Checkpoint.of(T.minusSeconds(5), T, Set.of("req-1"), null);
        assertThat(c.admits(T.minusSeconds(1), "req-1")).isFalse();
        assertThat(c.admits(T, "req-1")).isFalse();
        // a vendor that reuses an id later: the later entry is a different one
        assertThat(c.admits(T.plusMillis(1), "req-1")).isTrue();
    }

    @Test
    void rejectsGarbageWithAClearMessage() {
        assertThatThrownBy(() -> Checkpoint.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an audit-sdk checkpoint");
        assertThatThrownBy(() -> Checkpoint.parse("ck9.abc")).hasMessageContaining("unsupported checkpoint version");
        assertThatThrownBy(() -> Checkpoint.parse("ck1.!!!")).hasMessageContaining("corrupt checkpoint");
        assertThatThrownBy(() -> Checkpoint.of(T, T.minusSeconds(1), Set.of(), null)).hasMessageContaining("before horizon");
    }

    @Test
    void toStringHidesTheCursor() {
        assertThat(Checkpoint.of(T, T, Set.of(), "secret-cursor").toString()).doesNotContain("secret-cursor");
    }
}
