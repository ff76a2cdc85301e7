package dev.auditsdk.cli.checkpoint;

/**
 * The checkpoint file cannot be used: it is not a checkpoint, belongs to another vendor, or
 * another run holds it. Reported as a usage error.
 */
public class CheckpointFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with which file
     * @param cause the underlying failure, may be null
     */
    public CheckpointFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
