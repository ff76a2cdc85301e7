package dev.auditsdk.boomi;

import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.spi.util.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The whole-second date range a staging request asks for, checked against Boomi's rule (more
 * than 7 days, less than one year) before any request is made.
 */
final class StagingRange {
    /** Boomi refuses ranges of this length or less. */
    static final Duration MIN_LENGTH = Duration.ofDays(7);
    /** Boomi refuses ranges of this length or more ("less than one year"; 365 days, to be safe in leap years). */
    static final Duration MAX_LENGTH = Duration.ofDays(365);

    final Instant from;
    final Instant to;

    private StagingRange(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    /**
     * @param query the query to serve
     * @return {@code [floor(start), ceil(to)]}
     * @throws IllegalArgumentException when that range is 7 days or less, or one year or more
     */
    static StagingRange of(AuditLogQuery query) {
        Instant from = query.start().truncatedTo(ChronoUnit.SECONDS);
        Instant to = Timestamps.ceilToSecond(query.to());
        Duration length = Duration.between(from, to);
        if (length.compareTo(MIN_LENGTH) <= 0) {
            throw new IllegalArgumentException("boomi: the Audit Log Staging API exports only ranges of more than 7 days"
                    + " (and less than one year); " + from + " to " + to + " is " + describe(length)
                    + ". Read ranges of 7 days or less with BoomiAuditLogSource (the AuditLog query)");
        }
        if (length.compareTo(MAX_LENGTH) >= 0) {
            throw new IllegalArgumentException("boomi: the Audit Log Staging API exports only ranges of less than one"
                    + " year (365 days); " + from + " to " + to + " is " + describe(length)
                    + ". Split the range into several exports");
        }
        return new StagingRange(from, to);
    }

    String fromDate() {
        return QueryExpression.date(from);
    }

    String toDate() {
        return QueryExpression.date(to);
    }

    private static String describe(Duration d) {
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        return days + " days" + (rest.isZero() ? "" : " and " + rest.toString().substring(2).toLowerCase());
    }

    @Override
    public String toString() {
        return fromDate() + ".." + toDate();
    }
}
