/**
 * JSON and CSV reading shared by every vendor module: one {@link dev.auditsdk.core.spi.util.Json#mapper() ObjectMapper}
 * configuration and streaming readers that turn an {@link java.io.InputStream} into entries one at a time.
 *
 * <ul>
 * <li>{@link dev.auditsdk.core.spi.json.JsonLinesReader}: one JSON value per line;</li>
 * <li>{@link dev.auditsdk.core.spi.json.JsonArrayReader}: a top-level array, or the array field of an envelope object;</li>
 * <li>{@link dev.auditsdk.core.spi.json.CsvReader}: RFC 4180 with a header row;</li>
 * <li>{@link dev.auditsdk.core.spi.json.BodyFormat#sniff(java.io.InputStream)}: gzip/zip unwrapping and format detection
 *     for export downloads of unknown shape;</li>
 * <li>{@link dev.auditsdk.core.spi.json.DecompressionGuard#gunzip(java.io.InputStream, dev.auditsdk.core.ReadLimits, String)}:
 *     the one bounded way to inflate gzip, for the transport's {@code Content-Encoding};</li>
 * <li>{@link dev.auditsdk.core.spi.json.JsonTrees#readTree(java.io.InputStream, dev.auditsdk.core.ReadLimits, String)}:
 *     the one bounded way to read a whole JSON answer into a tree.</li>
 * </ul>
 *
 * <p>Every reader works within {@link dev.auditsdk.core.ReadLimits} (an overload takes them; the others use
 * {@link dev.auditsdk.core.ReadLimits#defaults()}): decompressed size and ratio, bytes of a value read as a tree,
 * nesting depth, CSV fields and characters per record. Crossing a limit raises
 * {@link dev.auditsdk.core.error.AuditDataException} naming it, before the memory is spent.
 *
 * <p>Readers are lazy {@link dev.auditsdk.core.spi.util.CloseableIterator}s: they read nothing until
 * asked, hold one entry (one line, one record) at a time, close the stream when closed, and report
 * bad input as {@link dev.auditsdk.core.error.AuditDataException} with its line (and offset where
 * known) and a short excerpt masked by {@link dev.auditsdk.core.spi.util.Redactor}, I/O failures as {@link dev.auditsdk.core.error.AuditTransportException}.
 */
@AuditSdkProtectedApi
package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.spi.AuditSdkProtectedApi;
