package dev.auditsdk.boomi;

import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.core.EntryOrder;
import java.util.Objects;

/**
 * Configures a {@link BoomiAuditLogSource} (the Platform API's {@code AuditLog} query):
 * {@code accountId} and credentials are required; the options both Boomi sources share are
 * those of {@link AbstractBoomiSourceBuilder}. Made by {@link BoomiAuditLogSource#builder()}.
 */
public final class BoomiSourceBuilder extends AbstractBoomiSourceBuilder<BoomiSourceBuilder> {
    private QueryExpression filter;
    private EntryOrder resultOrder = EntryOrder.OLDEST_FIRST;

    BoomiSourceBuilder() {
    }

    /**
     * Narrows every query, e.g. to {@code type LIKE 'user%'}; ANDed with the date range.
     *
     * @param filter the expression (see {@link QueryExpression})
     * @return this builder
     */
    public BoomiSourceBuilder filter(QueryExpression filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * The date order Boomi returns query results in, which its documentation does not state.
     * {@link EntryOrder#OLDEST_FIRST} (default) gives exact checkpoints in constant memory
     * and handles a result more than the lateness out of order by the late-entry policy
     * (by default an {@link dev.auditsdk.core.error.AuditDataException}, never a silent skip);
     * {@link EntryOrder#NEWEST_FIRST} reads a resumed range in the windows its checkpoint
     * left, each newest first, and stops if a result is out of descending order;
     * {@link EntryOrder#UNORDERED} accepts any order, at the cost of remembering the ids of a
     * partly read range in its checkpoint (see core's {@code DeliveryTracker}).
     *
     * @param order the order to rely on
     * @return this builder
     */
    public BoomiSourceBuilder resultOrder(EntryOrder order) {
        this.resultOrder = Objects.requireNonNull(order, "resultOrder");
        return this;
    }

    /** @return {@value BoomiAuditLogSource#DEFAULT_PARALLELISM} */
    @Override
    protected int defaultParallelism() {
        return BoomiAuditLogSource.DEFAULT_PARALLELISM;
    }

    /**
     * @return the source
     * @throws IllegalStateException when the account id or credentials are missing
     * @throws IllegalArgumentException for plain HTTP to a non-loopback host without opt-in, or a
     *     base URL with a query
     */
    public BoomiAuditLogSource build() {
        BoomiConnection connection = connection();
        return new BoomiAuditLogSource(connection, connection.platformTransport(), filter, resultOrder, delivery(),
                configuredParallelism());
    }
}
