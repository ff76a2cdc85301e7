package dev.auditsdk.jitterbit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Harmony's request time format, {@code MM/dd/yyyy HH:mm:ss Z}, as the export request's
 * {@code timeRangeFrom}/{@code timeRangeTo} and a {@code queryString}'s time conditions write it.
 * (How a log file's {@code time} column is read is the model's {@code JitterbitTime}.)
 */
final class JitterbitRequestTime {
    /** The request's format, e.g. {@code 01/20/2023 01:01:00 +0100}. */
    static final DateTimeFormatter REQUEST_FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss Z", Locale.ROOT);

    private JitterbitRequestTime() {
    }

    /**
     * Renders an instant in the request's format.
     *
     * @param instant the instant (sub-second parts are dropped)
     * @param zone the zone whose offset to show
     * @return e.g. {@code 01/20/2023 01:01:00 +0100}
     */
    static String format(Instant instant, ZoneId zone) {
        return REQUEST_FORMAT.format(instant.atZone(zone));
    }
}
