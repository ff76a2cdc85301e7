package dev.auditsdk.core.spi.paging;

import static dev.auditsdk.core.spi.paging.TestEntry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.LateEntryPolicy;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.testing.RecordingAuditLogListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.EntryOrder;

/** The entries, watermark and failures a DeliveryTracker and its PagedAuditLogStream report to the listener. */
class DeliveryEventsTest {
    private static final AuditLogQuery RANGE = AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600)).build();

    private final RecordingAuditLogListener events = new RecordingAuditLogListener();

    private DeliveryTracker.Builder tracker(AuditLogQuery query) {
        return DeliveryOptions.of(Duration.ZERO, LateEntryPolicy.FAIL, Duration.ZERO).withListener(events).tracker(query);
    }

    private static String at(long seconds) {
        return T0.plusSeconds(seconds).toString();
    }

    private static List<TestEntry> readAll(PagedAuditLogStream<TestEntry> stream) {
        List<TestEntry> read = new ArrayList<>();
        stream.forEach(read::add);
        return read;
    }

    @Test
    void eachDeliveredEntryIsReportedTheWatermarkWhenItGrowsAndTheRangesEndWhenTheRangeIsRead() {
        List<TestEntry> log = List.of(TestEntry.at("a", 1), TestEntry.at("b", 2), TestEntry.at("c", 2), TestEntry.at("d", 3));

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(RANGE).build(), CloseableIterator.of(log))) {
            assertThat(readAll(stream)).hasSize(4);
        }

        assertThat(events.events()).containsExactly("entry " + at(1), "watermark " + at(1), "entry " + at(2),
                "watermark " + at(2), "entry " + at(2), "entry " + at(3), "watermark " + at(3), "watermark " + at(3600));
    }

    @Test
    void anEntryAtExactlyTheQuerysStartMovesTheWatermarkToo() {
        List<TestEntry> log = List.of(TestEntry.at("a", 0), TestEntry.at("b", 0));
        AuditLogQuery limited = AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600)).limit(2).build();

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(limited).build(), CloseableIterator.of(log))) {
            readAll(stream);
        }

        assertThat(events.events("watermark")).containsExactly("watermark " + at(0));
    }

    @Test
    void aResumedReadReportsItsFirstEntryEvenAtTheCheckpointsWatermark() {
        DeliveryTracker first = tracker(RANGE).build();
        first.markDelivered(T0.plusSeconds(5), "a");
        AuditLogQuery resumed = AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600)).resumeFrom(first.checkpoint()).build();
        List<TestEntry> log = List.of(TestEntry.at("a", 5), TestEntry.at("b", 5), TestEntry.at("c", 6));

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(resumed).build(), CloseableIterator.of(log))) {
            assertThat(readAll(stream)).extracting(TestEntry::id).containsExactly("b", "c");
        }

        assertThat(events.events("watermark")).containsExactly("watermark " + at(5), "watermark " + at(5),
                "watermark " + at(6), "watermark " + at(3600));
    }

    @Test
    void reReadEntriesAreNotReportedAgain() {
        List<TestEntry> log = List.of(TestEntry.at("a", 1), TestEntry.at("a", 1), TestEntry.at("b", 2));

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(RANGE).build(), CloseableIterator.of(log))) {
            readAll(stream);
        }

        assertThat(events.events("entry")).containsExactly("entry " + at(1), "entry " + at(2));
    }

    @Test
    void aReadCutByTheLimitKeepsTheNewestDeliveredEntryAsItsWatermark() {
        AuditLogQuery limited = AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600)).limit(2).build();
        List<TestEntry> log = List.of(TestEntry.at("a", 1), TestEntry.at("b", 2), TestEntry.at("c", 3));

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(limited).build(), CloseableIterator.of(log))) {
            assertThat(readAll(stream)).hasSize(2);
        }

        assertThat(events.events("watermark")).containsExactly("watermark " + at(1), "watermark " + at(2));
    }

    @Test
    void newestFirstReadsReportTheirNewestEntryThenTheRangesEnd() {
        List<TestEntry> log = List.of(TestEntry.at("c", 3), TestEntry.at("b", 2), TestEntry.at("a", 1));
        DeliveryTracker tracker = tracker(RANGE).order(EntryOrder.NEWEST_FIRST).build();

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker, CloseableIterator.of(log))) {
            readAll(stream);
        }

        assertThat(events.events("watermark")).containsExactly("watermark " + at(3), "watermark " + at(3600));
        assertThat(events.events("entry")).hasSize(3);
    }

    @Test
    void aFailedReadIsReportedOnceBeforeItReachesTheReader() {
        List<TestEntry> log = List.of(TestEntry.at("a", 1), TestEntry.at("b", 2));
        CloseableIterator<TestEntry> failing = FailingEntries.of(CloseableIterator.of(log), 1);

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(RANGE).build(), failing)) {
            assertThatThrownBy(() -> readAll(stream)).hasMessage("injected failure");
        }

        assertThat(events.events()).containsExactly("entry " + at(1), "watermark " + at(1), "failure IllegalStateException");
    }

    @Test
    void anEntryLaterThanTheLatenessAllowsIsAFailedRead() {
        List<TestEntry> log = List.of(TestEntry.at("b", 2), TestEntry.at("a", 1));

        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(RANGE).build(), CloseableIterator.of(log))) {
            assertThatThrownBy(() -> readAll(stream)).isInstanceOf(AuditDataException.class);
        }

        assertThat(events.events("failure")).containsExactly("failure AuditDataException");
    }

    @Test
    void aReadEndedByClosingTheStreamIsNoFailure() {
        AtomicReference<PagedAuditLogStream<TestEntry>> holder = new AtomicReference<>();
        CloseableIterator<TestEntry> closedUnderfoot = new AbstractCloseableIterator<>() {
            @Override
            protected TestEntry computeNext() {
                holder.get().close(); // another thread stopping the read, as a shutdown does
                throw new IllegalStateException("the transport is closed");
            }

            @Override
            protected void onClose() {
            }
        };
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(tracker(RANGE).build(), closedUnderfoot);
        holder.set(stream);

        assertThatThrownBy(() -> stream.iterator().hasNext()).hasMessage("the transport is closed");

        assertThat(events.events()).isEmpty();
    }

    @Test
    void aTrackerWithoutAListenerReportsNothingAndANullListenerIsRefused() {
        DeliveryTracker quiet = DeliveryTracker.forQuery(RANGE);
        quiet.markDelivered(T0.plusSeconds(1), "a");
        quiet.rangeComplete();

        assertThat(events.events()).isEmpty();
        assertThat(DeliveryOptions.of(Duration.ZERO, LateEntryPolicy.FAIL, Duration.ZERO).listener())
                .isSameAs(dev.auditsdk.core.AuditLogListener.NONE);
        assertThatThrownBy(() -> DeliveryTracker.builder(RANGE).listener(null)).hasMessage("listener");
        assertThatThrownBy(() -> DeliveryOptions.of(Duration.ZERO, LateEntryPolicy.FAIL, Duration.ZERO).withListener(null))
                .hasMessage("listener");
    }
}
