package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditDataException;

/**
 * Counts the pages in a row that delivered no new entry and stops a walk that no longer moves
 * (a server that returns the same page whatever it is asked, or empty pages with a cursor
 * forever) with an {@link AuditDataException} naming the limit, instead of requesting forever.
 * One per walk; not thread-safe, like the pagers that hold it.
 */
final class ProgressGuard {
    /** Default of the pagers' {@code maxPagesWithoutProgress}. */
    static final int DEFAULT_MAX_PAGES_WITHOUT_PROGRESS = 100;

    private final int maxPagesWithoutProgress;
    private final String pager;
    private int pagesWithoutProgress;
    private int samePageRepeats;

    /**
     * @param maxPagesWithoutProgress how many pages in a row may deliver nothing new; the next one fails
     * @param pager the pager's name and how to raise the limit, for the message (e.g. "OffsetPager")
     */
    ProgressGuard(int maxPagesWithoutProgress, String pager) {
        this.maxPagesWithoutProgress = requireValid(maxPagesWithoutProgress);
        this.pager = pager;
    }

    static int requireValid(int maxPagesWithoutProgress) {
        if (maxPagesWithoutProgress <= 0) {
            throw new IllegalArgumentException("maxPagesWithoutProgress must be positive, was " + maxPagesWithoutProgress);
        }
        return maxPagesWithoutProgress;
    }

    /**
     * Records one page.
     *
     * @param progressed whether it delivered at least one entry not delivered before
     * @param samePageAgain whether it is not empty and, entry for entry, the page fetched just before it
     * @param where where the page was fetched, for the message (e.g. "offset 400")
     * @param ignoredParameter what the server probably ignores when it repeats a page (e.g. "the offset
     *     parameter 'batchId'"), for the message
     * @throws AuditDataException when this is one page too many without progress
     */
    void onPage(boolean progressed, boolean samePageAgain, String where, String ignoredParameter) {
        if (progressed) {
            pagesWithoutProgress = 0;
            samePageRepeats = 0;
            return;
        }
        pagesWithoutProgress++;
        samePageRepeats = samePageAgain ? samePageRepeats + 1 : 0;
        if (pagesWithoutProgress <= maxPagesWithoutProgress) {
            return;
        }
        String cause = samePageRepeats > pagesWithoutProgress / 2
                ? "the server returned the same page again each time, so it seems to ignore " + ignoredParameter
                : "the server keeps answering pages that hold no new entry";
        throw new AuditDataException("paging made no progress: " + pagesWithoutProgress + " pages in a row, up to "
                + where + ", delivered no new entry (maxPagesWithoutProgress = " + maxPagesWithoutProgress + "); "
                + cause + ". Stopping instead of requesting forever; if the log really holds that many pages without"
                + " new entries, raise it with " + pager + ".Builder.maxPagesWithoutProgress(int)");
    }

    /** @return pages in a row so far that delivered nothing new */
    int pagesWithoutProgress() {
        return pagesWithoutProgress;
    }
}
