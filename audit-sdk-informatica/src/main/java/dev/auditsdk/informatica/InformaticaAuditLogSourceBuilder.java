package dev.auditsdk.informatica;

/**
 * Configures an {@link InformaticaAuditLogSource}: {@link #region} or {@link #baseUrl}, and
 * {@link #credentials}, are required; the rest has documented defaults.
 *
 * <pre>{@code
 * InformaticaAuditLogSource source = InformaticaAuditLogSource.builder()
 *         .region(InformaticaRegion.US)
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("IICS_USER", "IICS_PASSWORD"))
 *         .build();
 * }</pre>
 */
public final class InformaticaAuditLogSourceBuilder extends InformaticaSourceBuilder<InformaticaAuditLogSourceBuilder> {
    private int batchSize = InformaticaAuditLogSource.DEFAULT_BATCH_SIZE;

    InformaticaAuditLogSourceBuilder() {
    }

    /**
     * @param size entries per request when the query gives no page-size hint,
     *     1..{@value InformaticaAuditLogSource#MAX_BATCH_SIZE}; default
     *     {@value InformaticaAuditLogSource#DEFAULT_BATCH_SIZE}
     * @return this builder
     * @throws IllegalArgumentException outside that range
     */
    public InformaticaAuditLogSourceBuilder batchSize(int size) {
        if (size < 1 || size > InformaticaAuditLogSource.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + InformaticaAuditLogSource.MAX_BATCH_SIZE
                    + ", was " + size);
        }
        this.batchSize = size;
        return this;
    }

    int configuredBatchSize() {
        return batchSize;
    }

    /**
     * @return {@value InformaticaAuditLogSource#DEFAULT_PARALLELISM}: batches are fetched in
     *     rounds whose boundaries are proven before any entry is handed over (see the README)
     */
    @Override
    protected int defaultParallelism() {
        return InformaticaAuditLogSource.DEFAULT_PARALLELISM;
    }

    /**
     * @return the source; nothing is requested yet
     * @throws IllegalStateException when the region/base URL or the credentials are missing
     * @throws IllegalArgumentException when the base URL is plain HTTP to a non-loopback host without opt-in
     */
    public InformaticaAuditLogSource build() {
        return new InformaticaAuditLogSource(this);
    }
}
