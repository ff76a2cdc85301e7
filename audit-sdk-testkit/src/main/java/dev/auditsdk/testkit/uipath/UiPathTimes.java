package dev.auditsdk.testkit.uipath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The date-time shapes the UiPath APIs write and accept. */
final class UiPathTimes {
    /** Classic API: always 7 fractional digits and an offset, e.g. {@code 2021-10-14T13:10:15.1964174+00:00}. */
    private static final DateTimeFormatter CLASSIC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private UiPathTimes() {
    }

    static String classic(OffsetDateTime t) {
        return CLASSIC.format(t);
    }

    /**
     * Unified API: UTC with up to 7 fractional digits, trailing zeros trimmed (as .NET's
     * System.Text.Json writes them), e.g. {@code 2024-05-01T10:00:00.12Z}.
     */
    static String unified(Instant t) {
        String seconds = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                t.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0));
        String fraction = String.format("%07d", t.getNano() / 100).replaceAll("0+$", "");
        return seconds + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }

    /**
     * Reads a query-string date-time leniently, as ASP.NET model binding does: with an offset
     * or {@code Z}, without one (taken as UTC), or a bare date (midnight UTC).
     *
     * @throws DateTimeParseException when it is none of these
     */
    static Instant parse(String text) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }
}
