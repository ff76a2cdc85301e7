package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditSdkException;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.json.CsvReader;

/**
 * Entries of an asynchronous export job (Jitterbit log export, Boomi audit-log staging): the
 * template <em>submit &rarr; poll with backoff until done &rarr; download &rarr; iterate</em>,
 * with the vendor supplying the three steps as functions.
 *
 * <p>Lazy: the job is submitted on the first {@code hasNext()}/{@code next()}. Polls start
 * after {@link Builder#pollInterval(Duration, Duration) the initial interval} and back off by
 * doubling up to the maximum; no wait runs past the {@link Builder#deadline(Duration) deadline},
 * and one last poll is made at it. Then:
 * <ul>
 * <li>{@link ExportStatus.Kind#READY}: the download function opens the result, whose entries are
 *     delivered (a body the poll already opened is handed to it in the status);</li>
 * <li>{@link ExportStatus.Kind#EMPTY}: no entries;</li>
 * <li>{@link ExportStatus.Kind#FAILED}: {@link AuditApiException} (status code 0, the vendor state
 *     as vendor code, the vendor's message);</li>
 * <li>still pending at the deadline: {@link AuditSdkException} naming the deadline, the last state
 *     and the number of polls.</li>
 * </ul>
 * With {@link Builder#reissue(int, IntFunction)}, a job that FAILED or is still pending at its
 * deadline is submitted again, as a variant the vendor treats as a new request, up to the given
 * number of times, before one of the errors above is thrown (for vendors whose failed or stuck
 * request stays locked: Jitterbit). The deadline applies to each job.
 *
 * <pre>{@code
 * CloseableIterator<JitterbitEntry> entries = ExportJobPager.<String, JitterbitEntry>builder()
 *         .submit(() -> api.submitExport(request))
 *         .poll(key -> api.exportStatus(key))
 *         .download((key, status) -> CsvReader.of(status.body().orElseThrow(), JitterbitEntry::fromRow))
 *         .pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(30))
 *         .deadline(Duration.ofMinutes(30))
 *         .build();
 * }</pre>
 *
 * @param <J> the vendor's job handle (a key, a request id)
 * @param <T> the entry type
 */
public final class ExportJobPager<J, T> extends PagedIterator<T> {
    /** Default first wait between polls. */
    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
    /** Default longest wait between polls. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
    /** Default overall deadline for the job to finish. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(ExportJobPager.class);

    private final Supplier<? extends J> submit;
    private final Function<? super J, ExportStatus> poll;
    private final BiFunction<? super J, ExportStatus, ? extends CloseableIterator<? extends T>> download;
    private final Duration initialInterval;
    private final Duration maxInterval;
    private final Duration deadline;
    private final int maxReissues;
    private final IntFunction<? extends J> reissue;
    private int reissues;
    private J job;
    private ExportStatus lastStatus;
    private int polls;
    private boolean started;

    private ExportJobPager(Builder<J, T> b) {
        this.submit = Objects.requireNonNull(b.submit, "submit");
        this.poll = Objects.requireNonNull(b.poll, "poll");
        this.download = Objects.requireNonNull(b.download, "download");
        this.initialInterval = b.initialInterval;
        this.maxInterval = b.maxInterval;
        this.deadline = b.deadline;
        this.maxReissues = b.maxReissues;
        this.reissue = b.reissue;
    }

    /** @return how many times the job was submitted again after a failure or a stall */
    public int reissues() {
        return reissues;
    }

    /**
     * @param <J> the vendor's job handle
     * @param <T> the entry type
     * @return a builder; {@code submit}, {@code poll} and {@code download} are required
     */
    public static <J, T> Builder<J, T> builder() {
        return new Builder<>();
    }

    /** @return the submitted job's handle, once submitted */
    public Optional<J> job() {
        return Optional.ofNullable(job);
    }

    /** @return the status of the last poll, once polled */
    public Optional<ExportStatus> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /** @return how many polls were made */
    public int polls() {
        return polls;
    }

    @Override
    protected Iterator<? extends T> nextPage() {
        if (started) {
            return null;
        }
        started = true;
        job = Objects.requireNonNull(submit.get(), "submit returned no job handle");
        LOG.debug("export job submitted");
        ExportStatus status;
        while (true) {
            RuntimeException stuck = null;
            try {
                status = awaitCompletion();
            } catch (DeadlineException e) {
                stuck = e;
                status = null;
            }
            boolean failed = stuck != null || status.kind() == ExportStatus.Kind.FAILED;
            if (!failed || reissues >= maxReissues) {
                if (stuck != null) {
                    throw stuck;
                }
                break;
            }
            reissues++;
            LOG.warn("export job {} ({}); submitting it again as a distinct request ({} of {})",
                    stuck != null ? "did not finish within " + deadline : "failed", stuck != null ? lastStatus.state()
                            : status.state() + status.message().map(m -> ": " + m).orElse(""), reissues, maxReissues);
            job = Objects.requireNonNull(reissue.apply(reissues), "reissue returned no job handle");
        }
        switch (status.kind()) {
            case EMPTY:
                LOG.debug("export job finished without data ({})", status.state());
                return Collections.emptyIterator();
            case FAILED:
                throw new AuditApiException("export job failed with status " + status.state()
                        + status.message().map(m -> ": " + m).orElse(""), 0, status.state(), null, null);
            default:
                return open(status);
        }
    }

