package dev.auditsdk.core.spi.paging;

import static dev.auditsdk.core.spi.paging.TestEntry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.EntryOrder;

class DeliveryTrackerTest {
    private static final Instant TO = T0.plusSeconds(3600);

    private static AuditLogQuery range() {
        return AuditLogQuery.builder().from(T0).to(TO).build();
    }

    private static AuditLogQuery resume(Checkpoint checkpoint) {
        // the checkpoint goes through its text form, as it would between runs
        return AuditLogQuery.builder().resumeFrom(Checkpoint.parse(checkpoint.serialize())).to(TO).build();
    }

    private static List<String> offerAll(DeliveryTracker tracker, List<TestEntry> entries) {
        List<String> delivered = new ArrayList<>();
        for (TestEntry e : entries) {
            if (tracker.offer(e.timestamp(), e.id())) {
                delivered.add(e.id());
            }
        }
        return delivered;
    }

    private static final List<TestEntry> LOG = List.of(TestEntry.at("a", 1), TestEntry.at("b", 2),
            TestEntry.at("c", 2), TestEntry.at("d", 2), TestEntry.at("e", 3));

    @Test
    void sameMillisecondEntriesSplitAcrossAResumeAreDeliveredExactlyOnce() {
        DeliveryTracker first = DeliveryTracker.forQuery(range());
        assertThat(offerAll(first, LOG.subList(0, 3))).containsExactly("a", "b", "c"); // stops inside second 2
        Checkpoint checkpoint = first.checkpoint();
        assertThat(checkpoint.watermark()).isEqualTo(T0.plusSeconds(2));
        assertThat(checkpoint.deliveredIds()).containsExactlyInAnyOrder("b", "c");

        // the next run re-reads from the checkpoint's horizon, and a little before it
        DeliveryTracker second = DeliveryTracker.forQuery(resume(checkpoint));
        assertThat(offerAll(second, LOG)).containsExactly("d", "e");
        assertThat(second.checkpoint().watermark()).isEqualTo(T0.plusSeconds(3));
        assertThat(second.checkpoint().deliveredIds()).containsExactly("e");
    }

    @Test
    void aResumedRunThatFindsNothingNewKeepsTheCheckpoint() {
        DeliveryTracker first = DeliveryTracker.forQuery(range());
        offerAll(first, LOG.subList(0, 3));
        Checkpoint checkpoint = first.checkpoint();

        DeliveryTracker second = DeliveryTracker.forQuery(resume(checkpoint));
        assertThat(offerAll(second, LOG.subList(0, 3))).isEmpty();
        assertThat(second.checkpoint()).isEqualTo(checkpoint);

        assertThat(offerAll(second, List.of(TestEntry.at("d", 2)))).containsExactly("d");
        assertThat(second.checkpoint().deliveredIds()).containsExactlyInAnyOrder("b", "c", "d");
    }

    @Test
    void skipsReReadsAndEntriesOutsideTheRange() {
        DeliveryTracker tracker = DeliveryTracker.forQuery(AuditLogQuery.builder().from(T0.plusSeconds(2))
                .to(T0.plusSeconds(3)).build());
        List<TestEntry> overlapping = new ArrayList<>(LOG);
        overlapping.addAll(LOG.subList(1, 4)); // an overlapping page reads second 2 again
        assertThat(offerAll(tracker, overlapping)).containsExactly("b", "c", "d");
    }

    @Test
    void remembersOnlyTheIdsAtTheWatermarkWhenEntriesAscend() {
        DeliveryTracker tracker = DeliveryTracker.forQuery(range());
        for (int i = 0; i < 10_000; i++) {
            assertThat(tracker.offer(T0.plusMillis(i / 2), "id" + i)).isTrue();
        }
        assertThat(tracker.checkpoint().deliveredIds()).containsExactlyInAnyOrder("id9998", "id9999");
        assertThat(tracker.delivered()).isEqualTo(10_000);
    }

