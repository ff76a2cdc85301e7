package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The Audit Log Staging API's answer about a staged request: {@code requestId}, {@code message},
 * {@code error}, and once the archive is ready {@code downloadLink}, {@code downloadLinkExpiry}
 * and the archive's MD5 {@code checksum}. Read from the answer as received ({@link #raw()}).
 * {@link #toString()} never shows the download link, which may be a pre-signed URL.
 */
final class BoomiStagingStatus {
    private final JsonNode raw;

    private BoomiStagingStatus(JsonNode raw) {
        this.raw = raw;
    }

    /**
     * @param raw the answer as a JSON object
     * @return the status
     * @throws IllegalArgumentException if the answer is not a JSON object
     */
    static BoomiStagingStatus of(JsonNode raw) {
        Objects.requireNonNull(raw, "raw");
        if (!raw.isObject()) {
            throw new IllegalArgumentException("a staging answer must be a JSON object, was " + raw.getNodeType());
        }
        return new BoomiStagingStatus(raw);
    }

    /** @return the answer exactly as received */
    JsonNode raw() {
        return raw;
    }

    /** @return the staged request's id, if the answer carries one */
    OptionalLong requestId() {
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
    Optional<String> message() {
        return text("message");
    }

    /** @return the error, when the request failed (a non-blank {@code error}) */
    Optional<String> error() {
        return text("error");
    }

    /** @return the URL of the staged archive, once it is ready */
    Optional<String> downloadLink() {
        return text("downloadLink");
    }

    /** @return when the download link expires, as Boomi wrote it */
    Optional<String> downloadLinkExpiry() {
        return text("downloadLinkExpiry");
    }

    /** @return the MD5 of the archive (hex, or base64), once it is ready */
    Optional<String> checksum() {
        return text("checksum");
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
