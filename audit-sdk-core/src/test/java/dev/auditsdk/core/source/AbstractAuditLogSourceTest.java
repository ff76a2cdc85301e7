package dev.auditsdk.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every source inherits: close once, no fetch after close, a toString of its settings. */
class AbstractAuditLogSourceTest {
    private static final AuditLogQuery QUERY = AuditLogQuery.builder().from(Instant.parse("2026-01-01T00:00:00Z"))
            .to(Instant.parse("2026-01-02T00:00:00Z")).build();

    /** A source whose read hands out no entries and counts its calls. */
    static final class CountingSource extends AbstractAuditLogSource<AuditLogEntry> {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger releases = new AtomicInteger();

        @Override
        public String vendor() {
            return "demo";
        }

        @Override
        protected AuditLogStream<AuditLogEntry> read(AuditLogQuery query) {
            reads.incrementAndGet();
            return new AuditLogStream<>() {
                @Override
                public java.util.Iterator<AuditLogEntry> iterator() {
                    return java.util.Collections.emptyIterator();
                }

                @Override
                public java.util.stream.Stream<AuditLogEntry> stream() {
                    return java.util.stream.Stream.empty();
                }

                @Override
                public Checkpoint checkpoint() {
                    return Checkpoint.startingAt(query.start());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        protected void release() {
            releases.incrementAndGet();
        }

        @Override
        protected String settings() {
            return "baseUrl=https://demo.example, windowSize=PT24H";
        }
    }

    @Test
    void fetchReadsWhileOpenAndIsRefusedOnceClosed() {
        CountingSource source = new CountingSource();
        try (AuditLogStream<AuditLogEntry> entries = source.fetch(QUERY)) {
            assertThat(entries.iterator().hasNext()).isFalse();
        }
        source.close();

        assertThatThrownBy(() -> source.fetch(QUERY)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this CountingSource is closed");
        assertThat(source.reads).hasValue(1);
    }

    @Test
    void aNullQueryIsRefusedNamingIt() {
        assertThatThrownBy(() -> new CountingSource().fetch(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("query");
    }

    @Test
    void closeReleasesOnceHoweverOftenAndFromHoweverManyThreads() throws InterruptedException {
        CountingSource source = new CountingSource();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                source.close();
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        source.close();

        assertThat(source.releases).hasValue(1);
        assertThat(source.isClosed()).isTrue();
    }

    @Test
    void toStringIsTheClassAndItsSettings() {
        assertThat(new CountingSource()).hasToString("CountingSource{baseUrl=https://demo.example, windowSize=PT24H}");
    }
}
