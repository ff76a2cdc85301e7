package dev.auditsdk.uipath;

import java.util.Objects;

/**
 * Configures a {@link UiPathAuditLogSource}, the classic audit log:
 * {@code UiPathAuditLogSource.builder()}. {@code organization} and credentials are required; the
 * options both UiPath sources share are those of {@link AbstractUiPathSourceBuilder}.
 */
public final class UiPathSourceBuilder extends AbstractUiPathSourceBuilder<UiPathSourceBuilder> {
    private String language = "en";
    private String apiVersion;
    private int pageSize = UiPathAuditLogSource.DEFAULT_PAGE_SIZE;

    UiPathSourceBuilder() {
    }

    /**
     * @param language the display language of messages ({@code en}, {@code fr}, {@code de},
     *     {@code ja}, ...); default {@code en}. Derived identities do not depend on it
     * @return this builder
     */
    public UiPathSourceBuilder language(String language) {
        this.language = Objects.requireNonNull(language, "language");
        return this;
    }

    /**
     * @param apiVersion sent as {@code api-version} when set; default none
     * @return this builder
     */
    public UiPathSourceBuilder apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        return this;
    }

    /**
     * @param pageSize entries per request (the query's hint overrides it); default
     *     {@value UiPathAuditLogSource#DEFAULT_PAGE_SIZE}, at most {@value UiPathAuditLogSource#MAX_PAGE_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if outside 2..{@value UiPathAuditLogSource#MAX_PAGE_SIZE}
     */
    public UiPathSourceBuilder pageSize(int pageSize) {
        if (pageSize < 2 || pageSize > UiPathAuditLogSource.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 2 and " + UiPathAuditLogSource.MAX_PAGE_SIZE
                    + ", was " + pageSize);
        }
        this.pageSize = pageSize;
        return this;
    }

    /**
     * @return {@value UiPathAuditLogSource#DEFAULT_PARALLELISM}: offset pages are fetched ahead
     *     (see the README)
     */
    @Override
    protected int defaultParallelism() {
        return UiPathAuditLogSource.DEFAULT_PARALLELISM;
    }

    /**
     * @return the source; no request is made yet
     * @throws IllegalArgumentException when the organization or credentials are missing, or
     *     the base URL is plain HTTP to a remote host without {@link #allowInsecureHttp(boolean)}
     */
    public UiPathAuditLogSource build() {
        return new UiPathAuditLogSource(connection(), language, apiVersion, pageSize, maxPages(),
                configuredParallelism(), configuredDelivery());
    }
}
