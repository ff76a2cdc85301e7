package dev.auditsdk.core;

/**
 * An entry that kept the vendor's JSON exactly as it arrived. A writer of raw records copies
 * {@link #rawJson()} to its output as is, instead of building the {@link #raw()} tree only to
 * serialize it again. Optional: entries of vendors that do not keep their bytes implement
 * {@link AuditLogEntry} alone, and their {@code raw()} is written.
 */
public interface RawJsonEntry extends AuditLogEntry {

    /**
     * @return the entry as one JSON value, exactly as received (no line break): the same value
     *     {@link #raw()} holds, in the vendor's own spelling
     */
    String rawJson();
}