    @Test
    void aLatenessWindowAcceptsLateEntriesAndKeepsThemInTheCheckpoint() {
        DeliveryTracker tracker = DeliveryTracker.builder(range()).lateness(Duration.ofSeconds(10)).build();
        assertThat(offerAll(tracker, List.of(TestEntry.at("a", 100), TestEntry.at("b", 120),
                TestEntry.at("late", 115), TestEntry.at("a", 100))))
                .containsExactly("a", "b", "late");
        Checkpoint checkpoint = tracker.checkpoint();
        assertThat(checkpoint.horizon()).isEqualTo(T0.plusSeconds(110));
        assertThat(checkpoint.deliveredIds()).containsExactlyInAnyOrder("b", "late");

        DeliveryTracker next = DeliveryTracker.builder(resume(checkpoint)).lateness(Duration.ofSeconds(10)).build();
        assertThat(offerAll(next, List.of(TestEntry.at("late", 115), TestEntry.at("later", 118),
                TestEntry.at("b", 120)))).containsExactly("later");
    }

    @Test
    void withinTheLatenessWindowReReadsAreSkippedWhereverTheirTimeFalls() {
        DeliveryTracker tracker = DeliveryTracker.builder(range()).lateness(Duration.ofSeconds(10)).build();
        assertThat(offerAll(tracker, List.of(TestEntry.at("a", 100), TestEntry.at("b", 105), TestEntry.at("c", 105),
                TestEntry.at("d", 103), TestEntry.at("e", 103), TestEntry.at("f", 108), TestEntry.at("b", 105),
                TestEntry.at("d", 103), TestEntry.at("f", 108), TestEntry.at("g", 108), TestEntry.at("a", 100),
                TestEntry.at("h", 112), TestEntry.at("a", 100), TestEntry.at("d", 103))))
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        Checkpoint checkpoint = tracker.checkpoint();
        assertThat(checkpoint.horizon()).isEqualTo(T0.plusSeconds(102));
        assertThat(checkpoint.watermark()).isEqualTo(T0.plusSeconds(112));
        assertThat(checkpoint.deliveredIds()).containsExactlyInAnyOrder("b", "c", "d", "e", "f", "g", "h");
    }

