package dev.auditsdk.boomi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The Audit Log Staging API's answer about a staged request: {@code requestId}, {@code message},
 * {@code error}, and once the archive is ready {@code downloadLink}, {@code downloadLinkExpiry}
 * and the archive's MD5 {@code checksum}. Read from the answer as received ({@link #raw()}).
 * {@link #toString()} never shows the download link, which may be a pre-signed URL.
 */
@Value.Immutable
public abstract class BoomiStagingStatus {

    /**
     * @param raw the answer as a JSON object
     * @return the status
     * @throws IllegalArgumentException if the answer is not a JSON object
     */
    public static BoomiStagingStatus of(JsonNode raw) {
        return ImmutableBoomiStagingStatus.builder().raw(raw).build();
    }

    /** @return the answer exactly as received */
    public abstract JsonNode raw();

    /** @return the staged request's id, if the answer carries one */
    public OptionalLong requestId() {
        JsonNode id = raw().get("requestId");
        if (id == null) {
            return OptionalLong.empty();
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return OptionalLong.of(id.longValue());
        }
        if (id.isTextual() && id.asText().trim().matches("-?\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(id.asText().trim()));
        }
        return OptionalLong.empty();
    }

    /** @return the outcome message */
    public Optional<String> message() {
        return text("message");
    }

    /** @return the error, when the request failed (a non-blank {@code error}) */
    public Optional<String> error() {
        return text("error");
    }

    /** @return the URL of the staged archive, once it is ready */
    public Optional<String> downloadLink() {
        return text("downloadLink");
    }

    /** @return when the download link expires, as Boomi wrote it */
    public Optional<String> downloadLinkExpiry() {
        return text("downloadLinkExpiry");
    }

    /** @return the MD5 of the archive (hex, or base64), once it is ready */
    public Optional<String> checksum() {
        return text("checksum");
    }

    @Value.Check
    void check() {
        if (!raw().isObject()) {
            throw new IllegalArgumentException("a staging answer must be a JSON object, was " + raw().getNodeType());
        }
    }

    private Optional<String> text(String field) {
        JsonNode v = raw().get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    @Override
    public String toString() {
        return "BoomiStagingStatus{requestId=" + (requestId().isPresent() ? requestId().getAsLong() : "none")
                + ", message=" + message().orElse("") + error().map(e -> ", error=" + e).orElse("")
                + (downloadLink().isPresent() ? ", downloadLink=present" : "") + "}";
    }
}