    private ExportStatus awaitCompletion() {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        Duration wait = initialInterval;
        while (true) {
            ExportStatus status = Objects.requireNonNull(poll.apply(job), "poll returned no status");
            polls++;
            lastStatus = status;
            LOG.debug("export job poll {}: {}", polls, status.state());
            if (status.kind() != ExportStatus.Kind.PENDING) {
                return status;
            }
            if (isClosed()) {
                throw new AuditSdkException("export pager closed while waiting for the job (" + status.state() + ")");
            }
            long remaining = deadlineAt - System.nanoTime();
            if (remaining <= 0) {
                throw new DeadlineException("export job did not finish within the deadline of " + deadline
                        + ": still " + status.state() + " after " + polls + " polls"
                        + (reissues > 0 ? " (the job was submitted again " + reissues + " time(s))" : ""));
            }
            sleep(Math.min(wait.toNanos(), remaining));
            wait = wait.multipliedBy(2).compareTo(maxInterval) > 0 ? maxInterval : wait.multipliedBy(2);
        }
    }

    private Iterator<? extends T> open(ExportStatus status) {
        try {
            return Objects.requireNonNull(download.apply(job, status), "download returned null");
        } catch (RuntimeException | Error e) {
            status.body().ifPresent(b -> {
                try {
                    b.close();
                } catch (java.io.IOException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            });
            throw e;
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditSdkException("interrupted while waiting for the export job", e);
        }
    }

    /** A job still pending at its deadline. */
    private static final class DeadlineException extends AuditSdkException {
        private static final long serialVersionUID = 1L;

        DeadlineException(String message) {
            super(message);
        }
    }

    /**
     * Configures an {@link ExportJobPager}.
     *
     * @param <J> the vendor's job handle
     * @param <T> the entry type
     */
    public static final class Builder<J, T> {
        private int maxReissues;
        private IntFunction<? extends J> reissue;
        private Supplier<? extends J> submit;
        private Function<? super J, ExportStatus> poll;
        private BiFunction<? super J, ExportStatus, ? extends CloseableIterator<? extends T>> download;
        private Duration initialInterval = DEFAULT_INITIAL_INTERVAL;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private Duration deadline = DEFAULT_DEADLINE;

        private Builder() {
        }

        /**
         * @param submit starts the job and returns its handle (one request; not retried by the pager)
         * @return this builder
         */
        public Builder<J, T> submit(Supplier<? extends J> submit) {
            this.submit = Objects.requireNonNull(submit, "submit");
            return this;
        }

        /**
         * @param poll asks the vendor for the job's status
         * @return this builder
         */
        public Builder<J, T> poll(Function<? super J, ExportStatus> poll) {
            this.poll = Objects.requireNonNull(poll, "poll");
            return this;
        }

        /**
         * @param download opens the finished job's result as entries, given the ready status
         * @return this builder
         */
        public Builder<J, T> download(BiFunction<? super J, ExportStatus, ? extends CloseableIterator<? extends T>> download) {
            this.download = Objects.requireNonNull(download, "download");
            return this;
        }

        /**
         * Sets the poll intervals and the deadline from the source's options.
         *
         * @param options the source's export-job options
         * @return this builder
         */
        public Builder<J, T> options(ExportJobOptions options) {
            Objects.requireNonNull(options, "options");
            return pollInterval(options.pollInitial(), options.pollMax()).deadline(options.deadline());
        }

        /**
         * @param initial the first wait between polls
         * @param max the longest wait; waits double up to it
         * @return this builder
         */
        public Builder<J, T> pollInterval(Duration initial, Duration max) {
            requirePositive(initial, "initial");
            requirePositive(max, "max");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max (" + max + ") must not be shorter than initial (" + initial + ")");
            }
            this.initialInterval = initial;
            this.maxInterval = max;
            return this;
        }

        /**
         * @param deadline how long the job may take from submission to ready before the pager gives up
         * @return this builder
         */
        public Builder<J, T> deadline(Duration deadline) {
            this.deadline = requirePositive(deadline, "deadline");
            return this;
        }

        private static Duration requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        /**
         * @param max how many times a job that FAILED, or is still pending at the deadline, is
         *     submitted again (0..100; default 0: never)
         * @param submitAgain submits the n-th variant (1-based) of the job and returns its handle;
         *     it must differ from the earlier ones as the vendor sees them
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is outside 0..100
         */
        public Builder<J, T> reissue(int max, IntFunction<? extends J> submitAgain) {
            if (max < 0 || max > 100) {
                throw new IllegalArgumentException("reissue max must be between 0 and 100, was " + max);
            }
            this.maxReissues = max;
            this.reissue = Objects.requireNonNull(submitAgain, "submitAgain");
            return this;
        }

        /**
         * @return the pager; nothing is submitted yet
         * @throws NullPointerException if {@code submit}, {@code poll} or {@code download} is missing
         */
        public ExportJobPager<J, T> build() {
            return new ExportJobPager<>(this);
        }
    }
}
