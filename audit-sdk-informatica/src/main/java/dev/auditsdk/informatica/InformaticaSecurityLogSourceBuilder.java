package dev.auditsdk.informatica;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures an {@link InformaticaSecurityLogSource}: {@link #region} or {@link #baseUrl}, and
 * {@link #credentials}, are required; the rest has documented defaults.
 *
 * <pre>{@code
 * InformaticaSecurityLogSource source = InformaticaSecurityLogSource.builder()
 *         .region("dm-em")
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("IICS_USER", "IICS_PASSWORD"))
 *         .windowSize(Duration.ofDays(7))
 *         .build();
 * }</pre>
 */
public final class InformaticaSecurityLogSourceBuilder extends InformaticaSourceBuilder<InformaticaSecurityLogSourceBuilder> {
    private int rowCap = InformaticaSecurityLogSource.DEFAULT_ROW_CAP;
    private Duration windowSize = InformaticaSecurityLogSource.MAX_WINDOW;

    InformaticaSecurityLogSourceBuilder() {
    }

    /**
     * @param cap the row cap of one answer, sent as {@code limit}:
     *     100..{@value InformaticaSecurityLogSource#DEFAULT_ROW_CAP}; an answer with this many rows
     *     makes its window split; default {@value InformaticaSecurityLogSource#DEFAULT_ROW_CAP}
     * @return this builder
     * @throws IllegalArgumentException outside that range
     */
    public InformaticaSecurityLogSourceBuilder rowCap(int cap) {
        if (cap < 100 || cap > InformaticaSecurityLogSource.DEFAULT_ROW_CAP) {
            throw new IllegalArgumentException("rowCap must be between 100 and " + InformaticaSecurityLogSource.DEFAULT_ROW_CAP
                    + ", was " + cap);
        }
        this.rowCap = cap;
        return this;
    }

    /**
     * @param windowSize the longest range of one request, at most 14 days (the API's maximum); default 14 days
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than 14 days
     */
    public InformaticaSecurityLogSourceBuilder windowSize(Duration windowSize) {
        Objects.requireNonNull(windowSize, "windowSize");
        if (windowSize.isNegative() || windowSize.isZero()
                || windowSize.compareTo(InformaticaSecurityLogSource.MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("windowSize must be positive and at most 14 days, was " + windowSize);
        }
        this.windowSize = windowSize;
        return this;
    }

    int configuredRowCap() {
        return rowCap;
    }

    Duration configuredWindowSize() {
        return windowSize;
    }

    /**
     * @return {@value InformaticaSecurityLogSource#DEFAULT_PARALLELISM}: windows are read side by
     *     side and delivered in order (see the README)
     */
    @Override
    protected int defaultParallelism() {
        return InformaticaSecurityLogSource.DEFAULT_PARALLELISM;
    }

    /**
     * @return the source; nothing is requested yet
     * @throws IllegalStateException when the region/base URL or the credentials are missing
     * @throws IllegalArgumentException when the base URL is plain HTTP to a non-loopback host without opt-in
     */
    public InformaticaSecurityLogSource build() {
        return new InformaticaSecurityLogSource(this);
    }
}
