package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.ReadLimits;
import java.io.InputStream;

/**
 * The shape of a downloaded log body, as {@link #sniff(InputStream)} finds it from its first
 * bytes: for export APIs whose content type is undocumented or unreliable (Jitterbit, Boomi
 * staging, UiPath long-term store).
 */
public enum BodyFormat {
    /** A top-level JSON array: read with {@link JsonArrayReader#nodes(InputStream)}. */
    JSON_ARRAY,
    /**
     * A single JSON object: an envelope around an array ({@link JsonArrayReader#nodes(InputStream, String)}),
     * or the one line of a single-entry JSON Lines body. Also chosen when the first value does not
     * end within the sniffed prefix.
     */
    JSON_OBJECT,
    /** Several JSON values, one per line: read with {@link JsonLinesReader}. */
    JSON_LINES,
    /** Other text whose first line holds a {@code ,} (a CSV header): read with {@link CsvReader}. */
    CSV,
    /**
     * A zip archive of several files: read with {@link SniffedBody#entries(String)}, which reads
     * every file in name order, each by its own format (two CSV files each with its header, two
     * JSON arrays). {@link SniffedBody#body()} is then not readable as bytes.
     */
    ZIP_FILES,
    /** Nothing but whitespace (or an archive without files). */
    EMPTY;

    /** How many bytes (after decompression) are looked at to tell the formats apart. */
    public static final int SNIFF_LIMIT = 64 * 1024;

    /**
     * Looks at the start of a body without consuming it: unwraps gzip ({@code 1f 8b}) and zip
     * ({@code PK\3\4}: a zip of one file reads as that file, a zip of several as
     * {@link #ZIP_FILES}, every file in name order), then
     * tells JSON array, JSON object, JSON Lines,
     * CSV and empty apart by the first non-blank character (after a UTF-8 byte-order mark) and,
     * for an object, by whether more values follow it on later lines. Applies
     * {@link ReadLimits#defaults()}.
     *
     * @param body the raw body; owned by the result from now on
     * @return the detected format and the (decompressed) body positioned at its start
     * @throws dev.auditsdk.core.error.AuditDataException if the body is HTML/XML, binary, text
     *     that is neither JSON nor CSV (no {@code ,} on its first line), or a corrupt archive
     * @throws dev.auditsdk.core.error.AuditTransportException if reading the body fails
     */
    public static SniffedBody sniff(InputStream body) {
        return sniff(body, ReadLimits.defaults(), "the body");
    }

    /**
     * As {@link #sniff(InputStream)}, under the given limits: every gzip or zip layer inflates
     * within {@link ReadLimits#maxDecompressedBytes()} and {@link ReadLimits#maxDecompressionRatio()},
     * and {@link SniffedBody#entries(String)} reads within the rest.
     *
     * @param body the raw body; owned by the result from now on
     * @param limits the limits to apply
     * @param what the body, for messages, e.g. {@code "the Jitterbit log export"}; free of secrets
     * @return the detected format and the (decompressed) body positioned at its start
     * @throws dev.auditsdk.core.error.AuditDataException if the body is HTML/XML, binary, text
     *     that is neither JSON nor CSV (no {@code ,} on its first line), or a corrupt archive; and, while it is read, once a limit is crossed
     * @throws dev.auditsdk.core.error.AuditTransportException if reading the body fails
     */
    public static SniffedBody sniff(InputStream body, ReadLimits limits, String what) {
        return BodySniffer.sniff(body, limits, what);
    }
}
