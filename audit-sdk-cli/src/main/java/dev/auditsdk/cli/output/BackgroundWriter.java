package dev.auditsdk.cli.output;

import dev.auditsdk.core.AuditLogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Renders and writes entries on a thread of its own, so that reading the next entries (network,
 * parsing) and rendering the previous ones (normalizing, OCSF, JSON) use two cores. Entries are
 * written in the order they were handed in, by one thread.
 *
 * <p>{@link #flush()} returns only once every entry handed in is written and the delegate is
 * flushed, so whoever commits after it (the checkpoint of "everything handed in so far") commits
 * exactly what the output holds. A failure to write an entry is kept: it is thrown by the next
 * {@link #write} and by every {@link #flush()} from then on, so nothing handed in after it, and no
 * commit, can pass it by.
 *
 * <p>The writing thread sleeps while nothing is waiting; the first entry after a quiet spell wakes
 * it, and it then takes a batch once one is waiting, on {@link #flush()} or {@link #close()}, or
 * after 20 ms at most: output follows the reading closely without a thread wake-up per entry, and
 * an idle writer (a {@code tail} between polls) costs nothing.
 *
 * <p>At most {@code capacity} entries wait to be written (the handing thread waits when they
 * are), so memory stays bounded whatever the reading rate. One thread hands entries in; {@link
 * #flush()} may be called from another thread (a shutdown hook) as long as no {@link #write} runs
 * at the same time.
 */
public final class BackgroundWriter implements EntryWriter, AutoCloseable {
    /** Entries the writing thread takes at once; larger batches amortize the hand-over. */
    private static final int BATCH = 256;
    /**
     * How long handed-in entries may wait before the writing thread picks them up when fewer than
     * a batch are waiting: the reading thread does not wake it for every entry (a wake-up costs
     * more than writing a raw entry), and output still follows within this delay.
     */
    private static final long PICK_UP_NANOS = 20_000_000L;

    private final EntryWriter delegate;
    private final int capacity;
    /** Waiting entries that wake the writing thread: a batch, or all there is room for. */
    private final int wakeAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition handedIn = lock.newCondition();
    private final Condition taken = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final ArrayDeque<AuditLogEntry> queue;
    private final Thread thread;
    private boolean writing;
    /** The writing thread waits, without a time limit, for an entry: the next one wakes it. */
    private boolean parked;
    /** Flushes waiting for the writing thread: it then takes what is there at once. */
    private int flushing;
    private boolean closed;
    private Throwable failure;

    /**
     * Starts the writing thread (a daemon).
     *
     * @param delegate the writer that renders; only the writing thread calls its {@code write}
     * @param capacity how many entries may wait to be written; positive
     * @param name the thread's name
     */
    public BackgroundWriter(EntryWriter delegate, int capacity, String name) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.wakeAt = Math.min(BATCH, capacity);
        this.queue = new ArrayDeque<>(Math.min(capacity, 4096));
        this.thread = new Thread(this::run, Objects.requireNonNull(name, "name"));
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes the header on the calling thread, before any entry. */
    @Override
    public void begin(boolean continuing) throws IOException {
        lock.lock();
        try {
            awaitIdle();
            delegate.begin(continuing);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands the entry to the writing thread; waits while {@code capacity} entries are waiting.
     *
     * @throws IOException (or the unchecked failure) of an earlier entry that could not be written
     */
    @Override
    public void write(AuditLogEntry entry) throws IOException {
        Objects.requireNonNull(entry, "entry");
        lock.lock();
        try {
            while (queue.size() >= capacity && failure == null && !closed) {
                taken.awaitUninterruptibly();
            }
            rethrowFailure();
            if (closed) {
                throw new IllegalStateException("the writer is closed");
            }
            queue.addLast(entry);
            if (parked || queue.size() >= wakeAt) {
                // the first entry after a quiet spell, or a whole batch: the writing thread waits for it
                parked = false;
                handedIn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every entry handed in is written, then flushes the delegate. */
    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            flushing++;
            handedIn.signal();
            awaitIdle();
            rethrowFailure();
            delegate.flush();
        } finally {
            flushing--;
            lock.unlock();
        }
    }

    /** Stops the writing thread once it has written what was handed in; does not close the delegate. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            handedIn.signalAll();
            taken.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitIdle() {
        while ((writing || !queue.isEmpty()) && failure == null) {
            idle.awaitUninterruptibly();
        }
    }

    private void rethrowFailure() throws IOException {
        if (failure instanceof IOException) {
            throw (IOException) failure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new UncheckedIOException(new IOException("writing an entry failed", failure));
        }
    }

    /**
     * Lets a batch gather after the first entry arrived: returns when a batch is waiting, on a
     * flush or close, or once the pick-up delay has passed.
     */
    private void awaitBatch() {
        long left = PICK_UP_NANOS;
        while (left > 0 && queue.size() < wakeAt && flushing == 0 && !closed) {
            try {
                left = handedIn.awaitNanos(left);
            } catch (InterruptedException e) {
                // nothing interrupts this thread (closing stops it): keep the flag, take what is there
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        List<AuditLogEntry> batch = new ArrayList<>(BATCH);
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    parked = true; // quiet: no timed wake-ups until an entry comes
                    handedIn.awaitUninterruptibly();
                }
                parked = false;
                if (queue.isEmpty()) {
                    idle.signalAll();
                    return;
                }
                awaitBatch();
                for (int i = 0; i < BATCH && !queue.isEmpty(); i++) {
                    batch.add(queue.pollFirst());
                }
                writing = true;
                taken.signal();
            } finally {
                lock.unlock();
            }
            Throwable failed = null;
            try {
                for (AuditLogEntry entry : batch) {
                    delegate.write(entry);
                }
            } catch (Throwable e) { // whatever it is, it must reach the reading thread, not end this one silently
                failed = e;
            }
            batch.clear();
            lock.lock();
            try {
                writing = false;
                if (failed != null) {
                    failure = failed;
                    queue.clear(); // nothing after a failed entry is written
                    taken.signalAll();
                    idle.signalAll();
                    return;
                }
                if (queue.isEmpty()) {
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
