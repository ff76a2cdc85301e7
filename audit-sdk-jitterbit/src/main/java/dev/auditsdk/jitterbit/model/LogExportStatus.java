package dev.auditsdk.jitterbit.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The state of an asynchronous log export: the answer of {@code PUT debuglogs-async} and of
 * {@code GET log-async/{orgId}/{key}} while the file is not ready. {@link #status()} is an open
 * string; the documented values are the constants of this class.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableLogExportStatus.class)
public abstract class LogExportStatus {
    /** Harmony received a valid request; it moves to {@link #PROCESSING}. */
    public static final String RECEIVED = "RECEIVED";
    /** The file is being generated; it moves to {@link #COMPLETE}. */
    public static final String PROCESSING = "PROCESSING";
    /** The file is ready to download from {@code log-async}. */
    public static final String COMPLETE = "COMPLETE";
    /** The reference key is unknown or malformed (or expired). */
    public static final String INVALID = "INVALID";
    /** The generation failed; an error message says why. */
    public static final String ERROR = "ERROR";
    /** The request matched no entries. */
    public static final String NO_DATA = "NO_DATA";

    /** @return a new builder */
    public static ImmutableLogExportStatus.Builder builder() {
        return ImmutableLogExportStatus.builder();
    }

    /** @return the reference key, e.g. {@code debug-log-E8D4...} */
    public abstract Optional<String> key();

    /** @return the status, one of the constants of this class (or a value this SDK does not know yet) */
    public abstract String status();

    /**
     * @return why an {@link #ERROR} happened; the vendor does not publish the field's name, so
     *     {@code errorMessage} and {@code message} are both read
     */
    @JsonAlias("message")
    public abstract Optional<String> errorMessage();

    /** @return true while the file is still being made ({@link #RECEIVED} or {@link #PROCESSING}) */
    public boolean inProgress() {
        return RECEIVED.equals(status()) || PROCESSING.equals(status());
    }
}
