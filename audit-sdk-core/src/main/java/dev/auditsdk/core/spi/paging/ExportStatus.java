package dev.auditsdk.core.spi.paging;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * What a poll of an asynchronous export job found: still {@link Kind#PENDING pending},
 * {@link Kind#READY ready} to download, finished {@link Kind#EMPTY empty} (no entries in the
 * range: a result, not an error), or {@link Kind#FAILED failed}. Made only by the static
 * factories; the vendor's own status word is kept for logs and messages.
 *
 * <p>Not a value type: a ready status may carry the already-open download body, for APIs
 * whose poll answer <em>is</em> the file once the job is done (Jitterbit).
 */
public final class ExportStatus {

    /** The four outcomes of a poll. */
    public enum Kind {
        /** Submitted or running: poll again later. */
        PENDING,
        /** Done: the result can be downloaded. */
        READY,
        /** Done, and the range holds no entries. */
        EMPTY,
        /** The vendor reports the job failed. */
        FAILED
    }

    private final Kind kind;
    private final String state;
    private final String message;
    private final String downloadLocation;
    private final InputStream body;

    private ExportStatus(Kind kind, String state, String message, String downloadLocation, InputStream body) {
        this.kind = kind;
        this.state = Objects.requireNonNull(state, "state");
        this.message = message;
        this.downloadLocation = downloadLocation;
        this.body = body;
    }

    /**
     * @param state the vendor's status, e.g. {@code RECEIVED}, {@code PROCESSING}
     * @return a pending status
     */
    public static ExportStatus pending(String state) {
        return new ExportStatus(Kind.PENDING, state, null, null, null);
    }

    /**
     * @param state the vendor's status, e.g. {@code COMPLETE}
     * @return a ready status; the download function knows where to fetch the result
     */
    public static ExportStatus ready(String state) {
        return new ExportStatus(Kind.READY, state, null, null, null);
    }

    /**
     * @param state the vendor's status
     * @param downloadLocation where to download the result (e.g. Boomi's {@code downloadLink})
     * @return a ready status with its download location
     */
    public static ExportStatus readyAt(String state, String downloadLocation) {
        return new ExportStatus(Kind.READY, state, null, Objects.requireNonNull(downloadLocation, "downloadLocation"), null);
    }

    /**
     * @param state the vendor's status
     * @param body the result, already open (the poll answer itself); closed by the pager if not consumed
     * @return a ready status carrying its body
     */
    public static ExportStatus readyWithBody(String state, InputStream body) {
        return new ExportStatus(Kind.READY, state, null, null, Objects.requireNonNull(body, "body"));
    }

    /**
     * @param state the vendor's status, e.g. {@code NO_DATA}
     * @return an empty-result status
     */
    public static ExportStatus empty(String state) {
        return new ExportStatus(Kind.EMPTY, state, null, null, null);
    }

    /**
     * @param state the vendor's status, e.g. {@code ERROR}, {@code INVALID}
     * @param message the vendor's explanation, free of secrets; may be null
     * @return a failed status
     */
    public static ExportStatus failed(String state, String message) {
        return new ExportStatus(Kind.FAILED, state, message, null, null);
    }

    /** @return which of the four outcomes this is */
    public Kind kind() {
        return kind;
    }

    /** @return the vendor's own status word */
    public String state() {
        return state;
    }

    /** @return the vendor's explanation of a failure, if any */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** @return where to download a ready result, if the poll said */
    public Optional<String> downloadLocation() {
        return Optional.ofNullable(downloadLocation);
    }

    /** @return the already-open result of a ready poll, if the poll answer is the file */
    public Optional<InputStream> body() {
        return Optional.ofNullable(body);
    }

    @Override
    public String toString() {
        // download links can be pre-signed URLs: never print them
        return "ExportStatus{" + kind + ", state=" + state + (downloadLocation == null ? "" : ", downloadLocation=present")
                + (body == null ? "" : ", body=open") + "}";
    }
}