    @Test
    void anEntryLaterThanTheLatenessFailsNamingItByDefault() {
        DeliveryTracker tracker = DeliveryTracker.builder(range()).lateness(Duration.ofSeconds(10)).build();
        offerAll(tracker, List.of(TestEntry.at("a", 100), TestEntry.at("b", 120)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tracker.offer(T0.plusSeconds(105), "too-late"))
                .isInstanceOf(dev.auditsdk.core.error.AuditDataException.class)
                .hasMessageContaining("entry too-late at 2026-01-01T00:01:45Z arrived after 2 entries up to 2026-01-01T00:02:00Z")
                .hasMessageContaining("PT15S behind, more than the lateness PT10S");
    }

    @Test
    void reReadsOfEntriesThatLeftTheWindowAreSkippedNotMistakenForLateOnes() {
        DeliveryTracker tracker = DeliveryTracker.forQuery(range());
        assertThat(offerAll(tracker, List.of(TestEntry.at("a", 1), TestEntry.at("b", 2), TestEntry.at("c", 3),
                TestEntry.at("a", 1), TestEntry.at("b", 2), TestEntry.at("d", 4)))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void withTheDeliverPolicyALateEntryIsDeliveredOnceAndTheCheckpointDoesNotMoveBack() {
        DeliveryTracker tracker = DeliveryTracker.builder(range()).lateness(Duration.ofSeconds(10))
                .lateEntries(dev.auditsdk.core.LateEntryPolicy.DELIVER).build();
        assertThat(offerAll(tracker, List.of(TestEntry.at("a", 100), TestEntry.at("b", 120), TestEntry.at("too-late", 105),
                TestEntry.at("too-late", 105), TestEntry.at("c", 121)))).containsExactly("a", "b", "too-late", "c");
        assertThat(tracker.checkpoint().horizon()).isEqualTo(T0.plusSeconds(111));
        assertThat(tracker.checkpoint().deliveredIds()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void beforeAnyDeliveryTheCheckpointIsTheQueryStartOrItsResumePoint() {
        assertThat(DeliveryTracker.forQuery(range()).checkpoint()).isEqualTo(Checkpoint.startingAt(T0));
        Checkpoint stored = Checkpoint.of(T0, T0.plusSeconds(5), java.util.Set.of("x"), "cursor-1");
        assertThat(DeliveryTracker.forQuery(resume(stored)).checkpoint()).isEqualTo(stored);
    }

    @Test
    void carriesTheVendorCursor() {
        DeliveryTracker tracker = DeliveryTracker.forQuery(range());
        tracker.offer(T0.plusSeconds(1), "a");
        tracker.vendorCursor("batch-7");
        assertThat(tracker.checkpoint().vendorCursor()).contains("batch-7");
    }

    private static final List<TestEntry> NEWEST_FIRST_LOG = List.of(TestEntry.at("f", 6), TestEntry.at("e", 5),
            TestEntry.at("d", 5), TestEntry.at("c", 3), TestEntry.at("b", 2), TestEntry.at("a", 1));

    private static DeliveryTracker newestFirst(AuditLogQuery query) {
        return DeliveryTracker.builder(query).order(EntryOrder.NEWEST_FIRST).build();
    }

    @Test
    void newestFirstMovesTheCheckpointToTheNewestEntryOnceTheRangeIsComplete() {
        DeliveryTracker tracker = newestFirst(range());
        List<TestEntry> withReReads = new ArrayList<>(NEWEST_FIRST_LOG);
        withReReads.add(3, TestEntry.at("d", 5)); // an overlapping page repeats d
        assertThat(offerAll(tracker, withReReads)).containsExactly("f", "e", "d", "c", "b", "a");
        tracker.rangeComplete();
        Checkpoint checkpoint = tracker.checkpoint();
        assertThat(checkpoint.watermark()).isEqualTo(T0.plusSeconds(6));
        assertThat(checkpoint.deliveredIds()).containsExactly("f");

        List<TestEntry> grown = new ArrayList<>(NEWEST_FIRST_LOG);
        grown.add(0, TestEntry.at("g", 7));
        grown.add(1, TestEntry.at("f2", 6));
        DeliveryTracker next = newestFirst(resume(checkpoint));
        assertThat(offerAll(next, grown)).containsExactly("g", "f2");
    }

    @Test
    void newestFirstInterruptedRunLeavesTheOlderPartUnreadAndResumesWithExactlyTheRest() {
        DeliveryTracker first = newestFirst(range());
        assertThat(first.windows()).containsExactly(TimeWindow.of(T0, TO));
        assertThat(offerAll(first, NEWEST_FIRST_LOG.subList(0, 2))).containsExactly("f", "e"); // e.g. a limit of 2
        Checkpoint checkpoint = first.checkpoint();
        assertThat(checkpoint.horizon()).isEqualTo(T0.plusSeconds(6));
        assertThat(checkpoint.deliveredIds()).containsExactly("f");
        assertThat(checkpoint.unread()).contains(Checkpoint.Unread.of(T0, T0.plusSeconds(5), java.util.Set.of("e")));

        DeliveryTracker second = newestFirst(resume(checkpoint));
        assertThat(second.windows()).containsExactly(TimeWindow.of(T0, T0.plusSeconds(5).plusNanos(1)),
                TimeWindow.of(T0.plusSeconds(6), TO));
        // the unread part, newest first: e is known, d shares its second
        assertThat(offerAll(second, NEWEST_FIRST_LOG.subList(1, 4))).containsExactly("d", "c");
        assertThat(second.checkpoint().unread()).contains(Checkpoint.Unread.of(T0, T0.plusSeconds(3), java.util.Set.of("c")));
        assertThat(offerAll(second, NEWEST_FIRST_LOG.subList(4, 6))).containsExactly("b", "a");
        second.windowRead();
        assertThat(second.checkpoint().unread()).isEmpty();
        assertThat(offerAll(second, List.of(TestEntry.at("g", 7), TestEntry.at("f", 6)))).containsExactly("g");
        second.rangeComplete();
        assertThat(second.checkpoint()).isEqualTo(Checkpoint.of(T0.plusSeconds(7), T0.plusSeconds(7), java.util.Set.of("g"), null));
    }

    @Test
    void newestFirstSkipsEntriesOutsideTheWindowBeingRead() {
        Checkpoint withUnread = Checkpoint.of(T0.plusSeconds(6), T0.plusSeconds(6), java.util.Set.of("f"), null,
                Checkpoint.Unread.of(T0, T0.plusSeconds(3), java.util.Set.of()));
        DeliveryTracker tracker = newestFirst(resume(withUnread));
        // a vendor answering a little more than the window asked for: g belongs to the next window
        assertThat(offerAll(tracker, List.of(TestEntry.at("g", 7), TestEntry.at("c", 3)))).containsExactly("c");
        tracker.windowRead();
        assertThat(offerAll(tracker, List.of(TestEntry.at("g", 7), TestEntry.at("c", 3)))).containsExactly("g");
    }

    @Test
    void newestFirstCheckpointStaysSmallHoweverFarARunGetsBeforeItStops() {
        DeliveryTracker tracker = newestFirst(range());
        for (int i = 0; i < 100_000; i++) {
            assertThat(tracker.offer(TO.minusMillis(1 + i / 3), "id" + i)).isTrue();
        }
        Checkpoint checkpoint = tracker.checkpoint();
        assertThat(checkpoint.deliveredIds()).hasSize(3);
        assertThat(checkpoint.unread().orElseThrow().deliveredIds()).containsExactlyInAnyOrder("id99999");
        assertThat(checkpoint.serialize().length()).isLessThan(400);
    }

    @Test
    void newestFirstResumingWithAnEndBeforeTheUnreadPartIsRefused() {
        Checkpoint withUnread = Checkpoint.of(T0.plusSeconds(6), T0.plusSeconds(6), java.util.Set.of("f"), null,
                Checkpoint.Unread.of(T0, T0.plusSeconds(3), java.util.Set.of()));
        AuditLogQuery early = AuditLogQuery.builder().resumeFrom(withUnread).to(T0.plusSeconds(2)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> newestFirst(early))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resume with a later 'to'");
    }

    @Test
    void unorderedSkipsReReadsAndResumesAnInterruptedRunExactly() {
        List<TestEntry> shuffled = List.of(TestEntry.at("c", 3), TestEntry.at("a", 1), TestEntry.at("f", 6),
                TestEntry.at("b", 2), TestEntry.at("e", 5), TestEntry.at("d", 5));
        DeliveryTracker first = DeliveryTracker.builder(range()).order(EntryOrder.UNORDERED).build();
        List<TestEntry> readTwice = new ArrayList<>(shuffled.subList(0, 3));
        readTwice.add(TestEntry.at("a", 1));
        assertThat(offerAll(first, readTwice)).containsExactly("c", "a", "f");
        Checkpoint checkpoint = first.checkpoint();
        assertThat(checkpoint.horizon()).isEqualTo(T0);

        DeliveryTracker second = DeliveryTracker.builder(resume(checkpoint)).order(EntryOrder.UNORDERED).build();
        assertThat(offerAll(second, shuffled)).containsExactly("b", "e", "d");
        second.rangeComplete();
        assertThat(second.checkpoint().watermark()).isEqualTo(T0.plusSeconds(6));
        assertThat(second.checkpoint().deliveredIds()).containsExactly("f");
    }

    @Test
    void isNewDecidesWithoutRecording() {
        DeliveryTracker tracker = DeliveryTracker.forQuery(range());
        assertThat(tracker.isNew(T0.plusSeconds(1), "a")).isTrue();
        assertThat(tracker.isNew(T0.plusSeconds(1), "a")).isTrue();
        tracker.markDelivered(T0.plusSeconds(1), "a");
        assertThat(tracker.isNew(T0.plusSeconds(1), "a")).isFalse();
    }
}
