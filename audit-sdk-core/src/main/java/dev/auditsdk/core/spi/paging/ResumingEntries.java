package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.spi.json.StableIdentity;

/**
 * The entries of one streamed unit of work (a Lifecycle time window, a Jitterbit export file)
 * that survive a body cut short: when reading the unit's body fails with an
 * {@link AuditTransportException} (truncated, reset, stalled past the body-read timeout), the
 * unit is requested again, the entries this iterator already handed out are skipped, and reading
 * continues, so the caller sees neither a gap nor a duplicate.
 *
 * <h2>Why skipping by position is exact</h2>
 * A unit is re-read from its start, and a vendor answers the same unit with the same entries in
 * the same order, new entries (if any) appended at the end: the day's audit log, the same export
 * file. Entries carry identities that do not change between reads of the same data (the vendor's
 * id, or a {@link StableIdentity} numbering identical entries by occurrence, which a fresh read
 * numbers the same way), so after skipping as many entries as were handed out, the last one
 * skipped must have the identity of the last one handed out. If it has not (the vendor inserted
 * or removed entries before that point), or the re-read ends first, the resume is abandoned:
 * the original failure is thrown, with the difference as a suppressed {@link AuditDataException},
 * and the stream's {@link dev.auditsdk.core.Checkpoint} resumes exactly, as for any failure.
 * Entries the re-read holds after that point, appended since the first read included, are
 * delivered as usual.
 *
 * <h2>Budget</h2>
 * A {@link ResumeBudget} from the source's {@link RetryPolicy}: at most
 * {@link RetryPolicy#maxAttempts()} failed reads of the unit in a row without a new entry, the
 * policy's backoff between requests, its overall deadline. When it is used up, the last failure
 * is thrown. Only {@link AuditTransportException}s thrown while <em>reading</em> the opened
 * entries are resumed: malformed data ({@link AuditDataException}), error answers
 * ({@link dev.auditsdk.core.error.AuditApiException}) and failures of the opener itself (a
 * request the transport already retried) are thrown as they are.
 *
 * <pre>{@code
 * CloseableIterator<LifecycleAuditEntry> entries = ResumingEntries.builder(
 *                 attempt -> parse(transport.send(windowRequest).body()), LifecycleAuditEntry::id)
 *         .retryPolicy(transport.retryPolicy())
 *         .unit("lifecycle window " + window)
 *         .open();
 * }</pre>
 *
 * <p>Not thread-safe, except that {@link #close()} may be called from another thread.
 *
 * @param <T> the entry type
 */
