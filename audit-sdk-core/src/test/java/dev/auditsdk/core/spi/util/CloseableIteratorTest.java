package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CloseableIteratorTest {

    @Test
    void lazilyOpensOnFirstUseAndNeverWhenClosedUnread() {
        AtomicInteger opened = new AtomicInteger();
        CloseableIterator<String> lazy = CloseableIterator.lazily(() -> {
            opened.incrementAndGet();
            return CloseableIterator.of(List.of("x"));
        });
        assertThat(opened).hasValue(0);
        assertThat(lazy.next()).isEqualTo("x");
        assertThat(opened).hasValue(1);

        CloseableIterator<String> unused = CloseableIterator.lazily(() -> {
            opened.incrementAndGet();
            return CloseableIterator.empty();
        });
        unused.close();
        assertThat(unused.hasNext()).isFalse();
        assertThat(opened).hasValue(1);
    }

    @Test
    void mapAppliesLazilyAndClosesTheSource() {
        AtomicInteger closed = new AtomicInteger();
        CloseableIterator<Integer> source = new AbstractCloseableIterator<Integer>() {
            private int n;

            @Override
            protected Integer computeNext() {
                return n < 3 ? n++ : endOfData();
            }

            @Override
            protected void onClose() {
                closed.incrementAndGet();
            }
        };
        CloseableIterator<String> mapped = source.map(i -> "#" + i);
        assertThat(mapped.next()).isEqualTo("#0");
        mapped.close();
        mapped.close();
        assertThat(closed).hasValue(1);
        assertThat(mapped.hasNext()).isFalse();
    }

    @Test
    void anIteratorThatFailedCannotContinuePastTheFailure() {
        AtomicInteger calls = new AtomicInteger();
        CloseableIterator<String> failing = new AbstractCloseableIterator<String>() {
            @Override
            protected String computeNext() {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalArgumentException("bad page");
                }
                return "ok";
            }
        };
        assertThat(failing.next()).isEqualTo("ok");
        assertThatThrownBy(failing::next).hasMessage("bad page");
        assertThatThrownBy(failing::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThat(calls).hasValue(2);
    }

    @Test
    void nextAtTheEndThrowsNoSuchElement() {
        CloseableIterator<String> empty = CloseableIterator.empty();
        assertThatThrownBy(empty::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void filterKeepsTheMatchingElementsLazilyAndClosesTheSource() {
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        CloseableIterator<Integer> source = new CloseableIterator<Integer>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= 6;
            }

            @Override
            public Integer next() {
                read.incrementAndGet();
                return next++;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        CloseableIterator<Integer> even = source.filter(i -> i % 2 == 0);
        assertThat(read.get()).isZero();
        assertThat(even.next()).isEqualTo(2);
        assertThat(read.get()).isEqualTo(2);
        assertThat(even.next()).isEqualTo(4);
        assertThat(even.next()).isEqualTo(6);
        assertThat(even.hasNext()).isFalse();
        even.close();
        assertThat(closed.get()).isEqualTo(1);
    }
}
