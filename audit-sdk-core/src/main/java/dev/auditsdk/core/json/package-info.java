/**
 * JSON and CSV reading shared by every vendor module: one {@link dev.auditsdk.core.json.Json#mapper() ObjectMapper}
 * configuration and streaming readers that turn an {@link java.io.InputStream} into entries one at a time.
 *
 * <ul>
 * <li>{@link dev.auditsdk.core.json.JsonLinesReader}: one JSON value per line;</li>
 * <li>{@link dev.auditsdk.core.json.JsonArrayReader}: a top-level array, or the array field of an envelope object;</li>
 * <li>{@link dev.auditsdk.core.json.CsvReader}: RFC 4180 with a header row;</li>
 * <li>{@link dev.auditsdk.core.json.BodyFormat#sniff(java.io.InputStream)}: gzip/zip unwrapping and format detection
 *     for export downloads of unknown shape.</li>
 * </ul>
 *
 * <p>Readers are lazy {@link dev.auditsdk.core.paging.CloseableIterator}s: they read nothing until
 * asked, hold one entry (one line, one record) at a time, close the stream when closed, and report
 * bad input as {@link dev.auditsdk.core.error.AuditDataException} with its line (and offset where
 * known) and a short excerpt masked by {@link dev.auditsdk.core.http.Redactor}, I/O failures as {@link dev.auditsdk.core.error.AuditTransportException}.
 */
package dev.auditsdk.core.json;
