package dev.auditsdk.cli.output;

import dev.auditsdk.core.AuditLogEntry;
import java.io.IOException;

/**
 * Writes entries in one {@link OutputFormat}, one record per entry. Buffers; nothing is
 * guaranteed to have reached the underlying stream before {@link #flush()}.
 */
public interface EntryWriter {

    /**
     * Writes what precedes the first record (the CSV header), unless the output already holds
     * records from an earlier run.
     *
     * @param continuing true when appending to output that already has content
     * @throws IOException when the output fails
     */
    void begin(boolean continuing) throws IOException;

    /**
     * @param entry the entry to write as one record
     * @throws IOException when the output fails
     */
    void write(AuditLogEntry entry) throws IOException;

    /**
     * Pushes every buffered record to the underlying stream and flushes it.
     *
     * @throws IOException when the output fails
     */
    void flush() throws IOException;
}
