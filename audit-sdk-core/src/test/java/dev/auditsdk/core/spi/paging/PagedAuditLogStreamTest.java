package dev.auditsdk.core.spi.paging;

import static dev.auditsdk.core.spi.paging.TestEntry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.Checkpoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.EntryOrder;

class PagedAuditLogStreamTest {
    private static final List<TestEntry> LOG = List.of(TestEntry.at("a", 1), TestEntry.at("b", 2),
            TestEntry.at("c", 2), TestEntry.at("d", 2), TestEntry.at("e", 3), TestEntry.at("f", 4));

    private final AtomicInteger pageCalls = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    private static dev.auditsdk.core.ImmutableAuditLogQuery.Builder range() {
        return AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600));
    }

    /** LOG in pages of two by continuation token; counts calls and closes. */
    private CloseableIterator<TestEntry> pages() {
        TokenPager<TestEntry> pager = TokenPager.<TestEntry>builder(token -> {
            pageCalls.incrementAndGet();
            int from = token.map(Integer::parseInt).orElse(0);
            int to = Math.min(LOG.size(), from + 2);
            return Page.of(LOG.subList(from, to), to < LOG.size() ? String.valueOf(to) : null);
        }).build();
        return new CloseableIterator<TestEntry>() {
            @Override
            public boolean hasNext() {
                return pager.hasNext();
            }

            @Override
            public TestEntry next() {
                return pager.next();
            }

            @Override
            public void close() {
                closes.incrementAndGet();
                pager.close();
            }
        };
    }

    @Test
    void isLazyAndDeliversEverythingOnce() {
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(range().build(), pages());
        assertThat(pageCalls).hasValue(0);
        List<String> ids = new ArrayList<>();
        stream.forEach(e -> ids.add(e.id()));
        assertThat(ids).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(stream.checkpoint().watermark()).isEqualTo(T0.plusSeconds(4));
        assertThat(closes).as("released once reading ended").hasValue(1);
    }

    @Test
    void theCheckpointAdvancesWhenNextReturnsNotWhenHasNextLooksAhead() {
        try (PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(range().build(), pages())) {
            Iterator<TestEntry> it = stream.iterator();
            it.next(); // a
            it.next(); // b
            assertThat(it.hasNext()).isTrue(); // c is looked at, not handed out
            Checkpoint checkpoint = stream.checkpoint();
            assertThat(checkpoint.watermark()).isEqualTo(T0.plusSeconds(2));
            assertThat(checkpoint.deliveredIds()).containsExactly("b");
            it.next();
            assertThat(stream.checkpoint().deliveredIds()).containsExactlyInAnyOrder("b", "c");
        }
    }

    @Test
    void aLimitCutsTheStreamAndAResumeDeliversExactlyTheRest() {
        Checkpoint checkpoint;
        try (PagedAuditLogStream<TestEntry> first = PagedAuditLogStream.of(range().limit(3).build(), pages())) {
            assertThat(first.stream().map(TestEntry::id)).containsExactly("a", "b", "c");
            checkpoint = first.checkpoint();
        }
        assertThat(pageCalls).as("the limit stops paging").hasValue(2);

        AuditLogQuery resumed = AuditLogQuery.builder().resumeFrom(Checkpoint.parse(checkpoint.serialize()))
                .to(T0.plusSeconds(3600)).build();
        try (PagedAuditLogStream<TestEntry> second = PagedAuditLogStream.of(resumed, pages())) {
            assertThat(second.stream().map(TestEntry::id)).containsExactly("d", "e", "f");
        }
    }

    @Test
    void canBeIteratedOnlyOnce() {
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(range().build(), pages());
        stream.iterator();
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        assertThatThrownBy(stream::stream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheJavaStreamClosesTheAuditLogStreamAndCloseIsIdempotent() {
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(range().build(), pages());
        try (Stream<TestEntry> s = stream.stream()) {
            assertThat(s.findFirst().map(TestEntry::id)).contains("a");
        }
        assertThat(closes).hasValue(1);
        stream.close();
        stream.close();
        assertThat(closes).hasValue(1);
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closingDuringIterationEndsItWithoutMarkingTheRangeComplete() {
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(DeliveryTracker.builder(range().build())
                .order(EntryOrder.NEWEST_FIRST).build(), CloseableIterator.of(List.of(TestEntry.at("z", 9),
                TestEntry.at("y", 8))));
        Iterator<TestEntry> it = stream.iterator();
        it.next();
        stream.close();
        assertThat(it.hasNext()).isFalse();
        // incomplete newest-first run: everything older than z is still to read
        assertThat(stream.checkpoint().watermark()).isEqualTo(T0.plusSeconds(9));
        assertThat(stream.checkpoint().unread()).contains(Checkpoint.Unread.of(T0, T0.plusSeconds(9).minusNanos(1), Set.of()));
    }

    @Test
    void aNewestFirstSourceThatIsReadToTheEndAdvancesToItsNewestEntry() {
        List<TestEntry> newestFirst = new ArrayList<>(LOG);
        java.util.Collections.reverse(newestFirst);
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(DeliveryTracker.builder(range().build())
                .order(EntryOrder.NEWEST_FIRST).build(), CloseableIterator.of(newestFirst));
        assertThat(stream.stream().map(TestEntry::id).collect(Collectors.joining())).isEqualTo("fedcba");
        assertThat(stream.checkpoint().watermark()).isEqualTo(T0.plusSeconds(4));
        assertThat(stream.checkpoint().deliveredIds()).containsExactly("f");
    }

    @Test
    void beforeTheFirstEntryTheCheckpointIsTheQueryStart() {
        PagedAuditLogStream<TestEntry> stream = PagedAuditLogStream.of(range().build(), CloseableIterator.empty());
        assertThat(stream.checkpoint()).isEqualTo(Checkpoint.startingAt(T0));
        assertThat(stream.iterator().hasNext()).isFalse();
        assertThat(Optional.of(stream.checkpoint())).contains(Checkpoint.startingAt(T0));
    }
}
