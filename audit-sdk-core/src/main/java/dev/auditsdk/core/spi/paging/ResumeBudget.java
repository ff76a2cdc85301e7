package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry budget of one unit of streamed work (a time window's body, an export file, an
 * archive download) whose body read failed part-way: how often, and after what wait, the unit
 * may be requested again. The numbers come from the source's {@link RetryPolicy}, counted per
 * unit <em>without progress</em>:
 * <ul>
 * <li>at most {@link RetryPolicy#maxAttempts()} reads of the unit in a row that fail without
 *     delivering a new entry (a read that delivered new entries before it failed starts the
 *     count over, so a long body cut several times is read to its end);</li>
 * <li>the policy's exponential backoff with jitter before each new request;</li>
 * <li>no new request later than {@link RetryPolicy#overallDeadline()} after the first failure
 *     of the current run of failures;</li>
 * <li>nothing at all when the policy does not {@link RetryPolicy#retryOnIoErrors() retry I/O errors}.</li>
 * </ul>
 * {@link ResumingEntries} uses it for streamed units; a unit that is read whole before anything
 * is delivered (Boomi's staged archive) uses it directly around its download. Each granted
 * retry is logged at INFO, without the request's query or any credential.
 *
 * <p>One budget per unit; not thread-safe.
 */
public final class ResumeBudget {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeBudget.class);

    private final RetryPolicy policy;
    private final String unit;
    private int failuresInARow;
    private long streakStart;
    private int retries;

    private ResumeBudget(RetryPolicy policy, String unit) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /**
     * @param policy the source's retry policy
     * @param unit names the unit in log lines, e.g. {@code "lifecycle window [2026-11-01T00:00:00Z, ...)"};
     *     must not contain secrets
     * @return a fresh budget
     */
    public static ResumeBudget of(RetryPolicy policy, String unit) {
        return new ResumeBudget(policy, unit);
    }

    /**
     * Records a failed read of the unit and decides whether to request it again; if so, waits the
     * backoff first.
     *
     * @param failure what failed
     * @param progress whether the failed read delivered entries the reads before it had not
     *     (then the count of failures without progress starts over)
     * @return true when the unit is to be requested again now; false when the budget is used up
     *     (the caller then throws {@code failure})
     */
    public boolean retryAfter(AuditTransportException failure, boolean progress) {
        Objects.requireNonNull(failure, "failure");
        long now = System.nanoTime();
        if (progress || failuresInARow == 0) {
            failuresInARow = 0;
            streakStart = now;
        }
        failuresInARow++;
        if (!policy.retryOnIoErrors()) {
            LOG.debug("{}: read failed; the retry policy does not retry I/O errors", unit);
            return false;
        }
        if (failuresInARow >= policy.maxAttempts()) {
            LOG.info("{}: read failed ({}); {} failed read(s) in a row without progress reach the retry policy's"
                    + " maxAttempts ({}): giving up", unit, failure.getMessage(), failuresInARow, policy.maxAttempts());
            return false;
        }
        Duration wait = policy.jitteredBackoff(failuresInARow);
        Duration spent = Duration.ofNanos(now - streakStart);
        if (spent.plus(wait).compareTo(policy.overallDeadline()) > 0) {
            LOG.info("{}: read failed ({}); a new request in {} ms would start past the retry deadline of {}: giving up",
                    unit, failure.getMessage(), wait.toMillis(), policy.overallDeadline());
            return false;
        }
        retries++;
        LOG.info("{}: read failed ({}); requesting it again in {} ms (failure {} of at most {} without progress)",
                unit, failure.getMessage(), wait.toMillis(), failuresInARow, policy.maxAttempts());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            return false;
        }
        return true;
    }

    /** @return how many retries this budget granted so far */
    public int retries() {
        return retries;
    }

    /** @return the unit's name, as given */
    public String unit() {
        return unit;
    }

    @Override
    public String toString() {
        return "ResumeBudget{" + unit + ", failuresInARow=" + failuresInARow + ", retries=" + retries + "}";
    }
}
