package dev.auditsdk.kafka.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.registry.AuditEventJson;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a record's value holds ({@code format}): always one JSON document as a string. */
enum RecordFormat {
    /** The OCSF rendering of the entry. */
    OCSF,
    /** The normalized {@code AuditEvent}, as the command line's {@code ndjson} writes it. */
    NDJSON,
    /** The vendor's own JSON of the entry, exactly as received. */
    RAW;

    /** @return the configuration names, e.g. {@code ndjson} */
    static List<String> names() {
        return Arrays.stream(values()).map(RecordFormat::configName).collect(Collectors.toList());
    }

    /**
     * @param name a configuration name, any case
     * @return the format
     * @throws IllegalArgumentException listing the valid names
     */
    static RecordFormat parse(String name) {
        for (RecordFormat f : values()) {
            if (f.configName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "', expected one of " + String.join(", ", names()));
    }

    /** @return the name in the configuration */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param entry an entry
     * @return the record value: the JSON text of this rendering
     */
    String render(AuditLogEntry entry) {
        JsonNode json;
        switch (this) {
            case OCSF:
                json = entry.toAuditEvent().toOcsf();
                break;
            case RAW:
                json = entry.raw();
                break;
            default:
                json = AuditEventJson.toJson(entry.toAuditEvent());
        }
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write entry " + entry.id() + " as JSON", e);
        }
    }
}