public final class ResumingEntries<T> extends AbstractCloseableIterator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ResumingEntries.class);

    /**
     * Opens (or re-opens) a unit's entries from its start.
     *
     * @param <T> the entry type
     */
    @FunctionalInterface
    public interface Opener<T> {
        /**
         * @param attempt 1 for the first read of the unit, 2 and up for the reads after a failure
         * @return the unit's entries from its first one, typically a streaming reader over a
         *     response body; closed by the {@link ResumingEntries}
         */
        CloseableIterator<? extends T> open(int attempt);
    }

    private final Opener<T> opener;
    private final Function<? super T, String> identity;
    private final ResumeBudget budget;
    private volatile CloseableIterator<? extends T> current;
    private int attempt;
    /** Entries of the unit handed out so far, and the identity of the last of them. */
    private long handedOut;
    private String lastId;
    /** {@link #handedOut} when the current read was opened: more now means that read made progress. */
    private long handedOutAtOpen;

    private ResumingEntries(Builder<T> b) {
        this.opener = b.opener;
        this.identity = b.identity;
        this.budget = ResumeBudget.of(b.policy, b.unit);
    }

    /**
     * @param opener opens the unit from its start; called at once by {@link Builder#open()}, again after each failure
     * @param identity the entry's identity, stable across reads of the same data (e.g. {@code AuditLogEntry::id})
     * @param <T> the entry type
     * @return a builder
     */
    public static <T> Builder<T> builder(Opener<T> opener, Function<? super T, String> identity) {
        return new Builder<>(opener, identity);
    }

    /** @return how many times the unit was requested again after a failed read */
    public int resumes() {
        return budget.retries();
    }

    @Override
    protected T computeNext() {
        while (true) {
            CloseableIterator<? extends T> in = current;
            try {
                if (!in.hasNext()) {
                    return endOfData();
                }
                T entry = in.next();
                handedOut++;
                lastId = identity.apply(entry);
                return entry;
            } catch (AuditTransportException failure) {
                resume(failure);
            }
        }
    }

    /** Requests the unit again and skips what was handed out, within the budget; else throws {@code failure}. */
    private void resume(AuditTransportException failure) {
        closeQuietly(current, failure);
        boolean progress = handedOut > handedOutAtOpen;
        AuditTransportException last = failure;
        while (true) {
            if (!budget.retryAfter(last, progress) || isClosed()) {
                throw last;
            }
            progress = false;
            handedOutAtOpen = handedOut;
            CloseableIterator<? extends T> reopened;
            try {
                reopened = Objects.requireNonNull(opener.open(++attempt), "opener returned null");
            } catch (RuntimeException e) {
                e.addSuppressed(last);
                throw e;
            }
            current = reopened;
            if (isClosed()) {
                closeQuietly(reopened, last);
                throw last;
            }
            String changed;
            try {
                changed = skipHandedOut(reopened);
            } catch (AuditTransportException again) {
                closeQuietly(reopened, again);
                last = again;
                continue;
            }
            if (changed != null) {
                closeQuietly(reopened, last);
                LOG.warn("{}: cannot resume after {} entries in the same stream: {}; failing it (its checkpoint"
                        + " resumes exactly)", budget.unit(), handedOut, changed);
                last.addSuppressed(new AuditDataException(budget.unit() + ": not resumed in the same stream: " + changed));
                throw last;
            }
            LOG.debug("{}: resumed after {} entries (read {})", budget.unit(), handedOut, attempt);
            return;
        }
    }

    /** Skips the entries handed out; returns why the new read does not match them, or null when it does. */
    private String skipHandedOut(CloseableIterator<? extends T> in) {
        String at = null;
        for (long skipped = 0; skipped < handedOut; skipped++) {
            if (!in.hasNext()) {
                return "the new read ended after " + skipped + " entries, before the " + handedOut + " already delivered";
            }
            T entry = in.next();
            if (skipped == handedOut - 1) {
                at = identity.apply(entry);
            }
        }
        if (handedOut > 0 && !lastId.equals(at)) {
            return "entry " + handedOut + " of the new read is " + at + ", not " + lastId
                    + " as before: the vendor's answer changed before that point";
        }
        return null;
    }

    private static void closeQuietly(CloseableIterator<?> in, Throwable failure) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    protected void onClose() {
        CloseableIterator<? extends T> in = current;
        if (in != null) {
            in.close();
        }
    }

    /**
     * Configures a {@link ResumingEntries}.
     *
     * @param <T> the entry type
     */
    public static final class Builder<T> {
        private final Opener<T> opener;
        private final Function<? super T, String> identity;
        private RetryPolicy policy = RetryPolicy.defaults();
        private String unit = "unit";

        private Builder(Opener<T> opener, Function<? super T, String> identity) {
            this.opener = Objects.requireNonNull(opener, "opener");
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /**
         * @param policy the source's retry policy (usually {@code transport.retryPolicy()}); default
         *     {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder<T> retryPolicy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param unit names the unit in log lines and errors, e.g. {@code "lifecycle window [...)"};
         *     must not contain secrets
         * @return this builder
         */
        public Builder<T> unit(String unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Opens the unit (attempt 1) at once, so a failure to request it is thrown here, as it
         * would be without resuming.
         *
         * @return the entries
         */
        public ResumingEntries<T> open() {
            ResumingEntries<T> entries = new ResumingEntries<>(this);
            entries.attempt = 1;
            entries.current = Objects.requireNonNull(opener.open(1), "opener returned null");
            return entries;
        }
    }
}
