package dev.auditsdk.testkit.boomi;

/**
 * How the simulator packs a staged audit-log export. The real archive format is not
 * published; these are the combinations the SDK must accept.
 */
public enum StagingArchiveFormat {
    /** A gzip file holding one JSON object per line. */
    GZIP_JSON_LINES,
    /** A gzip file holding one JSON array of records. */
    GZIP_JSON_ARRAY,
    /** A zip file with one entry holding one JSON object per line. */
    ZIP_JSON_LINES,
    /** A zip file with one entry holding one JSON array of records. */
    ZIP_JSON_ARRAY,
    /**
     * A zip file with one entry holding a JSON object whose {@value BoomiSimulator#ENVELOPE_FIELD}
     * array holds the records: a layout the SDK does not assume, so it must be configured.
     */
    ZIP_JSON_ENVELOPE
}
