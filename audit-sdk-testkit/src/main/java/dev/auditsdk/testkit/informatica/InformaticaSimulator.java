package dev.auditsdk.testkit.informatica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful in-process Informatica IDMC (Intelligent Cloud Services) REST API.
 *
 * <ul>
 *   <li>{@code POST /ma/api/v2/user/login} with {@code {"@type":"login","username","password"}}
 *       answers the user object with an {@code icSessionId} and a {@code serverUrl} on another
 *       path ({@code {base}/saas}, like {@code https://na4.dm-us.informaticacloud.com/saas});
 *       every later call must go to that {@code serverUrl}. A wrong password answers a v2 error
 *       object with 403 (or 400, {@link Builder#loginFailureStatus(int) configurable}).</li>
 *   <li>{@code POST /saas/public/core/v3/login} with {@code {"username","password"}} answers
 *       {@code userInfo.sessionId} and {@code products[0].baseApiUrl}; the same session works for
 *       v2 ({@code icSessionId} header) and v3 ({@code INFA-SESSION-ID} header).</li>
 *   <li>Sessions expire after {@link Builder#sessionIdleTimeout(Duration) idle time} (30 minutes
 *       by default), or, in {@link Builder#jwtSessions(Duration) JWT mode}, a fixed time after
 *       login whatever the activity; {@link #expireAllSessions()} ends them at once.</li>
 *   <li>{@code GET {serverUrl}/api/v2/auditlog?batchId=&batchSize=}: newest first, batch 0 is the
 *       newest; without parameters the newest 200. No time filter. Entries appended while a
 *       client reads shift every later batch ({@link #appendAuditEntries(int)},
 *       {@link #appendOnEachAuditLogRequest(int)}).</li>
 *   <li>{@code GET {serverUrl}/public/core/v3/securityLog?q=entryTime>="..";entryTime<=".."}
 *       (both bounds inclusive, at most 14 days, {@code limit} 100..1,000, default 200,
 *       {@code skip}), newest first, wrapped as {@code {"entries":[...]}}.</li>
 *   <li>{@code POST {serverUrl}/api/v2/user/logout}, {@code POST {serverUrl}/api/v2/user/validSessionId},
 *       {@code POST {serverUrl}/public/core/v3/logout}.</li>
 *   <li>Errors: v2 resources answer {@code {"@type":"error","code","description","statusCode"}},
 *       v3 resources {@code {"error":{"code","message","requestId","details"}}}.</li>
 * </ul>
 *
 * <p>Data is generated deterministically from {@link Builder#seed(long)}. Thread-safe.
 */
public final class InformaticaSimulator extends SimulatorServer {
    private static final Logger LOG = LoggerFactory.getLogger(InformaticaSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Path of the v2 login on the login host. */
    public static final String V2_LOGIN_PATH = "/ma/api/v2/user/login";
    /** Path of the v3 login on the login host. */
    public static final String V3_LOGIN_PATH = "/saas/public/core/v3/login";
    /** Default path of the {@code serverUrl} / {@code baseApiUrl} the logins hand out. */
    public static final String DEFAULT_SERVER_PATH = "/saas";
    /** v2 resource path under the server URL. */
    public static final String AUDIT_LOG_PATH = "/api/v2/auditlog";
    /** v2 logout path under the server URL. */
    public static final String V2_LOGOUT_PATH = "/api/v2/user/logout";
    /** v2 session check path under the server URL. */
    public static final String V2_VALID_SESSION_PATH = "/api/v2/user/validSessionId";
    /** v3 security log path under the base API URL. */
    public static final String SECURITY_LOG_PATH = "/public/core/v3/securityLog";
    /** v3 logout path under the base API URL. */
    public static final String V3_LOGOUT_PATH = "/public/core/v3/logout";

    /** Error code of a refused login (the documented v2 example). */
    public static final String CODE_BAD_CREDENTIALS = "UI_10000";
    /** Error code of a missing, unknown or expired session (simulator's choice). */
    public static final String CODE_INVALID_SESSION = "AUTH_01";
    /** Error code of a malformed request (simulator's choice). */
    public static final String CODE_INVALID_REQUEST = "UI_10001";
    /** Error code of an unknown resource (simulator's choice). */
    public static final String CODE_NOT_FOUND = "UI_10404";

    /** Number of entries {@code /api/v2/auditlog} returns without batch parameters. */
    public static final int DEFAULT_AUDIT_BATCH = 200;
    /** Number of entries the security log returns without {@code limit}. */
    public static final int DEFAULT_SECURITY_LIMIT = 200;
    /** The smallest {@code limit} the security log accepts. */
    public static final int MIN_SECURITY_LIMIT = 100;
    /** The largest date range one security-log request may span. */
    public static final Duration MAX_SECURITY_RANGE = Duration.ofDays(14);

    private static final Pattern CLAUSE = Pattern.compile("^\\s*(\\w+)\\s*(>=|=>|<=|==|!=|>|<)\\s*(.*?)\\s*$");
    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private final Builder config;
    private final Random random;
    private final List<InformaticaAuditRecord> audit = new ArrayList<>();
    private final List<InformaticaSecurityRecord> security = new ArrayList<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private final AtomicInteger rejectedSessions = new AtomicInteger();
    private final String orgId;
    private long nextAuditId;
    private long nextSecurityId;

    private InformaticaSimulator(Builder b) {
        super("informatica");
        this.config = b;
        this.random = new Random(b.seed);
        this.orgId = String.format("%06X", random.nextInt(0xFFFFFF));
        generateAudit(b.auditEntries, b.endingAt.minus(b.span), b.endingAt);
        generateSecurity(b.securityEntries, b.endingAt.minus(b.span), b.endingAt);
    }

    /** @return a builder with documented defaults and seed 1 */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public InformaticaSimulator start() {
        super.start();
        return this;
    }

    /** @return the login host URL (what a client's {@code region}/{@code loginUrl} points at) */
    public URI loginUrl() {
        return baseUrl();
    }

    /** @return the {@code serverUrl} (v2) and {@code baseApiUrl} (v3) the logins hand out */
    public URI serverUrl() {
        return URI.create("http://" + config.serverHost + ":" + port() + config.serverPath);
    }

    /** @return the user name that logs in successfully */
    public String username() {
        return config.username;
    }

    /** @return the password that logs in successfully (test data, not a real secret) */
    public String password() {
        return config.password;
    }

    /** @return the organization id of the generated data */
    public String orgId() {
        return orgId;
    }

    // ---------------------------------------------------------------- data access

    /** @return every audit-log entry, oldest first */
    public List<InformaticaAuditRecord> auditEntries() {
        synchronized (audit) {
            return new ArrayList<>(audit);
        }
    }

    /**
     * @param from inclusive start
     * @param to exclusive end
     * @return the audit-log entries with {@code from <= time < to}, oldest first
     */
    public List<InformaticaAuditRecord> auditEntries(Instant from, Instant to) {
        List<InformaticaAuditRecord> out = new ArrayList<>();
        for (InformaticaAuditRecord r : auditEntries()) {
            if (!r.time().isBefore(from) && r.time().isBefore(to)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Appends new entries, newer than (or as new as) the newest one: they take batch 0 and push
     * every older entry into a later batch, as on the real service.
     *
     * @param count how many
     * @return the new entries, oldest first
     */
    public List<InformaticaAuditRecord> appendAuditEntries(int count) {
        List<InformaticaAuditRecord> added = new ArrayList<>();
        synchronized (audit) {
            Instant t = audit.isEmpty() ? config.endingAt : audit.get(audit.size() - 1).time();
            for (int i = 0; i < count; i++) {
                t = t.plusMillis(random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(1_000));
                InformaticaAuditRecord r = randomAuditRecord(t);
                audit.add(r);
                added.add(r);
            }
        }
        return added;
    }

    /**
     * Adds one entry at its own time (for example a late one, older than the newest), keeping the
     * log ordered by time; entries with equal times keep insertion order.
     *
     * @param record the entry
     */
    public void addAuditEntry(InformaticaAuditRecord record) {
        Objects.requireNonNull(record, "record");
        synchronized (audit) {
            int i = audit.size();
            while (i > 0 && audit.get(i - 1).time().isAfter(record.time())) {
                i--;
            }
            audit.add(i, record);
        }
    }

    /**
     * Generates one audit-log entry at a given time (for example a late one, older than the
     * newest) and adds it at its place, see {@link #addAuditEntry(InformaticaAuditRecord)}.
     *
     * @param at its time
     * @return the new entry
     */
    public InformaticaAuditRecord addAuditEntryAt(Instant at) {
        Objects.requireNonNull(at, "at");
        synchronized (audit) {
            InformaticaAuditRecord r = randomAuditRecord(at);
            addAuditEntry(r);
            return r;
        }
    }

    /**
     * Makes the log grow while it is read: before every {@code /api/v2/auditlog} request,
     * {@code count} new entries are appended.
     *
     * @param count entries per request
     */
    public void appendOnEachAuditLogRequest(int count) {
        beforeEachRequest(r -> {
            if (r.path().equals(config.serverPath + AUDIT_LOG_PATH)) {
                appendAuditEntries(count);
            }
        });
    }

    /** @return every security-log entry, oldest first */
    public List<InformaticaSecurityRecord> securityEntries() {
        synchronized (security) {
            return new ArrayList<>(security);
        }
    }

    /**
     * @param from inclusive start
     * @param to exclusive end
     * @return the security-log entries with {@code from <= time < to}, oldest first
     */
    public List<InformaticaSecurityRecord> securityEntries(Instant from, Instant to) {
        List<InformaticaSecurityRecord> out = new ArrayList<>();
        for (InformaticaSecurityRecord r : securityEntries()) {
            if (!r.time().isBefore(from) && r.time().isBefore(to)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Adds {@code count} generated security-log entries that all share one instant (a burst).
     *
     * @param at their time
     * @param count how many
     * @return the new entries
     */
    public List<InformaticaSecurityRecord> addSecurityEntries(Instant at, int count) {
        List<InformaticaSecurityRecord> added = new ArrayList<>();
        synchronized (security) {
            for (int i = 0; i < count; i++) {
                InformaticaSecurityRecord r = randomSecurityRecord(at);
                insertSecurity(r);
                added.add(r);
            }
        }
        return added;
    }

    /**
     * Adds one security-log entry, keeping the log ordered by time.
     *
     * @param record the entry
     */
    public void addSecurityEntry(InformaticaSecurityRecord record) {
        Objects.requireNonNull(record, "record");
        synchronized (security) {
            insertSecurity(record);
        }
    }

    // ---------------------------------------------------------------- sessions

    /** Ends every session now, as if each had been idle too long. */
    public void expireAllSessions() {
        sessions.clear();
    }

    /** @return successful logins (v2 and v3) so far */
    public int loginCount() {
        return logins.get();
    }

    /** @return successful logouts so far */
    public int logoutCount() {
        return logouts.get();
    }

    /** @return requests refused because their session was missing, unknown or expired */
    public int rejectedSessionCount() {
        return rejectedSessions.get();
    }

    /** @return sessions currently alive (expired ones may still be counted until next used) */
    public int activeSessionCount() {
        return sessions.size();
    }

    // ---------------------------------------------------------------- HTTP

    @Override
    protected void handle(SimExchange ex) throws IOException {
        String path = ex.path();
        String method = ex.method();
        String server = config.serverPath;
        if (path.equals(V2_LOGIN_PATH)) {
            requirePost(ex, false, () -> loginV2(ex));
        } else if (path.equals(V3_LOGIN_PATH)) {
            requirePost(ex, true, () -> loginV3(ex));
        } else if (path.equals(server + AUDIT_LOG_PATH)) {
            if (!"GET".equals(method)) {
                v2Error(ex, 405, CODE_INVALID_REQUEST, "Method " + method + " is not supported.");
            } else {
                withSession(ex, "icSessionId", false, s -> auditLog(ex));
            }
        } else if (path.equals(server + SECURITY_LOG_PATH)) {
            if (!"GET".equals(method)) {
                v3Error(ex, 405, CODE_INVALID_REQUEST, "Method " + method + " is not supported.");
            } else {
                withSession(ex, "INFA-SESSION-ID", true, s -> securityLog(ex));
            }
        } else if (path.equals(server + V2_LOGOUT_PATH)) {
            requirePost(ex, false, () -> withSession(ex, "icSessionId", false, s -> logout(ex, s)));
        } else if (path.equals(server + V3_LOGOUT_PATH)) {
            requirePost(ex, true, () -> withSession(ex, "INFA-SESSION-ID", true, s -> logout(ex, s)));
        } else if (path.equals(server + V2_VALID_SESSION_PATH)) {
            requirePost(ex, false, () -> validSession(ex));
        } else if (path.contains("/public/core/v3/")) {
            v3Error(ex, 404, CODE_NOT_FOUND, "Resource not found: " + path);
        } else {
            v2Error(ex, 404, CODE_NOT_FOUND, "Resource not found: " + path);
        }
    }

    private void loginV2(SimExchange ex) throws IOException {
        JsonNode body = parseBody(ex);
        if (body == null || !body.isObject()) {
            v2Error(ex, 400, CODE_INVALID_REQUEST, "The request body is not a valid login object.");
            return;
        }
        if (!"login".equals(body.path("@type").asText(null))) {
            v2Error(ex, 400, CODE_INVALID_REQUEST, "Missing or wrong @type; expected 'login'.");
            return;
        }
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        if (username.isEmpty() || password.isEmpty() || username.length() > 255 || password.length() > 255) {
            v2Error(ex, 400, CODE_INVALID_REQUEST, "username and password are required, at most 255 characters each.");
            return;
        }
        if (!username.equals(config.username) || !password.equals(config.password)) {
            LOG.debug("informatica simulator: refused a v2 login");
            v2Error(ex, config.loginFailureStatus, CODE_BAD_CREDENTIALS, "User name or password is not valid.");
            return;
        }
        Session s = newSession(username);
        ObjectNode user = MAPPER.createObjectNode();
        user.put("@type", "user");
        user.put("id", orgId + "03000000000001");
        user.put("orgId", orgId);
        user.put("orgUuid", "5hQy3iLeLBHlMh1pQE9Mb6");
        user.put("name", username);
        user.put("firstName", "Audit");
        user.put("lastName", "Reader");
        user.put("timezone", "America/New_York");
        user.put("serverUrl", serverUrl().toString());
        user.put("icSessionId", s.id);
        user.put("spiUrl", serverUrl().toString().replace("/saas", "/saas/spi"));
        user.put("uuid", "3XqkvyPmXVBl3yC0P3ZZDM");
        json(ex, 200, user);
    }

    private void loginV3(SimExchange ex) throws IOException {
        JsonNode body = parseBody(ex);
        if (body == null || !body.isObject()) {
            v3Error(ex, 400, CODE_INVALID_REQUEST, "The request body is not a valid login object.");
            return;
        }
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        if (!username.equals(config.username) || !password.equals(config.password)) {
            LOG.debug("informatica simulator: refused a v3 login");
            v3Error(ex, config.loginFailureStatus, CODE_BAD_CREDENTIALS, "Invalid user name or password.");
            return;
        }
        Session s = newSession(username);
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode product = out.putArray("products").addObject();
        product.put("name", "Integration Cloud");
        product.put("baseApiUrl", serverUrl().toString());
        ObjectNode info = out.putObject("userInfo");
        info.put("sessionId", s.id);
        info.put("id", orgId + "03000000000001");
        info.put("name", username);
        info.put("parentOrgId", orgId);
        info.put("orgId", orgId);
        info.put("orgName", "Simulated Org");
        info.put("status", "Active");
        json(ex, 200, out);
    }

    private void logout(SimExchange ex, Session s) throws IOException {
        sessions.remove(s.id);
        logouts.incrementAndGet();
        ex.respond(200, "application/json", new byte[0]);
    }

    private void validSession(SimExchange ex) throws IOException {
        JsonNode body = parseBody(ex);
        if (body == null || !"validatedToken".equals(body.path("@type").asText(null))) {
            v2Error(ex, 400, CODE_INVALID_REQUEST, "Missing or wrong @type; expected 'validatedToken'.");
            return;
        }
        Session s = sessions.get(body.path("icToken").asText(""));
        Instant now = config.clock.instant();
        boolean valid = s != null && !s.expired(now) && s.username.equals(body.path("userName").asText(""));
        ObjectNode out = MAPPER.createObjectNode();
        out.put("@type", "validatedToken");
        out.put("timeUntilExpire", valid ? Math.max(0, s.remaining(now).toMinutes()) : 0);
        out.put("isValidToken", valid);
        json(ex, 200, out);
    }

    private void auditLog(SimExchange ex) throws IOException {
        Optional<String> batchIdParam = ex.queryParam("batchId");
        if (config.ignoreBatchId && batchIdParam.isPresent()) {
            batchIdParam = Optional.of("0"); // a broken server: every batch is the newest one, whatever its id
        }
        Optional<String> batchSizeParam = ex.queryParam("batchSize");
        int batchId = 0;
        int batchSize = DEFAULT_AUDIT_BATCH;
        if (batchIdParam.isPresent() || batchSizeParam.isPresent()) {
            if (batchIdParam.isEmpty() || batchSizeParam.isEmpty()) {
                v2Error(ex, 400, CODE_INVALID_REQUEST, "batchId and batchSize are both required.");
                return;
            }
            try {
                batchId = Integer.parseInt(batchIdParam.get());
                batchSize = Integer.parseInt(batchSizeParam.get());
            } catch (NumberFormatException e) {
                v2Error(ex, 400, CODE_INVALID_REQUEST, "batchId and batchSize must be integers.");
                return;
            }
            if (batchId < 0 || batchSize <= 0) {
                v2Error(ex, 400, CODE_INVALID_REQUEST, "batchId must be 0 or more and batchSize 1 or more.");
                return;
            }
            if (batchSize > config.maxBatchSize) {
                v2Error(ex, 400, CODE_INVALID_REQUEST, "batchSize must not exceed " + config.maxBatchSize + ".");
                return;
            }
        }
        List<InformaticaAuditRecord> page = new ArrayList<>();
        synchronized (audit) {
            long first = (long) batchId * batchSize; // 0 = newest
            for (long k = first; k < first + batchSize && k < audit.size(); k++) {
                page.add(audit.get(audit.size() - 1 - (int) k));
            }
        }
        ArrayNode out = MAPPER.createArrayNode();
        page.forEach(r -> out.add(r.toJson(config.easternWithOffset)));
        json(ex, 200, out);
    }

    private void securityLog(SimExchange ex) throws IOException {
        Instant now = config.clock.instant();
        Instant lower = now.minus(Duration.ofDays(1));
        boolean lowerInclusive = true;
        Instant upper = now;
        boolean upperInclusive = true;
        List<Predicate<InformaticaSecurityRecord>> filters = new ArrayList<>();
        Optional<String> q = ex.queryParam("q");
        if (q.isPresent()) {
            lower = null;
            upper = null;
            for (String clause : q.get().split(";")) {
                if (clause.isBlank()) {
                    continue;
                }
                Matcher m = CLAUSE.matcher(clause);
                if (!m.matches()) {
                    v3Error(ex, 400, CODE_INVALID_REQUEST, "Cannot parse query clause: " + clause);
                    return;
                }
                String field = m.group(1);
                String op = m.group(2);
                String value = unquote(m.group(3));
                if (field.equals("entryTime")) {
                    Instant t;
                    try {
                        t = QUERY_TIME.parse(value, Instant::from);
                    } catch (DateTimeParseException e) {
                        v3Error(ex, 400, CODE_INVALID_REQUEST, "Invalid entryTime: " + value);
                        return;
                    }
                    switch (op) {
                        case ">=":
                        case "=>":
                        case ">":
                            lower = t;
                            lowerInclusive = !op.equals(">");
                            break;
                        case "<=":
                        case "<":
                            upper = t;
                            upperInclusive = op.equals("<=");
                            break;
                        case "==":
                            lower = t;
                            upper = t;
                            break;
                        default:
                            v3Error(ex, 400, CODE_INVALID_REQUEST, "Operator " + op + " is not supported for entryTime.");
                            return;
                    }
                } else if (field.equals("actor") || field.equals("actionCategory") || field.equals("objectName")) {
                    if (!op.equals("==") && !op.equals("!=")) {
                        v3Error(ex, 400, CODE_INVALID_REQUEST, "Operator " + op + " is not supported for " + field + ".");
                        return;
                    }
                    boolean equal = op.equals("==");
                    filters.add(r -> equal == value.equals(fieldOf(r, field)));
                } else {
                    v3Error(ex, 400, CODE_INVALID_REQUEST, "Unknown query field: " + field);
                    return;
                }
            }
            if (lower == null || upper == null) {
                v3Error(ex, 400, CODE_INVALID_REQUEST, "A valid entryTime range with a start and an end is required.");
                return;
            }
            if (Duration.between(lower, upper).compareTo(MAX_SECURITY_RANGE) > 0) {
                v3Error(ex, 400, CODE_INVALID_REQUEST, "The maximum date range is 14 days.");
                return;
            }
            if (upper.isBefore(lower)) {
                v3Error(ex, 400, CODE_INVALID_REQUEST, "The entryTime range ends before it starts.");
                return;
            }
        }
        int limit = DEFAULT_SECURITY_LIMIT;
        int skip = 0;
        try {
            if (ex.queryParam("limit").isPresent()) {
                limit = Integer.parseInt(ex.queryParam("limit").get());
            }
            if (ex.queryParam("skip").isPresent()) {
                skip = Integer.parseInt(ex.queryParam("skip").get());
            }
        } catch (NumberFormatException e) {
            v3Error(ex, 400, CODE_INVALID_REQUEST, "skip and limit must be integers.");
            return;
        }
        if (config.ignoreSecurityLogLimit) {
            limit = DEFAULT_SECURITY_LIMIT; // a server without paging: its own page, whatever was asked
        } else if (limit < MIN_SECURITY_LIMIT || limit > config.securityLogMaxRows) {
            v3Error(ex, 400, CODE_INVALID_REQUEST,
                    "limit must be between " + MIN_SECURITY_LIMIT + " and " + config.securityLogMaxRows + ".");
            return;
        }
        if (skip < 0) {
            v3Error(ex, 400, CODE_INVALID_REQUEST, "skip must not be negative.");
            return;
        }
        if (config.ignoreSecurityLogSkip) {
            skip = 0; // a broken server: every answer starts at the first row
        }
        List<InformaticaSecurityRecord> matching = new ArrayList<>();
        for (InformaticaSecurityRecord r : securityEntries()) {
            Instant t = r.time();
            boolean afterLower = lowerInclusive ? !t.isBefore(lower) : t.isAfter(lower);
            boolean beforeUpper = upperInclusive ? !t.isAfter(upper) : t.isBefore(upper);
            if (afterLower && beforeUpper && filters.stream().allMatch(f -> f.test(r))) {
                matching.add(r);
            }
        }
        // Newest first, ties in a stable order so that skip pages do not overlap.
        matching.sort(Comparator.comparing(InformaticaSecurityRecord::time)
                .thenComparing(InformaticaSecurityRecord::id).reversed());
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode entries = out.putArray("entries");
        for (int i = skip; i < matching.size() && i < skip + limit; i++) {
            entries.add(matching.get(i).toJson());
        }
        json(ex, 200, out);
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface SessionAction {
        void run(Session s) throws IOException;
    }

    private void requirePost(SimExchange ex, boolean v3, Action action) throws IOException {
        if (!"POST".equals(ex.method())) {
            if (v3) {
                v3Error(ex, 405, CODE_INVALID_REQUEST, "Method " + ex.method() + " is not supported.");
            } else {
                v2Error(ex, 405, CODE_INVALID_REQUEST, "Method " + ex.method() + " is not supported.");
            }
            return;
        }
        action.run();
    }

    private void withSession(SimExchange ex, String header, boolean v3, SessionAction action) throws IOException {
        Instant now = config.clock.instant();
        Session s = ex.header(header).map(sessions::get).orElse(null);
        if (s != null && s.expired(now)) {
            sessions.remove(s.id);
            s = null;
        }
        if (s == null) {
            rejectedSessions.incrementAndGet();
            String message = "Invalid session. Please log in again.";
            if (v3) {
                v3Error(ex, 401, CODE_INVALID_SESSION, message);
            } else {
                v2Error(ex, 401, CODE_INVALID_SESSION, message);
            }
            return;
        }
        s.lastUsed = now;
        action.run(s);
    }

    private Session newSession(String username) {
        Instant now = config.clock.instant();
        String id;
        Instant hardExpiry = null;
        if (config.jwtLifetime != null) {
            hardExpiry = now.plus(config.jwtLifetime);
            id = jwt(username, now, hardExpiry);
        } else {
            id = randomToken(22);
        }
        Session s = new Session(id, username, now, hardExpiry, config.idleTimeout);
        sessions.put(id, s);
        logins.incrementAndGet();
        return s;
    }

    private static String jwt(String username, Instant issued, Instant expiry) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = enc.encodeToString(("{\"sub\":\"" + username.replace("\"", "") + "\",\"iat\":"
                + issued.getEpochSecond() + ",\"exp\":" + expiry.getEpochSecond() + ",\"jti\":\"" + randomToken(16)
                + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + randomToken(342);
    }

    private static String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static JsonNode parseBody(SimExchange ex) {
        try {
            return MAPPER.readTree(ex.request().body());
        } catch (IOException e) {
            return null;
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String fieldOf(InformaticaSecurityRecord r, String field) {
        switch (field) {
            case "actor":
                return r.actor();
            case "actionCategory":
                return r.actionCategory();
            default:
                return r.objectName();
        }
    }

    private static void json(SimExchange ex, int status, JsonNode body) throws IOException {
        try {
            ex.respond(status, "application/json;charset=UTF-8", MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void v2Error(SimExchange ex, int status, String code, String description) throws IOException {
        ObjectNode err = MAPPER.createObjectNode();
        err.put("@type", "error");
        err.put("code", code);
        err.put("description", description);
        err.put("statusCode", status);
        json(ex, status, err);
    }

    private static void v3Error(SimExchange ex, int status, String code, String message) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("code", code);
        err.put("message", message);
        err.put("requestId", randomToken(22));
        err.putNull("details");
        json(ex, status, root);
    }

    // ---------------------------------------------------------------- data generation

    private static final String[] USERS = {
        "ana.admin@example.com", "bo.builder@example.com", "cy.operator@example.com", "di.auditor@example.com",
        "ed.integration@example.com", "svc.scheduler@example.com"
    };
    private static final String[][] AUDIT_KINDS = {
        // category, events..., weight via repetition
        {"AUTH", "LOGIN", "LOGOUT"},
        {"AUTH", "LOGIN"},
        {"USER", "CREATE", "UPDATE", "DELETE", "DISABLE"},
        {"USER_GROUP", "CREATE", "UPDATE", "DELETE"},
        {"ORG", "UPDATE"},
        {"OBJECT_ACL", "UPDATE_PERMISSION"},
        {"DTEMPLATE", "CREATE", "UPDATE", "DELETE", "EXPORT", "IMPORT"},
        {"MTT", "CREATE", "UPDATE", "RUN", "STOP"},
        {"CONNECTION", "CREATE", "UPDATE", "DELETE", "ENCRYPT"},
        {"AGENT", "REGISTER", "DEREGISTER", "UPDATE"},
        {"SCHEDULE", "CREATE", "UPDATE"},
        {"TASKFLOW", "PUBLISH", "RUN"},
        {"RUNTIME_ENVIRONMENT", "CREATE", "UPDATE"},
    };
    private static final String[][] SECURITY_KINDS = {
        {"LOGIN", "USER_LOGIN", "USER_LOGOUT", "USER_LOGIN_FAILED"},
        {"LOGIN", "USER_LOGIN"},
        {"USER", "CREATE", "UPDATE", "DELETE"},
        {"USER_GROUP", "CREATE", "UPDATE", "DELETE"},
        {"ROLE", "CREATE", "UPDATE"},
        {"AGENT", "CREATE", "UPDATE"},
        {"ORG", "UPDATE"},
    };

    private void generateAudit(int count, Instant start, Instant end) {
        for (Instant t : spreadTimes(count, start, end)) {
            audit.add(randomAuditRecord(t));
        }
    }

    private void generateSecurity(int count, Instant start, Instant end) {
        for (Instant t : spreadTimes(count, start, end)) {
            security.add(randomSecurityRecord(t));
        }
    }

    /** Ascending times in {@code [start, end]}, about one in ten equal to its predecessor. */
    private List<Instant> spreadTimes(int count, Instant start, Instant end) {
        if (count <= 0) {
            return Collections.emptyList();
        }
        long[] gaps = new long[count];
        long total = 0;
        for (int i = 1; i < count; i++) {
            gaps[i] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(1_000);
            total += gaps[i];
        }
        long spanMs = Duration.between(start, end).toMillis();
        List<Instant> times = new ArrayList<>(count);
        long acc = 0;
        for (int i = 0; i < count; i++) {
            acc += gaps[i];
            long offset = total == 0 ? spanMs : Math.round((double) acc * spanMs / total);
            times.add(start.plusMillis(offset));
        }
        return times;
    }

    private InformaticaAuditRecord randomAuditRecord(Instant t) {
        String[] kind = AUDIT_KINDS[random.nextInt(AUDIT_KINDS.length)];
        String category = kind[0];
        String event = kind[1 + random.nextInt(kind.length - 1)];
        String user = USERS[random.nextInt(USERS.length)];
        String id = orgId + String.format("0B%014X", ++nextAuditId);
        String objectId = category.equals("AUTH") ? null : orgId + String.format("%02X%014X", kind.length, random.nextInt(1 << 20));
        String objectName;
        String message;
        if (category.equals("AUTH")) {
            objectName = user;
            message = event.equals("LOGOUT") ? "User " + user + " logged out." : "User " + user + " logged in.";
        } else if (category.equals("USER")) {
            objectName = USERS[random.nextInt(USERS.length)];
            message = "User " + objectName + " " + event.toLowerCase(java.util.Locale.ROOT) + "d.";
        } else {
            objectName = category.toLowerCase(java.util.Locale.ROOT) + "_" + random.nextInt(500);
            message = category + " " + objectName + ": " + event;
        }
        String eventParam;
        if (random.nextInt(20) == 0) {
            StringBuilder sb = new StringBuilder("fields=");
            while (sb.length() < 1_600) {
                sb.append("column_").append(random.nextInt(10_000)).append(',');
            }
            eventParam = sb.toString();
        } else {
            eventParam = "name=" + objectName + (objectId == null ? "" : ", id=" + objectId);
        }
        return new InformaticaAuditRecord(id, 1 + random.nextInt(3), orgId, user, t, objectId, objectName, category,
                event, eventParam, message);
    }

    private InformaticaSecurityRecord randomSecurityRecord(Instant t) {
        String[] kind = SECURITY_KINDS[random.nextInt(SECURITY_KINDS.length)];
        String user = USERS[random.nextInt(USERS.length)];
        String id = orgId + String.format("0S%014X", ++nextSecurityId);
        boolean login = kind[0].equals("LOGIN");
        String objectName = login ? user : kind[0].toLowerCase(java.util.Locale.ROOT) + "_" + random.nextInt(200);
        String objectId = orgId + String.format("%02X%014X", kind.length, random.nextInt(1 << 20));
        return new InformaticaSecurityRecord(id, orgId, user, t, objectId, objectName, kind[0],
                kind[1 + random.nextInt(kind.length - 1)]);
    }

    private void insertSecurity(InformaticaSecurityRecord r) {
        int i = security.size();
        while (i > 0 && security.get(i - 1).time().isAfter(r.time())) {
            i--;
        }
        security.add(i, r);
    }

    private static final class Session {
        final String id;
        final String username;
        final Instant hardExpiry;
        final Duration idleTimeout;
        volatile Instant lastUsed;

        Session(String id, String username, Instant created, Instant hardExpiry, Duration idleTimeout) {
            this.id = id;
            this.username = username;
            this.hardExpiry = hardExpiry;
            this.idleTimeout = idleTimeout;
            this.lastUsed = created;
        }

        boolean expired(Instant now) {
            if (hardExpiry != null) {
                return !now.isBefore(hardExpiry);
            }
            return now.isAfter(lastUsed.plus(idleTimeout));
        }

        Duration remaining(Instant now) {
            return Duration.between(now, hardExpiry != null ? hardExpiry : lastUsed.plus(idleTimeout));
        }
    }

    /** Configures an {@link InformaticaSimulator}. */
    public static final class Builder {
        private long seed = 1;
        private int auditEntries = 500;
        private int securityEntries = 300;
        private Instant endingAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        private Duration span = Duration.ofDays(7);
        private String username = "auditor@example.com";
        private String password = "s3cr3t-Pa55word!";
        private Duration idleTimeout = Duration.ofMinutes(30);
        private Duration jwtLifetime;
        private int loginFailureStatus = 403;
        private String serverPath = DEFAULT_SERVER_PATH;
        private String serverHost = "127.0.0.1";
        private int maxBatchSize = Integer.MAX_VALUE;
        private int securityLogMaxRows = 1_000;
        private boolean easternWithOffset;
        private boolean ignoreBatchId;
        private boolean ignoreSecurityLogSkip;
        private boolean ignoreSecurityLogLimit;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param seed the seed of the generated data; equal seeds give equal data
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param count how many audit-log entries to generate (default 500)
         * @return this builder
         */
        public Builder auditEntries(int count) {
            this.auditEntries = requireNonNegative(count, "count");
            return this;
        }

        /**
         * @param count how many security-log entries to generate (default 300)
         * @return this builder
         */
        public Builder securityEntries(int count) {
            this.securityEntries = requireNonNegative(count, "count");
            return this;
        }

        /**
         * @param end the time of the newest generated entry (default: now, to the second)
         * @return this builder
         */
        public Builder endingAt(Instant end) {
            this.endingAt = Objects.requireNonNull(end, "end").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            return this;
        }

        /**
         * @param span how far back the generated entries reach (default 7 days)
         * @return this builder
         */
        public Builder span(Duration span) {
            this.span = Objects.requireNonNull(span, "span");
            return this;
        }

        /**
         * @param username the user name that may log in
         * @param password its password
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param timeout how long a session may stay unused before it expires (default 30 minutes)
         * @return this builder
         */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Switches to JWT sessions: the session id is a JWT (with an {@code exp} claim) that expires
         * {@code lifetime} after login, however active the session is.
         *
         * @param lifetime how long a session lives
         * @return this builder
         */
        public Builder jwtSessions(Duration lifetime) {
            this.jwtLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param status HTTP status of a refused login: 403 (default) or 400, both seen in practice
         * @return this builder
         */
        public Builder loginFailureStatus(int status) {
            if (status != 400 && status != 401 && status != 403) {
                throw new IllegalArgumentException("status must be 400, 401 or 403, was " + status);
            }
            this.loginFailureStatus = status;
            return this;
        }

        /**
         * @param path the path of the {@code serverUrl} the login hands out (default {@code /saas})
         * @return this builder
         */
        public Builder serverPath(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.endsWith("/") || path.equals("/ma")) {
                throw new IllegalArgumentException("path must start with '/', not end with it, and not be /ma: " + path);
            }
            this.serverPath = path;
            return this;
        }

        /**
         * @param host the host name put in the {@code serverUrl} (default {@code 127.0.0.1}; e.g.
         *     {@code localhost} to make it a different host than the login URL)
         * @return this builder
         */
        public Builder serverHost(String host) {
            this.serverHost = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param max the largest {@code batchSize} accepted; larger ones get a 400 error
         *     (default: unlimited, the limit is not documented)
         * @return this builder
         */
        public Builder maxBatchSize(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("max must be positive, was " + max);
            }
            this.maxBatchSize = max;
            return this;
        }

        /**
         * @param max the row cap of one security-log answer, i.e. the largest {@code limit} (default 1,000)
         * @return this builder
         */
        public Builder securityLogMaxRows(int max) {
            if (max < MIN_SECURITY_LIMIT) {
                throw new IllegalArgumentException("max must be at least " + MIN_SECURITY_LIMIT + ", was " + max);
            }
            this.securityLogMaxRows = max;
            return this;
        }

        /**
         * @param withOffset true to write {@code entryTime} with its Eastern offset
         *     ({@code -05:00}); false (default) to write the Eastern wall-clock time with a literal
         *     {@code Z}, like every v2 date
         * @return this builder
         */
        public Builder easternTimeWithOffset(boolean withOffset) {
            this.easternWithOffset = withOffset;
            return this;
        }

        /**
         * Makes the audit log misbehave like a server that ignores {@code batchId}: every request
         * answers the newest batch of the requested {@code batchSize}.
         *
         * @param ignore true for the broken behaviour; default false
         * @return this builder
         */
        public Builder ignoreBatchId(boolean ignore) {
            this.ignoreBatchId = ignore;
            return this;
        }

        /**
         * Makes the security log misbehave like a server that ignores {@code skip}: every request
         * answers the first rows of its range.
         *
         * @param ignore true for the broken behaviour; default false
         * @return this builder
         */
        public Builder ignoreSecurityLogSkip(boolean ignore) {
            this.ignoreSecurityLogSkip = ignore;
            return this;
        }

        /**
         * Makes the security log misbehave like a server without paging parameters: {@code limit}
         * is neither checked nor honoured, every answer holds up to the default
         * {@value #DEFAULT_SECURITY_LIMIT} rows (newest first) whatever was asked. Combine with
         * {@link #ignoreSecurityLogSkip(boolean)} for a server that knows neither.
         *
         * @param ignore true for the broken behaviour; default false
         * @return this builder
         */
        public Builder ignoreSecurityLogLimit(boolean ignore) {
            this.ignoreSecurityLogLimit = ignore;
            return this;
        }

        /**
         * @param clock the clock for session expiry and the security log's default range
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return a new, not yet started simulator */
        public InformaticaSimulator build() {
            return new InformaticaSimulator(copy());
        }

        // The simulator keeps a snapshot, so later changes to this builder do not reach it.
        private Builder copy() {
            Builder b = new Builder();
            b.seed = seed;
            b.auditEntries = auditEntries;
            b.securityEntries = securityEntries;
            b.endingAt = endingAt;
            b.span = span;
            b.username = username;
            b.password = password;
            b.idleTimeout = idleTimeout;
            b.jwtLifetime = jwtLifetime;
            b.loginFailureStatus = loginFailureStatus;
            b.serverPath = serverPath;
            b.serverHost = serverHost;
            b.maxBatchSize = maxBatchSize;
            b.securityLogMaxRows = securityLogMaxRows;
            b.easternWithOffset = easternWithOffset;
            b.ignoreBatchId = ignoreBatchId;
            b.ignoreSecurityLogSkip = ignoreSecurityLogSkip;
            b.ignoreSecurityLogLimit = ignoreSecurityLogLimit;
            b.clock = clock;
            return b;
        }

        private static int requireNonNegative(int n, String name) {
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + n);
            }
            return n;
        }
    }
}
