package dev.auditsdk.jitterbit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code PUT /api/analytics/debuglogs-async}: every field the API Manager Log
 * Service documents. Times are written as {@code MM/dd/yyyy HH:mm:ss Z} in
 * {@link #clientTimeZone()}, at whole seconds (sub-second parts are dropped).
 *
 * <p>The vendor treats two requests with the same fields as the same export (same key, same
 * cached file for 23 hours); change any field, e.g. {@link #withTimeRangeTo}, to get a new one.
 *
 * <p>The module's style, but the generated implementation keeps this type's package-private
 * visibility: the request body is no API.
 */
@Value.Immutable
@Value.Style(typeImmutable = "Immutable*", jdkOnly = true, optionalAcceptNullable = true,
        visibility = Value.Style.ImplementationVisibility.SAME, defaults = @Value.Immutable(copy = true))
abstract class DebugLogsAsyncRequest {

    /** @return a new builder */
    public static ImmutableDebugLogsAsyncRequest.Builder builder() {
        return ImmutableDebugLogsAsyncRequest.builder();
    }

    /** @return the organization whose logs to export (required) */
    public abstract String orgId();

    /** @return the start of the range (required) */
    public abstract Instant timeRangeFrom();

    /** @return the end of the range (required) */
    public abstract Instant timeRangeTo();

    /** @return the zone times are written in and resolved to; the vendor's default is UTC */
    @Value.Default
    public ZoneId clientTimeZone() {
        return ZoneId.of("UTC");
    }

    /** @return the filter, if any */
    public abstract Optional<JitterbitLogQuery> queryString();

    /** @return oldest first when true; the vendor's default is false (newest first) */
    @Value.Default
    public boolean ascendSort() {
        return false;
    }

    /** @return whether to export the log messages; the vendor's default is false */
    @Value.Default
    public boolean retrieveLogMessages() {
        return false;
    }

    /** @return CSV when true (the vendor's default), JSON when false */
    @Value.Default
    public boolean csvFormat() {
        return true;
    }

    /**
     * A copy of this request with {@code timeRangeTo} changed.
     *
     * @param value the new end of the range
     * @return the copy
     */
    public abstract DebugLogsAsyncRequest withTimeRangeTo(Instant value);

    /** @return the JSON body, fields in the vendor sample's order */
    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("ascendSort", ascendSort());
        o.put("retrieveLogMessages", retrieveLogMessages());
        o.put("timeRangeFrom", JitterbitRequestTime.format(timeRangeFrom(), clientTimeZone()));
        o.put("timeRangeTo", JitterbitRequestTime.format(timeRangeTo(), clientTimeZone()));
        o.put("clientTimeZone", clientTimeZone().getId());
        queryString().ifPresent(q -> o.put("queryString", q.queryString()));
        o.put("orgId", orgId());
        o.put("csvFormat", csvFormat());
        return o;
    }

    @Value.Check
    void check() {
        if (orgId().isBlank()) {
            throw new IllegalArgumentException("DebugLogsAsyncRequest: 'orgId' must not be blank");
        }
        if (timeRangeFrom().isAfter(timeRangeTo())) {
            throw new IllegalArgumentException("DebugLogsAsyncRequest: 'timeRangeFrom' (" + timeRangeFrom()
                    + ") must not be after 'timeRangeTo' (" + timeRangeTo() + ")");
        }
    }
}
