package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;

class ResumingEntriesTest {
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxAttempts(3)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();

    private final List<Integer> opened = new ArrayList<>();

    private static List<String> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "e" + i).collect(Collectors.toList());
    }

    /** Attempt {@code a} serves {@code data.apply(a)} and fails after {@code cuts[a - 1]} entries (none past the script). */
    private ResumingEntries<String> entries(RetryPolicy policy, IntFunction<List<String>> data, int... cuts) {
        return ResumingEntries.<String>builder(attempt -> {
            opened.add(attempt);
            int cut = attempt <= cuts.length ? cuts[attempt - 1] : -1;
            return new Body(data.apply(attempt), cut);
        }, id -> id).retryPolicy(policy).unit("test unit").open();
    }

    private static List<String> drain(ResumingEntries<String> entries) {
        List<String> out = new ArrayList<>();
        try (ResumingEntries<String> e = entries) {
            e.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void aBodyCutSeveralTimesAtDifferentPointsIsDeliveredWholeAndOnce() {
        List<String> all = ids(100);
        ResumingEntries<String> entries = entries(FAST, a -> all, 0, 1, 37, 37, 99);

        assertThat(drain(entries)).containsExactlyElementsOf(all);
        assertThat(entries.resumes()).isEqualTo(5);
        assertThat(opened).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void identicalEntriesNumberedByOccurrenceAreSkippedByPosition() {
        List<String> all = List.of("same#1", "same#2", "same#3", "other#1", "same#4");
        ResumingEntries<String> entries = entries(FAST, a -> all, 2, 4);

        assertThat(drain(entries)).containsExactlyElementsOf(all);
    }

    @Test
    void entriesAppendedBetweenTheReadsAreDeliveredAfterTheRest() {
        List<String> first = ids(10);
        List<String> grown = ids(14);
        ResumingEntries<String> entries = entries(FAST, a -> a == 1 ? first : grown, 6);

        assertThat(drain(entries)).containsExactlyElementsOf(grown);
    }

    @Test
    void moreFailuresInARowWithoutProgressThanThePolicyAllowsThrowTheLastFailure() {
        List<String> all = ids(20);
        ResumingEntries<String> entries = entries(FAST, a -> all, 5, 5, 3);
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> entries.forEachRemaining(seen::add))
                .isInstanceOf(AuditTransportException.class)
                .hasMessageContaining("cut after 3");
        assertThat(seen).containsExactlyElementsOf(all.subList(0, 5));
        assertThat(opened).containsExactly(1, 2, 3);
    }

    @Test
    void aReadThatDeliversNewEntriesStartsTheCountOver() {
        List<String> all = ids(50);
        // maxAttempts 2: every read fails, but each delivers something new before it does
        RetryPolicy two = FAST.toBuilder().maxAttempts(2).build();
        ResumingEntries<String> entries = entries(two, a -> all, 10, 20, 30, 40, 49);

        assertThat(drain(entries)).containsExactlyElementsOf(all);
        assertThat(entries.resumes()).isEqualTo(5);
    }

    @Test
    void aPolicyWithoutRetriesOrWithoutIoRetriesDoesNotResume() {
        List<String> all = ids(10);
        for (RetryPolicy policy : Arrays.asList(RetryPolicy.none(), FAST.toBuilder().retryOnIoErrors(false).build())) {
            opened.clear();
            ResumingEntries<String> entries = entries(policy, a -> all, 4);
            assertThatThrownBy(() -> drain(entries)).isInstanceOf(AuditTransportException.class);
            assertThat(opened).containsExactly(1);
        }
    }

    @Test
    void malformedDataIsNotResumed() {
        ResumingEntries<String> entries = ResumingEntries.<String>builder(attempt -> {
            opened.add(attempt);
            return new Body(ids(10), -1).map(id -> {
                if (id.equals("e4")) {
                    throw new AuditDataException("line 4 is not JSON");
                }
                return id;
            });
        }, id -> id).retryPolicy(FAST).unit("test unit").open();

        assertThatThrownBy(() -> drain(entries)).isInstanceOf(AuditDataException.class).hasMessageContaining("line 4");
        assertThat(opened).containsExactly(1);
    }

    @Test
    void aReReadThatChangedBeforeTheResumePointFailsWithTheOriginalFailure() {
        List<String> first = ids(10);
        List<String> inserted = new ArrayList<>(first);
        inserted.add(2, "late");
        ResumingEntries<String> entries = entries(FAST, a -> a == 1 ? first : inserted, 5);
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> entries.forEachRemaining(seen::add))
                .isInstanceOf(AuditTransportException.class)
                .hasMessageContaining("cut after 5")
                .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s)
                        .isInstanceOf(AuditDataException.class)
                        .hasMessageContaining("entry 5 of the new read is e4, not e5")));
        assertThat(seen).containsExactlyElementsOf(first.subList(0, 5));
    }

    @Test
    void aReReadThatEndsBeforeTheResumePointFailsWithTheOriginalFailure() {
        List<String> first = ids(10);
        ResumingEntries<String> entries = entries(FAST, a -> a == 1 ? first : first.subList(0, 3), 5);

        assertThatThrownBy(() -> drain(entries))
                .isInstanceOf(AuditTransportException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s)
                        .hasMessageContaining("ended after 3 entries")));
    }

    @Test
    void aFailureToReopenIsThrownWithTheReadFailureSuppressed() {
        ResumingEntries<String> entries = ResumingEntries.<String>builder(attempt -> {
            if (attempt > 1) {
                throw new AuditTransportException("connection refused (after retries)");
            }
            return new Body(ids(10), 3);
        }, id -> id).retryPolicy(FAST).unit("test unit").open();

        assertThatThrownBy(() -> drain(entries))
                .hasMessageContaining("connection refused")
                .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s).hasMessageContaining("cut after 3")));
    }

    @Test
    void closingReleasesTheOpenBody() {
        Body body = new Body(ids(10), -1);
        ResumingEntries<String> entries = ResumingEntries.<String>builder(a -> body, id -> id).open();
        entries.next();
        entries.close();

        assertThat(body.closed).isTrue();
        assertThat(entries.hasNext()).isFalse();
    }

    /** A body that fails with a transport error after {@code cut} entries ({@code -1}: never). */
    private static final class Body extends AbstractCloseableIterator<String> {
        private final List<String> data;
        private final int cut;
        private int at;
        boolean closed;

        Body(List<String> data, int cut) {
            this.data = data;
            this.cut = cut;
        }

        @Override
        protected String computeNext() {
            if (at == cut) {
                throw new AuditTransportException("reading the response of GET http://127.0.0.1/x failed: cut after " + cut);
            }
            return at < data.size() ? data.get(at++) : endOfData();
        }

        @Override
        protected void onClose() {
            closed = true;
        }
    }
}
