package dev.auditsdk.core;

/** The order in which a vendor returns entries by timestamp (ties in any order). */
public enum EntryOrder {
    /** Ascending time: new entries are appended at the end (Lifecycle, UiPath {@code sortOrder=asc}). */
    OLDEST_FIRST,
    /** Descending time: new entries appear at the head (Informatica {@code batchId=0}, UiPath {@code sortOrder=desc}). */
    NEWEST_FIRST,
    /**
     * No order to rely on (the vendor does not document one): the delivery tracker then treats
     * the whole range as one unit. Not accepted by offset paging, which needs an order.
     */
    UNORDERED
}
