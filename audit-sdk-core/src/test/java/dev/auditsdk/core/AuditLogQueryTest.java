package dev.auditsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditLogQueryTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void rangeIsFromInclusiveToExclusive() {
        AuditLogQuery q = AuditLogQuery.builder().from(FROM).to(TO).build();
        assertThat(q.admits(FROM, "x")).isTrue();
        assertThat(q.admits(TO.minusMillis(1), "x")).isTrue();
        assertThat(q.admits(TO, "x")).isFalse();
        assertThat(q.admits(FROM.minusMillis(1), "x")).isFalse();
        assertThat(q.start()).isEqualTo(FROM);
    }

    @Test
    void toDefaultsToNow() {
        Instant before = Instant.now();
        AuditLogQuery q = AuditLogQuery.builder().from(FROM).build();
        assertThat(q.to()).isBetween(before, Instant.now());
    }

    @Test
    void aLagEndsADefaultRangeThatMuchBeforeNowAndIsIgnoredWithAnExplicitEnd() {
        Instant before = Instant.now();
        AuditLogQuery q = AuditLogQuery.builder().from(FROM).lag(java.time.Duration.ofMinutes(2)).build();
        assertThat(q.to()).isBetween(before.minusSeconds(120), Instant.now().minusSeconds(120));
        assertThat(AuditLogQuery.builder().from(FROM).to(TO).lag(java.time.Duration.ofMinutes(2)).build().to()).isEqualTo(TO);
        assertThatThrownBy(() -> AuditLogQuery.builder().from(FROM).lag(java.time.Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lag' must not be negative");
    }

    @Test
    void resumeSkipsDeliveredEntriesAtTheWatermark() {
        Instant w = FROM.plusSeconds(100);
        AuditLogQuery q = AuditLogQuery.builder().from(FROM).to(TO)
                .resumeFrom(Checkpoint.of(w, w, Set.of("seen"), null)).build();
        assertThat(q.start()).isEqualTo(w);
        assertThat(q.admits(w, "seen")).isFalse();
        assertThat(q.admits(w, "other")).isTrue();
        assertThat(q.admits(w.minusMillis(1), "older")).isFalse();
        AuditLogQuery resumeOnly = AuditLogQuery.builder().resumeFrom(Checkpoint.startingAt(w)).to(TO).build();
        assertThat(resumeOnly.start()).isEqualTo(w);
    }

    @Test
    void invalidCombinationsNameTheField() {
        assertThatThrownBy(() -> AuditLogQuery.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'from'");
        assertThatThrownBy(() -> AuditLogQuery.builder().from(TO).to(FROM).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'from'").hasMessageContaining("'to'");
        assertThatThrownBy(() -> AuditLogQuery.builder().from(FROM).to(TO).pageSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'pageSize'");
        assertThatThrownBy(() -> AuditLogQuery.builder().from(FROM).to(TO).limit(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'limit'");
    }
}
