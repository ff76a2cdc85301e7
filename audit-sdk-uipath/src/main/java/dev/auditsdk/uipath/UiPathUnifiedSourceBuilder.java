package dev.auditsdk.uipath;

import dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link UiPathUnifiedAuditLogSource}, the unified audit log:
 * {@code UiPathUnifiedAuditLogSource.builder()}. {@code organization} and credentials are
 * required; with a {@code tenant} the source reads the tenant scope, without one the
 * organization scope. The options both UiPath sources share are those of
 * {@link AbstractUiPathSourceBuilder}; the server-side filters are this builder's own.
 */
public final class UiPathUnifiedSourceBuilder extends AbstractUiPathSourceBuilder<UiPathUnifiedSourceBuilder> {
    private final List<String> sources = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<String> userIds = new ArrayList<>();
    private String searchTerm;
    private Integer status;
    private int pageSize = UiPathUnifiedAuditLogSource.MAX_PAGE_SIZE;

    UiPathUnifiedSourceBuilder() {
    }

    /**
     * The unified audit store is fed from each service after the fact: the default
     * {@link #settleLag(Duration)} is two minutes (an assumption; UiPath documents none).
     *
     * @return {@link UiPathUnifiedAuditLogSource#DEFAULT_SETTLE_LAG}
     */
    @Override
    protected Duration defaultSettleLag() {
        return UiPathUnifiedAuditLogSource.DEFAULT_SETTLE_LAG;
    }

    /**
     * @param sources only events of these sources (services), as the API's {@code query/sources} lists them
     * @return this builder
     */
    public UiPathUnifiedSourceBuilder sources(String... sources) {
        this.sources.addAll(nonBlank("sources", sources));
        return this;
    }

    /**
     * @param targets only events of these categories ({@code target}), e.g. {@code User}
     * @return this builder
     */
    public UiPathUnifiedSourceBuilder targets(String... targets) {
        this.targets.addAll(nonBlank("targets", targets));
        return this;
    }

    /**
     * @param types only events of these activity types ({@code type})
     * @return this builder
     */
    public UiPathUnifiedSourceBuilder types(String... types) {
        this.types.addAll(nonBlank("types", types));
        return this;
    }

    /**
     * @param userIds only events of these acting users
     * @return this builder
     */
    public UiPathUnifiedSourceBuilder userIds(String... userIds) {
        this.userIds.addAll(nonBlank("userIds", userIds));
        return this;
    }

    /**
     * @param searchTerm only events matching this keyword; null for none
     * @return this builder
     */
    public UiPathUnifiedSourceBuilder searchTerm(String searchTerm) {
        this.searchTerm = searchTerm == null || searchTerm.isBlank() ? null : searchTerm;
        return this;
    }

    /**
     * @param status only succeeded ({@value UiPathUnifiedAuditEvent#STATUS_SUCCEEDED}) or failed
     *     ({@value UiPathUnifiedAuditEvent#STATUS_FAILED}) actions; null for both
     * @return this builder
     */
    public UiPathUnifiedSourceBuilder status(Integer status) {
        if (status != null && status != UiPathUnifiedAuditEvent.STATUS_SUCCEEDED
                && status != UiPathUnifiedAuditEvent.STATUS_FAILED) {
            throw new IllegalArgumentException("status must be 0 (succeeded) or 1 (failed), was " + status);
        }
        this.status = status;
        return this;
    }

    /**
     * @param pageSize {@code maxCount} per request, {@value UiPathUnifiedAuditLogSource#MIN_PAGE_SIZE} to
     *     {@value UiPathUnifiedAuditLogSource#MAX_PAGE_SIZE} (the default); the query's hint overrides it
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public UiPathUnifiedSourceBuilder pageSize(int pageSize) {
        if (pageSize < UiPathUnifiedAuditLogSource.MIN_PAGE_SIZE || pageSize > UiPathUnifiedAuditLogSource.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize (maxCount) must be between "
                    + UiPathUnifiedAuditLogSource.MIN_PAGE_SIZE + " and " + UiPathUnifiedAuditLogSource.MAX_PAGE_SIZE
                    + ", was " + pageSize);
        }
        this.pageSize = pageSize;
        return this;
    }

    /**
     * @return the source; no request is made yet
     * @throws IllegalArgumentException when the organization or credentials are missing, or
     *     the base URL is plain HTTP to a remote host without {@link #allowInsecureHttp(boolean)}
     */
    public UiPathUnifiedAuditLogSource build() {
        return new UiPathUnifiedAuditLogSource(connection(),
                new UnifiedFilters(sources, targets, types, userIds, searchTerm, status), pageSize, maxPages(),
                configuredDelivery());
    }

    private static List<String> nonBlank(String name, String... values) {
        Objects.requireNonNull(values, name);
        List<String> out = new ArrayList<>();
        for (String v : Arrays.asList(values)) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " must not contain blank values");
            }
            out.add(v.trim());
        }
        return out;
    }
}
