package dev.auditsdk.uipath.model;

import dev.auditsdk.core.error.AuditDataException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads UiPath's date-times: ISO-8601 with an offset or {@code Z} and up to 9 fractional digits
 * (the classic API sends 7 and an offset, e.g. {@code 2021-10-14T13:10:15.1964174+00:00}), or
 * without an offset, which .NET writes for UTC values of unspecified kind: read as UTC.
 */
public final class UiPathTimestamps {
    private UiPathTimestamps() {
    }

    /**
     * @param value the text
     * @return the instant
     * @throws AuditDataException when the text is not such a date-time
     */
    public static Instant parse(String value) {
        String s = value.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new AuditDataException("not a UiPath date-time: '" + (s.length() <= 64 ? s : s.substring(0, 64) + "...")
                        + "'", e2);
            }
        }
    }
}
