package dev.auditsdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a source waits for a vendor's asynchronous export job (Boomi's staged archive, Jitterbit's
 * log export): the first status poll comes after {@link #pollInitial()}, later ones back off by
 * doubling up to {@link #pollMax()}, and a job not ready within {@link #deadline()} of its
 * submission fails (or is submitted again where the vendor allows it). One value for every
 * vendor with export jobs, validated in one place.
 *
 * <pre>{@code
 * ExportJobOptions.builder().pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(30))
 *         .deadline(Duration.ofMinutes(45)).build()
 * }</pre>
 */
public final class ExportJobOptions {
    private final Duration pollInitial;
    private final Duration pollMax;
    private final Duration deadline;

    private ExportJobOptions(Builder b) {
        this.pollInitial = b.pollInitial;
        this.pollMax = b.pollMax;
        this.deadline = b.deadline;
    }

    /**
     * @param pollInitial the first wait after submitting
     * @param pollMax the longest wait between polls
     * @param deadline how long a job may take from submission to ready
     * @return the options a vendor module uses when the caller sets none
     */
    public static ExportJobOptions defaults(Duration pollInitial, Duration pollMax, Duration deadline) {
        return builder().pollInterval(pollInitial, pollMax).deadline(deadline).build();
    }

    /** @return a builder starting from 1 s / 30 s polls and a 30-minute deadline */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder().pollInterval(pollInitial, pollMax).deadline(deadline);
    }

    /** @return the wait before the first status poll */
    public Duration pollInitial() {
        return pollInitial;
    }

    /** @return the longest wait between two status polls */
    public Duration pollMax() {
        return pollMax;
    }

    /** @return how long one job may take from submission to ready */
    public Duration deadline() {
        return deadline;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExportJobOptions)) {
            return false;
        }
        ExportJobOptions other = (ExportJobOptions) o;
        return pollInitial.equals(other.pollInitial) && pollMax.equals(other.pollMax) && deadline.equals(other.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pollInitial, pollMax, deadline);
    }

    @Override
    public String toString() {
        return "ExportJobOptions{poll=" + pollInitial + ".." + pollMax + ", deadline=" + deadline + "}";
    }

    /** Builds {@link ExportJobOptions}; every setter checks its argument at once. */
    public static final class Builder {
        private Duration pollInitial = Duration.ofSeconds(1);
        private Duration pollMax = Duration.ofSeconds(30);
        private Duration deadline = Duration.ofMinutes(30);

        private Builder() {
        }

        /**
         * @param initial the wait before the first poll; positive
         * @param max the longest wait between polls; at least {@code initial}
         * @return this builder
         * @throws IllegalArgumentException unless {@code 0 < initial <= max}
         */
        public Builder pollInterval(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "pollInterval initial");
            Objects.requireNonNull(max, "pollInterval max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("pollInterval: need 0 < initial <= max, was " + initial + ", " + max);
            }
            this.pollInitial = initial;
            this.pollMax = max;
            return this;
        }

        /**
         * @param deadline how long one job may take from submission to ready; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /** @return the options */
        public ExportJobOptions build() {
            return new ExportJobOptions(this);
        }
    }
}
