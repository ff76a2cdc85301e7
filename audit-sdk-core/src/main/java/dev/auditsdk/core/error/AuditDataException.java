package dev.auditsdk.core.error;

/**
 * The vendor answered with data the SDK cannot read: malformed JSON or CSV, an HTML page
 * where JSON was expected, a missing required field, a checksum mismatch. Carries the
 * position (line number or byte offset) where one is known.
 */
public class AuditDataException extends AuditSdkException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long offset;

    /**
     * @param message what is wrong, including the position
     * @param line 1-based line number, or -1 when unknown
     * @param offset 0-based byte or character offset, or -1 when unknown
     * @param cause the parser failure, may be null
     */
    public AuditDataException(String message, long line, long offset, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.offset = offset;
    }

    /**
     * @param message what is wrong
     */
    public AuditDataException(String message) {
        this(message, -1, -1, null);
    }

    /**
     * @param message what is wrong
     * @param cause the underlying failure
     */
    public AuditDataException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    /** @return the 1-based line number of the bad data, or -1 when unknown */
    public long line() {
        return line;
    }

    /** @return the 0-based offset of the bad data, or -1 when unknown */
    public long offset() {
        return offset;
    }
}
