package dev.auditsdk.jitterbit.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One API Manager API log record: an API call served by Jitterbit API Manager. Its identity is
 * the vendor's {@link #requestId()}. Entries read from a CSV file and from a JSON file of the
 * same export are equal (only {@link #raw()}, which keeps each file's own form, differs).
 */
@Value.Immutable
public abstract class JitterbitApiLogEntry implements AuditLogEntry {
    /** The vendor name used in normalized events. */
    public static final String VENDOR = "jitterbit";
    /** The product that records the API logs. */
    public static final Product PRODUCT = Product.of("Jitterbit", "Harmony API Manager");

    /** The column names as the vendor's {@code queryString} spells them, mapped to synonyms seen in files. */
    private static final Map<String, String> COLUMN_SYNONYMS = synonyms();

    /** @return a new builder */
    public static ImmutableJitterbitApiLogEntry.Builder builder() {
        return ImmutableJitterbitApiLogEntry.builder();
    }

    /**
     * Reads one record of a log file, whatever the file's form: a JSON object, or a CSV row
     * turned into an object keyed by the header row. Column names are matched without regard
     * to case, spaces or punctuation ({@code requestId}, {@code requestid}, {@code Request ID});
     * empty cells are absent values.
     *
     * @param record the record as received
     * @param clientTimeZone the request's {@code clientTimeZone}: the zone of a {@code time}
     *     written without an offset
     * @return the entry
     * @throws AuditDataException when {@code time} or {@code requestid} is missing or malformed
     */
    public static JitterbitApiLogEntry fromRecord(JsonNode record, ZoneId clientTimeZone) {
        JitterbitTime times = new JitterbitTime(clientTimeZone);
        if (record == null || !record.isObject()) {
            throw new AuditDataException("a Jitterbit API log record must be an object, got "
                    + (record == null ? "nothing" : record.getNodeType()));
        }
        Map<String, JsonNode> cols = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String column = COLUMN_SYNONYMS.get(normalize(f.getKey()));
            if (column != null && !blank(f.getValue())) {
                cols.putIfAbsent(column, f.getValue());
            }
        }
        JsonNode time = cols.get("time");
        if (time == null) {
            throw new AuditDataException("Jitterbit API log record has no 'time'");
        }
        JsonNode requestId = cols.get("requestid");
        if (requestId == null) {
            throw new AuditDataException("Jitterbit API log record has no 'requestid'");
        }
        return builder()
                .time(time(time, times))
                .requestId(requestId.asText())
                .apiName(text(cols, "apiname"))
                .envName(text(cols, "envname"))
                .authProfile(text(cols, "authprofile"))
                .requestMethod(text(cols, "requestmethod").map(m -> m.toUpperCase(Locale.ROOT)))
                .requestUri(text(cols, "requesturi"))
                .responseTime(number(cols, "responsetime"))
                .sourceIp(text(cols, "sourceip"))
                .sourceApp(text(cols, "sourceapp"))
                .statusCode(statusCode(cols))
                .message(text(cols, "message"))
                .raw(record)
                .build();
    }

    /** @return when the API call happened */
    public abstract Instant time();

    /** @return the API Manager API's name */
    public abstract Optional<String> apiName();

    /** @return the environment the API is published in */
    public abstract Optional<String> envName();

    /** @return the security profile the call used */
    public abstract Optional<String> authProfile();

    /** @return the request id: the record's identity */
    public abstract String requestId();

    /** @return the HTTP method of the call, upper case */
    public abstract Optional<String> requestMethod();

    /** @return the request URI of the call */
    public abstract Optional<String> requestUri();

    /** @return the response time, in the vendor's unit (milliseconds in the samples seen), exactly as sent */
    public abstract Optional<BigDecimal> responseTime();

    /** @return the caller's IP address */
    public abstract Optional<String> sourceIp();

    /** @return the calling application */
    public abstract Optional<String> sourceApp();

    /** @return the HTTP status code of the response */
    public abstract OptionalInt statusCode();

    /** @return the log message (only exported when {@code retrieveLogMessages} is requested) */
    public abstract Optional<String> message();

    /** @return the record exactly as received: the JSON object, or the CSV row keyed by the header */
    @Override
    @Value.Auxiliary
    public abstract JsonNode raw();

    /** @return {@link #requestId()} */
    @Override
    public String id() {
        return requestId();
    }

    /** @return {@link #time()} */
    @Override
    public Instant timestamp() {
        return time();
    }

    /**
     * The API call as OCSF API Activity (6003), as tabled in the module's README: the action is
     * the HTTP method ({@code api.operation}, and {@code http_request.http_method} where OCSF
     * enumerates the method), the source IP the {@code src_endpoint}, the source application the
     * actor's {@code app_name}, the API its service and (by name) its resource; the outcome is
     * SUCCESS below status 400 and FAILURE from 400 on (UNKNOWN without a status), the status
     * code also {@code status_code} and {@code api.response.code}. Without a source IP or
     * application the call renders as Entity Management of the API.
     *
     * @return the normalized event
     */
    @Override
    public AuditEvent toAuditEvent() {
        return JitterbitNormalizer.normalize(this);
    }

    private static Instant time(JsonNode value, JitterbitTime times) {
        return value.isIntegralNumber() ? times.parse(value.longValue()) : times.parse("time", value.asText());
    }

    private static Optional<String> text(Map<String, JsonNode> cols, String column) {
        JsonNode v = cols.get(column);
        return v == null ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<BigDecimal> number(Map<String, JsonNode> cols, String column) {
        JsonNode v = cols.get(column);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim()));
        } catch (NumberFormatException e) {
            throw new AuditDataException("Jitterbit API log record has a malformed '" + column + "': " + v.asText(), e);
        }
    }

    private static OptionalInt statusCode(Map<String, JsonNode> cols) {
        JsonNode v = cols.get("statuscode");
        if (v == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(v.isIntegralNumber() ? v.intValue() : Integer.parseInt(v.asText().trim()));
        } catch (NumberFormatException e) {
            throw new AuditDataException("Jitterbit API log record has a malformed 'statuscode': " + v.asText(), e);
        }
    }

    private static boolean blank(JsonNode v) {
        return v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank());
    }

    private static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static Map<String, String> synonyms() {
        Map<String, String> m = new HashMap<>();
        String[][] table = {
            {"time", "time", "timestamp", "datetime"},
            {"apiname", "apiname", "api"},
            {"envname", "envname", "environment", "environmentname"},
            {"authprofile", "authprofile", "profile", "securityprofile"},
            {"requestid", "requestid"},
            {"requestmethod", "requestmethod", "method", "httpmethod"},
            {"requesturi", "requesturi", "requesturl", "uri", "url"},
            {"responsetime", "responsetime"},
            {"sourceip", "sourceip", "clientip", "ip"},
            {"sourceapp", "sourceapp", "sourceapplication", "application"},
            {"statuscode", "statuscode", "responsestatus", "responsestatuscode", "httpstatus"},
            {"message", "message", "messages", "logmessage"},
        };
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) {
                m.put(row[i], row[0]);
            }
        }
        return Map.copyOf(m);
    }
}
