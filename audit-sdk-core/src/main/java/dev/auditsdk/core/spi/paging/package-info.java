/**
 * Lazy pagers for the vendors' paging patterns, exactly-once delivery and the one stream
 * implementation vendor sources return.
 *
 * <p>The pieces follow the AWS SDK v2 paginator shape: a vendor supplies a small, stateless
 * page function ({@link dev.auditsdk.core.spi.paging.TokenPageFetcher},
 * {@link dev.auditsdk.core.spi.paging.OffsetPageFetcher}, {@link dev.auditsdk.core.spi.paging.WindowFetcher},
 * or the functions of an {@link dev.auditsdk.core.spi.paging.ExportJobPager}); a pager turns it into
 * a lazy {@link dev.auditsdk.core.spi.util.CloseableIterator} of entries that calls the function
 * only when asked and holds one page at a time; {@link dev.auditsdk.core.spi.paging.PagedAuditLogStream}
 * wraps that iterator with a {@link dev.auditsdk.core.spi.paging.DeliveryTracker} so every entry is
 * handed out exactly once and the {@link dev.auditsdk.core.Checkpoint} advances as it goes.
 * A streamed unit (a time window's body, an export file) is wrapped in
 * {@link dev.auditsdk.core.spi.paging.ResumingEntries}, so a body that fails part-way is requested
 * again and read on after the entries already handed out, within the source's retry policy
 * ({@link dev.auditsdk.core.spi.paging.ResumeBudget}).
 *
 * <pre>{@code
 * DeliveryTracker tracker = DeliveryTracker.forQuery(query);
 * CloseableIterator<BoomiEntry> entries = TokenPager.builder(token -> api.queryPage(query, token)).build();
 * return PagedAuditLogStream.of(tracker, entries);
 * }</pre>
 */
@AuditSdkStyle
@AuditSdkProtectedApi
package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.spi.AuditSdkProtectedApi;
import dev.auditsdk.core.spi.AuditSdkStyle;
import dev.auditsdk.core.spi.util.CloseableIterator;
