package dev.auditsdk.testkit.jitterbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful in-process Jitterbit Harmony: the User Service Controller login (with and without
 * two-factor authentication) and the API Manager Log Service's asynchronous log export.
 *
 * <ul>
 *   <li>{@code PUT /jitterbit-cloud-restful-service/user/login} with {@code {"email","password"}}.
 *       A refused login is HTTP 200 with {@code "status": false}. With TFA enabled, a
 *       {@code deviceId} must be sent; the answer is {@code VALIDATE_TFA_LOGIN_EMAIL} and a new
 *       code is "emailed" (see {@link #lastTfaCode()}) on every such call.</li>
 *   <li>{@code PUT .../user/login/tfacode} with {@code {"email","password","code","deviceId"}}.</li>
 *   <li>{@code PUT .../api/analytics/debuglogs-async} (header {@code authToken}) answers
 *       {@code {"key","status"}}; the same exact request gets the same key and no new file for
 *       23 hours unless it ended ERROR or NO_DATA, and a request whose generation failed while
 *       RECEIVED or PROCESSING ({@link #failNextExportAndLock(String)}) stays locked.</li>
 *   <li>{@code GET .../api/analytics/log-async/{orgId}/{key}} answers RECEIVED, PROCESSING
 *       (for {@code pollsWhileReceived} and {@code pollsWhileProcessing} polls), then the file
 *       (COMPLETE), NO_DATA, ERROR (with {@code errorMessage}) or INVALID.</li>
 * </ul>
 *
 * <p>Files are CSV with a header row ({@code csvFormat=true}, the default) or JSON, plain or
 * gzipped per {@link Compression}. Expired or unknown tokens get HTTP 401; too many requests
 * get HTTP 429 without {@code Retry-After}.
 */
public final class JitterbitSimulator extends SimulatorServer {
    private static final Logger LOG = LoggerFactory.getLogger(JitterbitSimulator.class);

    /** The path every endpoint lives under. */
    public static final String SERVICE = "/jitterbit-cloud-restful-service";
    /** The login path. */
    public static final String LOGIN_PATH = SERVICE + "/user/login";
    /** The TFA code path. */
    public static final String TFA_PATH = SERVICE + "/user/login/tfacode";
    /** The export request path. */
    public static final String EXPORT_PATH = SERVICE + "/api/analytics/debuglogs-async";
    /** The status/download path prefix, followed by {@code {orgId}/{key}}. */
    public static final String STATUS_PATH = SERVICE + "/api/analytics/log-async/";
    /** The user of the vendor's samples. */
    public static final String DEFAULT_EMAIL = "alice@jbexample.com";
    /** The password of the vendor's samples. */
    public static final String DEFAULT_PASSWORD = "Jitterbit4Ever!";
    /** The default organization of the vendor's samples. */
    public static final String DEFAULT_ORG_ID = "123456";
    /** The error code of the first TFA step. */
    public static final String VALIDATE_TFA_LOGIN_EMAIL = "VALIDATE_TFA_LOGIN_EMAIL";
    /** The error code of a refused email/password (not published by the vendor; an assumption). */
    public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    /** The error code of a wrong or expired TFA code (not published by the vendor; an assumption). */
    public static final String INVALID_TFA_CODE = "INVALID_TFA_CODE";
    /** The error code when TFA is on and no {@code deviceId} was sent (not published; an assumption). */
    public static final String TFA_DEVICE_ID_REQUIRED = "TFA_DEVICE_ID_REQUIRED";

    private static final Duration TFA_CODE_LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a COMPLETE file is compressed on the wire. */
    public enum Compression {
        /** Plain CSV or JSON. */
        NONE,
        /** A gzip file ({@code application/octet-stream}, {@code .gz} name), no Content-Encoding. */
        GZIP_FILE,
        /** Plain file sent with {@code Content-Encoding: gzip}. */
        CONTENT_ENCODING,
        /**
         * A zip archive ({@code .zip} name) of the records split into three files
         * ({@code part-1} to {@code part-3}, each a complete CSV or JSON file), written last part
         * first so that the archive's order differs from the names' order.
         */
        ZIP_PARTS
    }

    /** How a JSON file lays out its records. */
    public enum JsonLayout {
        /** One JSON array of objects. */
        ARRAY,
        /** One JSON object per line. */
        LINES
    }

    /** How the {@code time} column is written (in the request's {@code clientTimeZone}). */
    public enum TimeFormat {
        /** {@code 2024-01-19T13:45:12.345+01:00}. */
        ISO_OFFSET,
        /** {@code 01/19/2024 13:45:12 +0100}, the request's own format (whole seconds). */
        REQUEST_FORMAT,
        /** Milliseconds since the epoch. */
        EPOCH_MILLIS
    }

    private final String email;
    private final String password;
    private final boolean tfaEnabled;
    private final long sessionTimeoutSeconds;
    private final long announcedSessionTimeoutSeconds;
    private final Map<String, String> organizations;
    private final String defaultOrgId;
    private final int receivedPolls;
    private final int processingPolls;
    private final Compression compression;
    private final JsonLayout jsonLayout;
    private final TimeFormat timeFormat;
    private final int maxRequestsPerSecond;
    private final Clock clock;
    private final Random random;

    private final Map<String, List<ApiLogRecord>> records = new ConcurrentHashMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final Map<String, TfaCode> tfaCodes = new ConcurrentHashMap<>();
    private final Map<String, ExportJob> jobs = new LinkedHashMap<>();
    private final Deque<ExportJob.Failure> pendingFailures = new ArrayDeque<>();
    private final Deque<Long> recentRequests = new ArrayDeque<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger tfaCodesSent = new AtomicInteger();
    private final AtomicInteger exportsStarted = new AtomicInteger();
    private final AtomicInteger lockedSubmits = new AtomicInteger();
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile String lastTfaCode;

    private JitterbitSimulator(Builder b) {
        super("jitterbit");
        this.email = b.email;
        this.password = b.password;
        this.tfaEnabled = b.tfaEnabled;
        this.sessionTimeoutSeconds = b.sessionTimeoutSeconds;
        this.announcedSessionTimeoutSeconds = b.announcedSessionTimeoutSeconds != null
                ? b.announcedSessionTimeoutSeconds : b.sessionTimeoutSeconds;
        this.organizations = new LinkedHashMap<>(b.organizations);
        this.defaultOrgId = organizations.keySet().iterator().next();
        this.receivedPolls = b.receivedPolls;
        this.processingPolls = b.processingPolls;
        this.compression = b.compression;
        this.jsonLayout = b.jsonLayout;
        this.timeFormat = b.timeFormat;
        this.maxRequestsPerSecond = b.maxRequestsPerSecond;
        this.clock = b.clock;
        this.random = new Random(b.seed);
        for (String org : organizations.keySet()) {
            records.put(org, new CopyOnWriteArrayList<>());
        }
        Instant spanTo = b.spanTo != null ? b.spanTo : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant spanFrom = b.spanFrom != null ? b.spanFrom : spanTo.minus(Duration.ofDays(1));
        records.get(defaultOrgId).addAll(generate(b.entries, spanFrom, spanTo));
    }

    /** @return a builder with the vendor samples' user and organization and 200 generated records */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized JitterbitSimulator start() {
        super.start();
        return this;
    }

    /** @return the accepted login email */
    public String email() {
        return email;
    }

    /** @return the accepted password */
    public String password() {
        return password;
    }

    /** @return the organization returned as {@code defaultOrgId} */
    public String defaultOrgId() {
        return defaultOrgId;
    }

    /** @return the records of the default organization, in insertion order */
    public List<ApiLogRecord> records() {
        return records(defaultOrgId);
    }

    /**
     * @param orgId an organization of the user
     * @return its records, in insertion order
     */
    public List<ApiLogRecord> records(String orgId) {
        return List.copyOf(orgRecords(orgId));
    }

    /**
     * Adds records to the default organization's log.
     *
     * @param newRecords the records
     */
    public void append(ApiLogRecord... newRecords) {
        append(defaultOrgId, List.of(newRecords));
    }

    /**
     * Adds records to an organization's log.
     *
     * @param orgId the organization
     * @param newRecords the records
     */
    public void append(String orgId, Collection<ApiLogRecord> newRecords) {
        orgRecords(orgId).addAll(newRecords);
    }

    /**
     * Generates and adds deterministic records (from this simulator's seed) to the default organization.
     *
     * @param count how many
     * @param from earliest time, inclusive
     * @param to latest time, exclusive
     * @return the new records
     */
    public List<ApiLogRecord> appendGenerated(int count, Instant from, Instant to) {
        List<ApiLogRecord> generated = generate(count, from, to);
        orgRecords(defaultOrgId).addAll(generated);
        return generated;
    }

    /**
     * Generates one record (from this simulator's seed) at exactly the given time and adds it to
     * the default organization, for example a late one older than the newest record.
     *
     * @param at its time (the export writes it at millisecond precision)
     * @return the new record
     */
    public ApiLogRecord appendAt(Instant at) {
        Objects.requireNonNull(at, "at");
        ApiLogRecord r = generate(1, at, at.plusMillis(1)).get(0);
        orgRecords(defaultOrgId).add(r);
        return r;
    }

    /**
     * Makes the next new log-file generation end in ERROR with {@code message}, after it
     * finished trying: the same request sent again starts a new generation.
     *
     * @param message the error message the status answer carries
     */
    public void failNextExport(String message) {
        synchronized (pendingFailures) {
            pendingFailures.add(new ExportJob.Failure(Objects.requireNonNull(message, "message"), false));
        }
    }

    /**
     * Makes the next new log-file generation fail while RECEIVED/PROCESSING: it ends in ERROR
     * with {@code message} and that exact request stays locked (answered ERROR, no new
     * generation) until its key expires. Only a request differing in some parameter gets through.
     *
     * @param message the error message the status answer carries
     */
    public void failNextExportAndLock(String message) {
        synchronized (pendingFailures) {
            pendingFailures.add(new ExportJob.Failure(Objects.requireNonNull(message, "message"), true));
        }
    }

    /**
     * Makes the next new log-file generation hang: it stays PROCESSING until its key expires, and
     * the same request sent again answers that stuck key (a locked request in its other form).
     */
    public void stallNextExport() {
        synchronized (pendingFailures) {
            pendingFailures.add(new ExportJob.Failure("stalled", false, true));
        }
    }

    /**
     * Queues {@code count} HTTP 429 answers (without {@code Retry-After}) for the next requests
     * to any endpoint.
     *
     * @param count how many requests to refuse
     */
    public void rateLimitNext(int count) {
        for (int i = 0; i < count; i++) {
            injectFault(SERVICE + "/", Fault.status(429, tooManyRequestsBody()));
        }
    }

    /** Forgets every session: the next request with an old token gets HTTP 401. */
    public void expireSessions() {
        sessions.clear();
    }

    /**
     * Moves the simulator's clock forward (sessions, TFA codes and reference keys expire on it).
     *
     * @param amount how far
     */
    public void advanceTime(Duration amount) {
        clockOffset = clockOffset.plus(Objects.requireNonNull(amount, "amount"));
    }

    /** @return the simulator's current time */
    public Instant now() {
        return clock.instant().plus(clockOffset);
    }

    /** @return the TFA code "emailed" last, if any */
    public Optional<String> lastTfaCode() {
        return Optional.ofNullable(lastTfaCode);
    }

    /** @return how many TFA codes were "emailed" (one per first-step login call) */
    public int tfaCodesSent() {
        return tfaCodesSent.get();
    }

    /** @return how many logins succeeded (tokens issued) */
    public int successfulLogins() {
        return logins.get();
    }

    /** @return every token issued so far (so tests can check none leaks into logs) */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    /** @return how many log-file generations were started (identical requests reuse one) */
    public int exportsStarted() {
        return exportsStarted.get();
    }

    /** @return how many export requests were refused because the request was locked */
    public int lockedSubmits() {
        return lockedSubmits.get();
    }

    @Override
    protected void handle(SimExchange ex) throws IOException {
        if (overRateLimit()) {
            respondJson(ex, 429, tooManyRequestsBody());
            return;
        }
        String path = ex.path();
        if (path.equals(LOGIN_PATH)) {
            login(ex);
        } else if (path.equals(TFA_PATH)) {
            tfaCode(ex);
        } else if (path.equals(EXPORT_PATH)) {
            submit(ex);
        } else if (path.startsWith(STATUS_PATH)) {
            status(ex);
        } else {
            respondJson(ex, 404, error("NOT_FOUND", "No resource at " + path));
        }
    }

    // --- login -----------------------------------------------------------------------------

    private void login(SimExchange ex) throws IOException {
        JsonNode body = jsonPut(ex);
        if (body == null) {
            return;
        }
        if (!credentialsMatch(body)) {
            respondJson(ex, 200, loginFailure(INVALID_CREDENTIALS, "Invalid email or password."));
            return;
        }
        if (!tfaEnabled) {
            respondJson(ex, 200, loginSuccess());
            return;
        }
        String deviceId = text(body, "deviceId");
        if (deviceId == null || deviceId.isBlank()) {
            respondJson(ex, 200, loginFailure(TFA_DEVICE_ID_REQUIRED,
                    "Two-factor authentication is enabled for this organization; a deviceId is required."));
            return;
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        tfaCodes.put(deviceId, new TfaCode(code, now().plus(TFA_CODE_LIFETIME)));
        lastTfaCode = code;
        tfaCodesSent.incrementAndGet();
        LOG.debug("jitterbit simulator: emailed a TFA code for a device");
        respondJson(ex, 200, loginFailure(VALIDATE_TFA_LOGIN_EMAIL,
                "Validate your login with authentication code. An email from Jitterbit with the code was sent to you."));
    }

    private void tfaCode(SimExchange ex) throws IOException {
        JsonNode body = jsonPut(ex);
        if (body == null) {
            return;
        }
        if (!credentialsMatch(body)) {
            respondJson(ex, 200, loginFailure(INVALID_CREDENTIALS, "Invalid email or password."));
            return;
        }
        String deviceId = text(body, "deviceId");
        String code = text(body, "code");
        TfaCode expected = deviceId == null ? null : tfaCodes.get(deviceId);
        if (expected == null || code == null || !expected.code.equals(code) || !now().isBefore(expected.expiresAt)) {
            respondJson(ex, 200, loginFailure(INVALID_TFA_CODE, "The authentication code is invalid or has expired."));
            return;
        }
        tfaCodes.remove(deviceId);
        respondJson(ex, 200, loginSuccess());
    }

    private boolean credentialsMatch(JsonNode body) {
        return email.equalsIgnoreCase(Objects.toString(text(body, "email"), ""))
                && password.equals(text(body, "password"));
    }

    private ObjectNode loginSuccess() {
        String token = "1_" + UUID.randomUUID();
        sessions.put(token, now().plusSeconds(sessionTimeoutSeconds));
        issuedTokens.add(token);
        logins.incrementAndGet();
        ObjectNode o = JSON.createObjectNode();
        o.put("status", true);
        o.put("operation", "User login");
        o.put("authenticationToken", token);
        o.put("serverUrl", baseUrl().toString());
        o.put("cloudAppsUrl", baseUrl().toString());
        ArrayNode orgs = o.putArray("orgAttrs");
        organizations.forEach((id, name) -> orgs.addObject()
                .put("orgId", id).put("orgName", name).put("orgZoneUrl", baseUrl().toString()));
        o.put("defaultOrgId", defaultOrgId);
        o.put("sessionTimeoutInSeconds", announcedSessionTimeoutSeconds);
        return o;
    }

    private ObjectNode loginFailure(String code, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", false);
        o.put("operation", "User login");
        o.put("errorCode", code);
        o.put("errorMessage", message);
        o.putNull("authenticationToken");
        o.put("serverUrl", baseUrl().toString());
        o.putArray("orgAttrs");
        o.putNull("defaultOrgId");
        return o;
    }

    // --- export ----------------------------------------------------------------------------

    private void submit(SimExchange ex) throws IOException {
        if (!authenticated(ex)) {
            return;
        }
        JsonNode body = jsonPut(ex);
        if (body == null) {
            return;
        }
        ExportJob.Request request;
        try {
            request = parseRequest(body);
        } catch (IllegalArgumentException e) {
            respondJson(ex, 400, error("BAD_REQUEST", e.getMessage()));
            return;
        }
        if (!organizations.containsKey(request.orgId)) {
            respondJson(ex, 403, error("FORBIDDEN", "The user is not a member of organization " + request.orgId));
            return;
        }
        String key = "debug-log-" + sha256(canonical(body));
        String status;
        synchronized (jobs) {
            ExportJob job = jobs.get(key);
            if (job != null && !job.expired(now()) && job.locked()) {
                lockedSubmits.incrementAndGet();
                status = ExportJob.ERROR;
            } else if (job != null && !job.expired(now()) && !job.finishedWithErrorOrNoData()) {
                status = job.status();
            } else {
                ExportJob.Failure failure;
                synchronized (pendingFailures) {
                    failure = pendingFailures.poll();
                }
                job = new ExportJob(key, request, now(), receivedPolls, processingPolls, failure,
                        () -> orgRecords(request.orgId));
                jobs.put(key, job);
                exportsStarted.incrementAndGet();
                status = job.status();
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("key", key);
        o.put("status", status);
        respondJson(ex, 200, o);
    }

    private void status(SimExchange ex) throws IOException {
        if (!ex.method().equals("GET")) {
            respondJson(ex, 405, error("METHOD_NOT_ALLOWED", "Use GET"));
            return;
        }
        if (!authenticated(ex)) {
            return;
        }
        String rest = ex.path().substring(STATUS_PATH.length());
        int slash = rest.indexOf('/');
        String orgId = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (!organizations.containsKey(orgId)) {
            respondJson(ex, 403, error("FORBIDDEN", "The user is not a member of organization " + orgId));
            return;
        }
        ExportJob job;
        synchronized (jobs) {
            job = jobs.get(key);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("key", key);
        if (job == null || job.expired(now()) || !job.request.orgId.equals(orgId)) {
            o.put("status", ExportJob.INVALID);
            respondJson(ex, 200, o);
            return;
        }
        String status = job.poll();
        if (ExportJob.COMPLETE.equals(status)) {
            sendFile(ex, job);
            return;
        }
        o.put("status", status);
        if (ExportJob.ERROR.equals(status)) {
            o.put("errorMessage", job.errorMessage());
        }
        respondJson(ex, 200, o);
    }

    private void sendFile(SimExchange ex, ExportJob job) throws IOException {
        boolean csv = job.request.csvFormat;
        String contentType = csv ? "text/csv; charset=UTF-8" : "application/json";
        String fileName = job.key + (csv ? ".csv" : ".json");
        if (compression == Compression.GZIP_FILE) {
            contentType = "application/octet-stream";
            fileName += ".gz";
        } else if (compression == Compression.ZIP_PARTS) {
            contentType = "application/zip";
            fileName = job.key + ".zip";
        } else if (compression == Compression.CONTENT_ENCODING) {
            ex.setHeader("Content-Encoding", "gzip");
        }
        ex.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        LogFileWriter writer = new LogFileWriter(timeFormat, jsonLayout, job.request.zone, job.request.retrieveLogMessages);
        List<ApiLogRecord> result = job.result();
        if (compression == Compression.ZIP_PARTS) {
            ex.respondStreaming(200, contentType, out -> writeZipParts(writer, csv, result, out));
            return;
        }
        ex.respondStreaming(200, contentType, out -> {
            boolean gzip = compression != Compression.NONE;
            OutputStream target = gzip ? new GZIPOutputStream(out, 8192) : out;
            if (csv) {
                writer.writeCsv(result, target);
            } else {
                writer.writeJson(result, target);
            }
            if (gzip) {
                ((GZIPOutputStream) target).finish();
            }
            out.flush();
        });
    }

    private static void writeZipParts(LogFileWriter writer, boolean csv, List<ApiLogRecord> records, OutputStream out)
            throws IOException {
        int parts = 3;
        int per = (records.size() + parts - 1) / parts;
        ZipOutputStream zip = new ZipOutputStream(out);
        for (int part = parts; part >= 1; part--) {
            List<ApiLogRecord> slice = records.subList(Math.min(records.size(), (part - 1) * per),
                    Math.min(records.size(), part * per));
            zip.putNextEntry(new ZipEntry("part-" + part + (csv ? ".csv" : ".json")));
            OutputStream entry = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the writer closes what it writes to; the archive stays open for the next part
                }
            };
            if (csv) {
                writer.writeCsv(slice, entry);
            } else {
                writer.writeJson(slice, entry);
            }
            entry.flush();
            zip.closeEntry();
        }
        zip.finish();
        out.flush();
    }

    private ExportJob.Request parseRequest(JsonNode body) {
        String orgId = text(body, "orgId");
        if (orgId == null || orgId.isBlank()) {
            throw new IllegalArgumentException("orgId is required");
        }
        Instant from = requestTime(body, "timeRangeFrom");
        Instant to = requestTime(body, "timeRangeTo");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("timeRangeFrom must not be after timeRangeTo");
        }
        ZoneId zone;
        try {
            String tz = text(body, "clientTimeZone");
            zone = ZoneId.of(tz == null || tz.isBlank() ? "UTC" : tz);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid clientTimeZone: " + text(body, "clientTimeZone"), e);
        }
        QueryStringFilter filter = QueryStringFilter.parse(text(body, "queryString"));
        return new ExportJob.Request(orgId, from, to, zone, filter, bool(body, "ascendSort", false),
                bool(body, "retrieveLogMessages", false), bool(body, "csvFormat", true));
    }

    private static Instant requestTime(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return OffsetDateTime.parse(value, QueryStringFilter.REQUEST_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid " + field + " (expected MM/dd/yyyy HH:mm:ss Z): " + value, e);
        }
    }

    private static boolean bool(JsonNode body, String field, boolean dflt) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        // the vendor documents retrieveLogMessages as a String "true"/"false"
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw new IllegalArgumentException("Invalid " + field + ": expected true or false");
    }

    /** The identity of a request: every parameter as sent, with the documented defaults. */
    private static String canonical(JsonNode body) {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("orgId", "timeRangeFrom", "timeRangeTo", "clientTimeZone", "queryString")) {
            sb.append(f).append('=').append(Objects.toString(text(body, f), "")).append('\n');
        }
        sb.append("ascendSort=").append(bool(body, "ascendSort", false)).append('\n');
        sb.append("retrieveLogMessages=").append(bool(body, "retrieveLogMessages", false)).append('\n');
        sb.append("csvFormat=").append(bool(body, "csvFormat", true)).append('\n');
        return sb.toString();
    }

    // --- plumbing --------------------------------------------------------------------------

    private boolean authenticated(SimExchange ex) throws IOException {
        Optional<String> token = ex.header("authToken");
        Instant expiry = token.map(sessions::get).orElse(null);
        if (expiry == null || !now().isBefore(expiry)) {
            token.ifPresent(sessions::remove);
            respondJson(ex, 401, error("UNAUTHORIZED", "Missing, invalid or expired authToken"));
            return false;
        }
        return true;
    }

    /** Reads a JSON PUT body; answers the error itself and returns null when the request is not one. */
    private JsonNode jsonPut(SimExchange ex) throws IOException {
        if (!ex.method().equals("PUT")) {
            respondJson(ex, 405, error("METHOD_NOT_ALLOWED", "Use PUT"));
            return null;
        }
        if (!ex.header("Content-Type").map(ct -> ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
                .orElse(false)) {
            respondJson(ex, 415, error("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json"));
            return null;
        }
        try {
            JsonNode body = JSON.readTree(ex.request().body());
            if (body == null || !body.isObject()) {
                respondJson(ex, 400, error("BAD_REQUEST", "The body must be a JSON object"));
                return null;
            }
            return body;
        } catch (IOException e) {
            respondJson(ex, 400, error("BAD_REQUEST", "Malformed JSON body"));
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private List<ApiLogRecord> orgRecords(String orgId) {
        List<ApiLogRecord> list = records.get(orgId);
        if (list == null) {
            throw new IllegalArgumentException("unknown organization " + orgId);
        }
        return list;
    }

    private boolean overRateLimit() {
        if (maxRequestsPerSecond <= 0) {
            return false;
        }
        long nowNanos = System.nanoTime();
        synchronized (recentRequests) {
            while (!recentRequests.isEmpty() && nowNanos - recentRequests.peekFirst() > 1_000_000_000L) {
                recentRequests.pollFirst();
            }
            if (recentRequests.size() >= maxRequestsPerSecond) {
                return true;
            }
            recentRequests.addLast(nowNanos);
            return false;
        }
    }

    private static String tooManyRequestsBody() {
        return error("TOO_MANY_REQUESTS", "Too many requests").toString();
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", false);
        o.put("errorCode", code);
        o.put("errorMessage", message);
        return o;
    }

    private static void respondJson(SimExchange ex, int status, Object body) throws IOException {
        ex.respond(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] APIS = {"Customer API", "Orders, v2", "Inventory \"beta\"", "Payments"};
    private static final String[] ENVS = {"Production", "Sandbox"};
    private static final String[] PROFILES = {"OAuth - Okta", "Basic, legacy", "Anonymous", ""};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"};
    private static final String[] URIS = {"/customers/v1/customers", "/orders/v2/items?ids=1,2,3",
        "/inventory/v1/stock/42", "/payments/v1/charge", "/orders/v2/items/\"quoted\""};
    private static final String[] APPS = {"curl/8.4.0", "Mozilla/5.0 (X11; Linux x86_64)", "PostmanRuntime/7.36.0",
        "partner-portal"};
    private static final int[] STATUSES = {200, 200, 200, 200, 201, 204, 400, 401, 403, 404, 500, 503};
    private static final String[] MESSAGES = {"", "OK", "Request failed:\nupstream timeout, gave up after 30s",
        "Validation error: field \"email\" is required", "Forwarded to operation \"Get Orders\", 3 records"};

    private List<ApiLogRecord> generate(int count, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        List<ApiLogRecord> out = new ArrayList<>(count);
        Instant previous = null;
        for (int i = 0; i < count; i++) {
            // about one record in ten shares its millisecond with the previous one
            Instant time = previous != null && random.nextInt(10) == 0
                    ? previous : from.plusMillis((long) (random.nextDouble() * span));
            previous = time;
            int status = STATUSES[random.nextInt(STATUSES.length)];
            out.add(ApiLogRecord.builder()
                    .time(time)
                    .apiName(APIS[random.nextInt(APIS.length)])
                    .envName(ENVS[random.nextInt(ENVS.length)])
                    .authProfile(PROFILES[random.nextInt(PROFILES.length)])
                    .requestId(new UUID(random.nextLong(), random.nextLong()).toString())
                    .requestMethod(METHODS[random.nextInt(METHODS.length)])
                    .requestUri(URIS[random.nextInt(URIS.length)])
                    .responseTime(3 + random.nextInt(5000))
                    .sourceIp("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)))
                    .sourceApp(APPS[random.nextInt(APPS.length)])
                    .statusCode(status)
                    .message(MESSAGES[random.nextInt(MESSAGES.length)])
                    .build());
        }
        out.sort(java.util.Comparator.comparing(ApiLogRecord::time));
        return out;
    }

    private static final class TfaCode {
        final String code;
        final Instant expiresAt;

        TfaCode(String code, Instant expiresAt) {
            this.code = code;
            this.expiresAt = expiresAt;
        }
    }

    /** Configures a {@link JitterbitSimulator}. */
    public static final class Builder {
        private long seed = 1;
        private int entries = 200;
        private Instant spanFrom;
        private Instant spanTo;
        private String email = DEFAULT_EMAIL;
        private String password = DEFAULT_PASSWORD;
        private boolean tfaEnabled;
        private long sessionTimeoutSeconds = 14_400;
        private Long announcedSessionTimeoutSeconds;
        private final Map<String, String> organizations = new LinkedHashMap<>();
        private int receivedPolls = 1;
        private int processingPolls = 1;
        private Compression compression = Compression.NONE;
        private JsonLayout jsonLayout = JsonLayout.ARRAY;
        private TimeFormat timeFormat = TimeFormat.ISO_OFFSET;
        private int maxRequestsPerSecond;
        private Clock clock = Clock.systemUTC();
        private boolean defaultOrganizations = true;

        private Builder() {
            organizations.put(DEFAULT_ORG_ID, "JB Example Company");
            organizations.put("654321", "example@jbexample.com");
        }

        /**
         * @param seed seed of the generated data and TFA codes
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param entries how many records to generate for the default organization
         * @return this builder
         */
        public Builder entries(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("entries must not be negative: " + entries);
            }
            this.entries = entries;
            return this;
        }

        /**
         * Where generated records fall; default the 24 hours before the simulator was built.
         *
         * @param from earliest time, inclusive
         * @param to latest time, exclusive
         * @return this builder
         */
        public Builder span(Instant from, Instant to) {
            if (!Objects.requireNonNull(from, "from").isBefore(Objects.requireNonNull(to, "to"))) {
                throw new IllegalArgumentException("span: from must be before to");
            }
            this.spanFrom = from;
            this.spanTo = to;
            return this;
        }

        /**
         * @param email the accepted login email
         * @param password the accepted password
         * @return this builder
         */
        public Builder user(String email, String password) {
            this.email = Objects.requireNonNull(email, "email");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param tfaEnabled whether the organization enforces two-factor authentication
         * @return this builder
         */
        public Builder tfaEnabled(boolean tfaEnabled) {
            this.tfaEnabled = tfaEnabled;
            return this;
        }

        /**
         * @param seconds the {@code sessionTimeoutInSeconds} of issued tokens (default 14400)
         * @return this builder
         */
        public Builder sessionTimeoutSeconds(long seconds) {
            if (seconds <= 0) {
                throw new IllegalArgumentException("sessionTimeoutSeconds must be positive: " + seconds);
            }
            this.sessionTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Makes the login answer announce a {@code sessionTimeoutInSeconds} other than the real
         * session lifetime ({@link #sessionTimeoutSeconds(long)}), as a misbehaving server might:
         * e.g. {@code 0} while sessions actually live for hours, or {@code Long.MAX_VALUE}.
         *
         * @param seconds the value announced, any number
         * @return this builder
         */
        public Builder announcedSessionTimeoutSeconds(long seconds) {
            this.announcedSessionTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Replaces the samples' two organizations on first call; the first one added is the default.
         *
         * @param orgId the organization id
         * @param orgName its name
         * @return this builder
         */
        public Builder organization(String orgId, String orgName) {
            if (defaultOrganizations) {
                organizations.clear();
                defaultOrganizations = false;
            }
            organizations.put(Objects.requireNonNull(orgId, "orgId"), Objects.requireNonNull(orgName, "orgName"));
            return this;
        }

        /**
         * @param polls how many status polls a new generation answers RECEIVED (default 1)
         * @return this builder
         */
        public Builder pollsWhileReceived(int polls) {
            this.receivedPolls = nonNegative(polls, "pollsWhileReceived");
            return this;
        }

        /**
         * @param polls how many further polls it answers PROCESSING (default 1)
         * @return this builder
         */
        public Builder pollsWhileProcessing(int polls) {
            this.processingPolls = nonNegative(polls, "pollsWhileProcessing");
            return this;
        }

        /**
         * @param compression how COMPLETE files are compressed (default none)
         * @return this builder
         */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /**
         * @param jsonLayout how JSON files lay out records (default one array)
         * @return this builder
         */
        public Builder jsonLayout(JsonLayout jsonLayout) {
            this.jsonLayout = Objects.requireNonNull(jsonLayout, "jsonLayout");
            return this;
        }

        /**
         * @param timeFormat how the {@code time} column is written (default ISO-8601 with offset)
         * @return this builder
         */
        public Builder timeFormat(TimeFormat timeFormat) {
            this.timeFormat = Objects.requireNonNull(timeFormat, "timeFormat");
            return this;
        }

        /**
         * @param max requests per second before HTTP 429 (without Retry-After); 0 for no limit
         * @return this builder
         */
        public Builder maxRequestsPerSecond(int max) {
            this.maxRequestsPerSecond = nonNegative(max, "maxRequestsPerSecond");
            return this;
        }

        /**
         * @param clock the clock sessions, codes and keys expire on (see also {@link JitterbitSimulator#advanceTime})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the simulator, not yet started */
        public JitterbitSimulator build() {
            return new JitterbitSimulator(this);
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
