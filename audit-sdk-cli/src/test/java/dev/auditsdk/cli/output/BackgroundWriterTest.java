package dev.auditsdk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.cli.testing.ListEntry;
import dev.auditsdk.core.AuditLogEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BackgroundWriterTest {

    /** Records what it is asked to do, and on which thread; can fail at one entry or wait at the first. */
    private static final class Recording implements EntryWriter {
        final List<String> written = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger flushes = new AtomicInteger();
        final int failAt;
        final CountDownLatch gate;
        boolean begun;

        Recording(int failAt, CountDownLatch gate) {
            this.failAt = failAt;
            this.gate = gate;
        }

        @Override
        public void begin(boolean continuing) {
            begun = true;
        }

        @Override
        public void write(AuditLogEntry entry) throws IOException {
            threads.add(Thread.currentThread().getName());
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            if (written.size() == failAt) {
                throw new IOException("disk full at " + entry.id());
            }
            written.add(entry.id());
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ListEntry.idOf(i));
        }
        return ids;
    }

    @Test
    void entriesAreWrittenInOrderOnTheWritingThreadAndAFlushWaitsForAllOfThem() throws IOException {
        Recording delegate = new Recording(-1, new CountDownLatch(0));
        try (BackgroundWriter writer = new BackgroundWriter(delegate, 100, "test-writer")) {
            writer.begin(false);
            for (int i = 0; i < 10_000; i++) {
                writer.write(new ListEntry(i));
            }
            writer.flush();
            // read right after the flush: nothing is still on its way
            assertThat(delegate.written).containsExactlyElementsOf(ids(10_000));
            assertThat(delegate.flushes).hasValue(1);
        }
        assertThat(delegate.begun).isTrue();
        assertThat(delegate.threads).containsExactly("test-writer");
    }

    @Test
    void aFewEntriesAreWrittenWithoutAFlushOrAFullBatch() throws Exception {
        Recording delegate = new Recording(-1, new CountDownLatch(0));
        try (BackgroundWriter writer = new BackgroundWriter(delegate, 1000, "test-writer")) {
            writer.write(new ListEntry(0));
            writer.write(new ListEntry(1));
            // a tail's last entries before a quiet spell: picked up by the writing thread on its own
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delegate.written.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(delegate.written).containsExactlyElementsOf(ids(2));
            assertThat(delegate.flushes).hasValue(0);
        }
    }

    @Test
    void anIdleWriterSleepsUntilTheNextEntryAndWritesItWithoutAFlush() throws Exception {
        Recording delegate = new Recording(-1, new CountDownLatch(0));
        try (BackgroundWriter writer = new BackgroundWriter(delegate, 1000, "test-writer-idle")) {
            writer.write(new ListEntry(0));
            writer.flush();
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("test-writer-idle")).findFirst().orElseThrow();
            // a tail between two polls: the writing thread waits without a time limit
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
            writer.write(new ListEntry(1));
            while (delegate.written.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(delegate.written).containsExactlyElementsOf(ids(2));
        }
    }

    @Test
    void aFailedEntryIsThrownByTheNextWriteAndByEveryFlushAndNothingAfterItIsWritten() throws IOException {
        Recording delegate = new Recording(5, new CountDownLatch(0));
        try (BackgroundWriter writer = new BackgroundWriter(delegate, 1000, "test-writer")) {
            for (int i = 0; i < 20; i++) {
                writer.write(new ListEntry(i));
            }
            assertThatThrownBy(writer::flush).isInstanceOf(IOException.class).hasMessage("disk full at e-00005");
            assertThatThrownBy(writer::flush).isInstanceOf(IOException.class).hasMessage("disk full at e-00005");
            assertThatThrownBy(() -> writer.write(new ListEntry(20))).isInstanceOf(IOException.class)
                    .hasMessage("disk full at e-00005");
            assertThat(delegate.written).containsExactlyElementsOf(ids(5));
            assertThat(delegate.flushes).as("a failed writer is never flushed as if complete").hasValue(0);
        }
    }

    @Test
    void anUncheckedFailureKeepsItsType() throws IOException {
        EntryWriter failing = new EntryWriter() {
            @Override
            public void begin(boolean continuing) {
            }

            @Override
            public void write(AuditLogEntry entry) {
                entry.toAuditEvent();
            }

            @Override
            public void flush() {
            }
        };
        try (BackgroundWriter writer = new BackgroundWriter(failing, 10, "test-writer")) {
            writer.write(new ListEntry(3, true));
            assertThatThrownBy(writer::flush).isInstanceOf(dev.auditsdk.core.error.AuditDataException.class)
                    .hasMessage("testlist: entry e-00003 cannot be normalized");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void aCheckedExceptionThrownAnywayReachesTheReadingThreadInsteadOfEndingTheWriterSilently() throws IOException {
        EntryWriter sneaky = new EntryWriter() {
            @Override
            public void begin(boolean continuing) {
            }

            @Override
            public void write(AuditLogEntry entry) {
                BackgroundWriterTest.<RuntimeException>sneakyThrow(new Exception("checked, undeclared"));
            }

            @Override
            public void flush() {
            }
        };
        try (BackgroundWriter writer = new BackgroundWriter(sneaky, 10, "test-writer")) {
            writer.write(new ListEntry(0));
            assertThatThrownBy(writer::flush).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasRootCauseMessage("checked, undeclared");
        }
    }

    @Test
    void noMoreThanTheCapacityWaitsBesideTheBatchBeingWritten() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Recording delegate = new Recording(-1, gate);
        int capacity = 50;
        AtomicInteger handedIn = new AtomicInteger();
        try (BackgroundWriter writer = new BackgroundWriter(delegate, capacity, "test-writer")) {
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        writer.write(new ListEntry(i));
                        handedIn.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            producer.start();
            // the writing thread holds one batch (taken while the gate is closed), the queue the capacity
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handedIn.get() < capacity && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            assertThat(handedIn.get()).isBetween(capacity, capacity + 1 + capacity);
            assertThat(producer.isAlive()).as("the producer waits for room").isTrue();
            gate.countDown();
            producer.join(TimeUnit.SECONDS.toMillis(30));
            writer.flush();
            assertThat(delegate.written).containsExactlyElementsOf(ids(1000));
        }
    }

    @Test
    void aClosedWriterRefusesEntriesAndCloseReturnsOnceTheThreadEnded() throws IOException {
        Recording delegate = new Recording(-1, new CountDownLatch(0));
        BackgroundWriter writer = new BackgroundWriter(delegate, 10, "test-writer-closed");
        writer.write(new ListEntry(0));
        writer.close();
        assertThat(delegate.written).containsExactly(ListEntry.idOf(0));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-writer-closed"));
        assertThatThrownBy(() -> writer.write(new ListEntry(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the writer is closed");
        assertThatThrownBy(() -> new BackgroundWriter(delegate, 0, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be positive");
    }
}
