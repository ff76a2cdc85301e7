package dev.auditsdk.testkit.boomi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful in-process Boomi Enterprise Platform for the two audit-log APIs.
 *
 * <p><b>Platform API</b> ({@code /api/rest/v1/{accountId}/AuditLog...}): HTTP Basic with
 * {@code user:password} or {@code BOOMI_TOKEN.user:apiToken}, optional {@code X-Boomi-OTP},
 * {@code POST query} with a JSON {@code QueryFilter} (every documented operator and property,
 * argument counts and the second-precision date format checked, 400 otherwise),
 * {@code POST queryMore} whose body must be the raw {@code queryToken} as plain text, at most
 * {@value #PAGE_SIZE} results per page, results ordered by date then documentId, XML unless
 * {@code Accept: application/json}, and HTTP 503 when an account sends more than the rate
 * limit (default 10) requests within one second. {@code GET AuditLog/{id}} and
 * {@code POST AuditLog/bulk} are answered too.
 *
 * <p><b>JWT</b>: {@code GET /auth/jwt/generate/{accountId}} (Basic auth) answers a raw JWT as
 * {@code text/plain}, valid for {@link Builder#jwtLifetime(Duration) a configurable life}
 * (5 minutes by default); an expired or unknown bearer token gets 401.
 *
 * <p><b>Audit Log Staging</b> (JWT bearer; resource paths are not published, the defaults here
 * are the SDK's documented assumptions): {@code POST {stagingRequestsPath}} submits a range
 * (more than 7 days, less than 365 days, else 400; the same range again gives 409),
 * {@code GET {stagingRequestsPath}/{requestId}} polls it until it carries a
 * {@code downloadLink}, {@code downloadLinkExpiry} and MD5 {@code checksum} (or an
 * {@code error}), {@code GET {stagingRequestsPath}?fromDate=..&toDate=..} finds the request of a
 * range, and the link serves a gzip or zip archive of JSON lines or a JSON array (or, configured,
 * records in an enveloping object). A link answers 403 "Request has expired" once its expiry has
 * passed; {@link #expireNextDownloadLinks(int, boolean)} publishes links that are already expired,
 * with or without saying so in {@code downloadLinkExpiry}.
 *
 * <pre>{@code
 * try (BoomiSimulator sim = BoomiSimulator.builder().seed(7).entries(250).build()) {
 *     sim.start();
 *     URI platform = sim.baseUrl();  // use as the SDK's base URL
 * }
 * }</pre>
 */
public final class BoomiSimulator extends SimulatorServer {
    private static final Logger LOG = LoggerFactory.getLogger(BoomiSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The most results one query or queryMore answer carries. */
    public static final int PAGE_SIZE = 100;
    /** The default account id. */
    public static final String DEFAULT_ACCOUNT_ID = "acme-A1B2C3";
    /** The default user (an email address, as Boomi user ids are). */
    public static final String DEFAULT_USER = "auditor@acme.example";
    /**
     * The default user's password. Simulator secrets (passwords, tokens, JWT signatures, download
     * link signatures) contain {@value #SECRET_MARKER}, so a test can tell if one leaks into a log.
     */
    public static final String DEFAULT_PASSWORD = "pw-S3CR3T-correct-horse";
    /** The default user's API token. */
    public static final String DEFAULT_API_TOKEN = "tok-S3CR3T-4b1d6f0c-9a1e-4c55";
    /** The marker every secret the simulator hands out contains. */
    public static final String SECRET_MARKER = "S3CR3T";
    /** The prefix that marks an API-token login in the Basic user name. */
    public static final String TOKEN_USER_PREFIX = "BOOMI_TOKEN.";
    /** The default staging requests path (an assumption: the real path is not published). */
    public static final String DEFAULT_STAGING_REQUESTS_PATH = "/auditlog-staging/v1/{accountId}/requests";
    /** The array field of {@link StagingArchiveFormat#ZIP_JSON_ENVELOPE} archives. */
    public static final String ENVELOPE_FIELD = "auditLogs";
    /** Where the simulator serves staged archives. */
    public static final String DOWNLOAD_PATH_PREFIX = "/auditlog-staging/download/";
    /** The body of Boomi's throttling answer. */
    public static final String THROTTLED_MESSAGE = "The Boomi server is currently unavailable or your account's rate "
            + "limits have been exceeded. Retry later.";

    private static final Pattern PLATFORM_PATH = Pattern.compile("^/api/rest/v1/([^/]+)/AuditLog(?:/([^/]+))?$");
    private static final Pattern JWT_PATH = Pattern.compile("^/auth/jwt/generate/([^/]+)$");
    private static final Pattern DOWNLOAD_PATH = Pattern.compile("^" + Pattern.quote(DOWNLOAD_PATH_PREFIX) + "([0-9]+)/([^/]+)$");
    private static final Duration MIN_STAGING_RANGE = Duration.ofDays(7);
    private static final Duration MAX_STAGING_RANGE = Duration.ofDays(365);
    private static final Comparator<JsonNode> ORDER = Comparator
            .comparing((JsonNode e) -> BoomiFilter.date(e))
            .thenComparing(e -> e.path("documentId").asText());

    private final String accountId;
    private final Map<String, Account> users;
    private final String otp;
    private final BoomiEntryGenerator generator;
    private final Random tokenRandom;
    private final String stagingRequestsPath;
    private final Pattern stagingPath;
    private final String linkSecret;

    private final List<ObjectNode> entries = new ArrayList<>();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();

    private volatile int rateLimitPerSecond;
    private final Deque<Long> admitted = new ArrayDeque<>();
    private final List<Long> platformArrivals = new ArrayList<>();
    private final AtomicInteger throttled = new AtomicInteger();

    private volatile Duration jwtLifetime;
    private final Clock jwtClock;
    private volatile boolean jwtExpiryClaim = true;
    private final Map<String, Grant> jwts = new ConcurrentHashMap<>();
    private final AtomicInteger jwtIssued = new AtomicInteger();
    private final AtomicInteger expiredJwtRejections = new AtomicInteger();

    private final Map<Long, StagingRequest> staging = new LinkedHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong(7_000_000_001L);
    private final AtomicInteger stagingSubmissions = new AtomicInteger();
    private final AtomicInteger stagingConflicts = new AtomicInteger();
    private final AtomicInteger stagingDownloads = new AtomicInteger();
    private volatile Duration stagingReadyAfter;
    private volatile int stagingReadyAfterPolls;
    private volatile StagingArchiveFormat archiveFormat;
    private volatile boolean corruptDownloads;
    private volatile boolean shuffledArchives;
    private volatile String stagingError;
    private volatile boolean conflictIncludesRequestId = true;
    private volatile boolean downloadRequiresJwt;
    private volatile Duration downloadLinkLifetime = Duration.ofHours(1);
    private final AtomicInteger expiredLinksToPublish = new AtomicInteger();
    private volatile boolean expiredLinksAnnounced;
    private final AtomicInteger expiredLinkRefusals = new AtomicInteger();

    private BoomiSimulator(Builder b) {
        super("boomi");
        this.accountId = b.accountId;
        this.users = new LinkedHashMap<>(b.users);
        this.otp = b.otp;
        this.generator = new BoomiEntryGenerator(b.seed, b.accountId, b.spacing);
        this.tokenRandom = new Random(b.seed * 31 + 17);
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.jwtLifetime = b.jwtLifetime;
        this.jwtClock = b.jwtClock;
        this.archiveFormat = b.archiveFormat;
        this.stagingReadyAfter = b.stagingReadyAfter;
        this.stagingReadyAfterPolls = b.stagingReadyAfterPolls;
        this.stagingRequestsPath = b.stagingRequestsPath;
        this.stagingPath = compileStagingPath(b.stagingRequestsPath);
        this.linkSecret = Long.toHexString(new Random(b.seed ^ 0x5DEECE66DL).nextLong());
        Instant date = b.start.truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < b.entries; i++) {
            date = i == 0 ? date : generator.nextDate(date);
            entries.add(generator.entry(date));
        }
        entries.sort(ORDER);
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- data

    /** @return the simulated account's id */
    public String accountId() {
        return accountId;
    }

    /** @return the staging requests path template, with {@code {accountId}} */
    public String stagingRequestsPath() {
        return stagingRequestsPath;
    }

    /** @return copies of all entries, ordered by date then documentId */
    public List<ObjectNode> entries() {
        synchronized (entries) {
            List<ObjectNode> out = new ArrayList<>(entries.size());
            entries.forEach(e -> out.add(e.deepCopy()));
            return out;
        }
    }

    /**
     * @param from inclusive start
     * @param to exclusive end
     * @return copies of the entries dated in {@code [from, to)}, in order
     */
    public List<ObjectNode> entriesBetween(Instant from, Instant to) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode e : entries()) {
            Instant d = BoomiFilter.date(e);
            if (!d.isBefore(from) && d.isBefore(to)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Appends generated entries after the newest one (a log that grows while read).
     *
     * @param count how many
     * @return copies of the new entries
     */
    public List<ObjectNode> append(int count) {
        List<ObjectNode> added = new ArrayList<>();
        synchronized (entries) {
            Instant date = entries.isEmpty() ? Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    : BoomiFilter.date(entries.get(entries.size() - 1));
            for (int i = 0; i < count; i++) {
                date = generator.nextDate(date);
                ObjectNode e = generator.entry(date);
                entries.add(e);
                added.add(e.deepCopy());
            }
            entries.sort(ORDER);
        }
        return added;
    }

    /**
     * Generates one entry at a given date (for late arrivals or same-second collisions).
     *
     * @param date its date; truncated to seconds as Boomi does
     * @return a copy of the new entry
     */
    public ObjectNode appendAt(Instant date) {
        ObjectNode e = generator.entry(Objects.requireNonNull(date, "date"));
        addEntry(e);
        return e.deepCopy();
    }

    /**
     * Adds a hand-made entry; it needs at least {@code documentId} and {@code date}.
     *
     * @param entry the AuditLog record as JSON
     */
    public void addEntry(ObjectNode entry) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.hasNonNull("documentId") || !entry.hasNonNull("date")) {
            throw new IllegalArgumentException("entry needs documentId and date");
        }
        synchronized (entries) {
            entries.add(entry.deepCopy());
            entries.sort(ORDER);
        }
    }

    /** @return every queryToken handed out so far, in order */
    public List<String> issuedQueryTokens() {
        return new ArrayList<>(issuedTokens);
    }

    // ---------------------------------------------------------------- rate limit

    /**
     * @param perSecond requests one account may make within any second before getting 503; 0 for no limit
     */
    public void setRateLimitPerSecond(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond must not be negative");
        }
        this.rateLimitPerSecond = perSecond;
    }

    /** @return how many Platform API requests were answered 503 for exceeding the rate limit */
    public int throttledCount() {
        return throttled.get();
    }

    /**
     * @return the most Platform API requests (answered or throttled) that arrived within any
     *     one-second window since start
     */
    public int peakRequestsPerSecond() {
        List<Long> times;
        synchronized (platformArrivals) {
            times = new ArrayList<>(platformArrivals);
        }
        int peak = 0;
        int lo = 0;
        for (int hi = 0; hi < times.size(); hi++) {
            while (times.get(hi) - times.get(lo) >= 1_000_000_000L) {
                lo++;
            }
            peak = Math.max(peak, hi - lo + 1);
        }
        return peak;
    }

    // ---------------------------------------------------------------- JWT

    /** @param lifetime how long JWTs issued from now on stay valid */
    public void setJwtLifetime(Duration lifetime) {
        this.jwtLifetime = requirePositive(lifetime, "lifetime");
    }

    /**
     * @param include whether JWTs issued from now on carry an {@code exp} claim (default true);
     *     without it a client learns of the expiry only from a 401
     */
    public void setJwtExpiryClaim(boolean include) {
        this.jwtExpiryClaim = include;
    }

    /** @return how many JWTs were issued */
    public int jwtIssuedCount() {
        return jwtIssued.get();
    }

    /** @return how many staging requests were refused (401) for carrying an expired JWT */
    public int expiredJwtRejections() {
        return expiredJwtRejections.get();
    }

    // ---------------------------------------------------------------- staging

    /**
     * @param after how long after submission a staged request becomes ready
     * @param polls how many status look-ups it takes at least before it is ready
     */
    public void setStagingReadyAfter(Duration after, int polls) {
        this.stagingReadyAfter = Objects.requireNonNull(after, "after");
        this.stagingReadyAfterPolls = polls;
    }

    /** @param format how archives built from now on are packed */
    public void setArchiveFormat(StagingArchiveFormat format) {
        this.archiveFormat = Objects.requireNonNull(format, "format");
    }

    /**
     * @param corrupt true to serve archives whose bytes differ from the published checksum
     *     (still well-formed: one record altered), as a damaged transfer or storage would
     */
    public void setCorruptDownloads(boolean corrupt) {
        this.corruptDownloads = corrupt;
    }

    /**
     * @param shuffled true to write archives built from now on in random record order (the real
     *     order is not documented), false for date order
     */
    public void setShuffledArchives(boolean shuffled) {
        this.shuffledArchives = shuffled;
    }

    /** @param error the {@code error} requests submitted from now on end with; null for success */
    public void setStagingError(String error) {
        this.stagingError = error;
    }

    /** @param include whether a 409 answer names the existing request's {@code requestId} */
    public void setConflictIncludesRequestId(boolean include) {
        this.conflictIncludesRequestId = include;
    }

    /** @param required whether downloads need the JWT bearer token (by default the link alone suffices) */
    public void setDownloadRequiresJwt(boolean required) {
        this.downloadRequiresJwt = required;
    }

    /** @param lifetime how long a published download link stays valid */
    public void setDownloadLinkLifetime(Duration lifetime) {
        this.downloadLinkLifetime = requirePositive(lifetime, "lifetime");
    }

    /**
     * Publishes the next {@code count} download links already expired (a minute ago), so their
     * download is refused with 403 "Request has expired"; later links are valid again.
     *
     * @param count how many of the next published links are expired
     * @param announced whether their {@code downloadLinkExpiry} says so (a past instant); when
     *     false it announces the usual lifetime, as a storage service that expires links early
     *     (or a skewed clock) would
     */
    public void expireNextDownloadLinks(int count, boolean announced) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        this.expiredLinksAnnounced = announced;
        this.expiredLinksToPublish.set(count);
    }

    /** @return how many downloads were refused because their link had expired */
    public int expiredLinkRefusals() {
        return expiredLinkRefusals.get();
    }

    /** @return how many staging requests were accepted (not counting 409s) */
    public int stagingSubmissions() {
        return stagingSubmissions.get();
    }

    /** @return how many staging submissions were answered 409 */
    public int stagingConflicts() {
        return stagingConflicts.get();
    }

    /** @return how many archives were downloaded */
    public int stagingDownloads() {
        return stagingDownloads.get();
    }

    // ---------------------------------------------------------------- dispatch

    @Override
    protected void handle(SimExchange ex) throws IOException {
        String path = ex.path();
        Matcher m = PLATFORM_PATH.matcher(path);
        if (m.matches()) {
            platform(ex, m.group(1), m.group(2));
            return;
        }
        m = JWT_PATH.matcher(path);
        if (m.matches()) {
            jwt(ex, m.group(1));
            return;
        }
        m = stagingPath.matcher(path);
        if (m.matches()) {
            staging(ex, m.group(1), m.group(2));
            return;
        }
        m = DOWNLOAD_PATH.matcher(path);
        if (m.matches()) {
            download(ex, Long.parseLong(m.group(1)));
            return;
        }
        ex.respond(404, "application/json", "{\"error\":{\"message\":\"Not found: " + path + "\"}}");
    }

    // ---------------------------------------------------------------- Platform API

    private void platform(SimExchange ex, String account, String operation) throws IOException {
        if (!admit()) {
            throttled.incrementAndGet();
            LOG.debug("boomi simulator: 503 throttling {}", ex.request());
            platformError(ex, 503, THROTTLED_MESSAGE);
            return;
        }
        Account user = basicAuth(ex, account, true);
        if (user == null) {
            return;
        }
        boolean post = ex.method().equals("POST");
        if (operation == null) {
            platformError(ex, 405, "Method not allowed");
        } else if (operation.equals("query") && post) {
            query(ex);
        } else if (operation.equals("queryMore") && post) {
            queryMore(ex);
        } else if (operation.equals("bulk") && post) {
            bulk(ex);
        } else if (operation.equals("query") || operation.equals("queryMore") || operation.equals("bulk")
                || !ex.method().equals("GET")) {
            platformError(ex, 405, "Method not allowed");
        } else {
            Optional<ObjectNode> found = find(operation);
            if (found.isPresent()) {
                respondPlatform(ex, 200, found.get());
            } else {
                platformError(ex, 404, "AuditLog " + operation + " not found");
            }
        }
    }

    private void query(SimExchange ex) throws IOException {
        JsonNode body;
        try {
            String text = ex.request().bodyText();
            body = text.isBlank() ? JsonNodeFactory.instance.objectNode() : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            platformError(ex, 400, "Malformed QueryFilter: not JSON");
            return;
        }
        JsonNode expression = body.path("QueryFilter").path("expression");
        Predicate<JsonNode> filter;
        try {
            filter = BoomiFilter.compile(expression.isMissingNode() ? null : expression);
        } catch (BoomiFilter.InvalidFilterException e) {
            platformError(ex, 400, e.getMessage());
            return;
        }
        page(ex, new Cursor(filter, null, null));
    }

    private void queryMore(SimExchange ex) throws IOException {
        // The body is the raw token; JSON quoting or URL encoding makes it unknown.
        String token = ex.request().bodyText().trim();
        Cursor cursor = cursors.get(token);
        if (cursor == null) {
            platformError(ex, 400, "Invalid queryToken");
            return;
        }
        page(ex, cursor);
    }

    private void page(SimExchange ex, Cursor cursor) throws IOException {
        List<ObjectNode> page = new ArrayList<>();
        boolean more = false;
        synchronized (entries) {
            for (ObjectNode e : entries) {
                if (cursor.lastDate != null && ORDER_KEY.compare(e, cursor) <= 0) {
                    continue;
                }
                if (!cursor.filter.test(e)) {
                    continue;
                }
                if (page.size() == PAGE_SIZE) {
                    more = true;
                    break;
                }
                page.add(e.deepCopy());
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("@type", "QueryResult");
        result.put("numberOfResults", page.size());
        if (more) {
            ObjectNode last = page.get(page.size() - 1);
            String token = newQueryToken();
            issuedTokens.add(token);
            cursors.put(token, new Cursor(cursor.filter, BoomiFilter.date(last), last.path("documentId").asText()));
            result.put("queryToken", token);
        }
        if (!page.isEmpty()) {
            ArrayNode array = result.putArray("result");
            page.forEach(array::add);
        }
        respondPlatform(ex, 200, result);
    }

    /** Compares an entry with a cursor position by (date, documentId). */
    private static final CursorOrder ORDER_KEY = new CursorOrder();

    private static final class CursorOrder {
        int compare(JsonNode e, Cursor c) {
            int byDate = BoomiFilter.date(e).compareTo(c.lastDate);
            return byDate != 0 ? byDate : e.path("documentId").asText().compareTo(c.lastId);
        }
    }

    private void bulk(SimExchange ex) throws IOException {
        JsonNode body;
        try {
            body = MAPPER.readTree(ex.request().bodyText());
        } catch (JsonProcessingException e) {
            platformError(ex, 400, "Malformed bulk request: not JSON");
            return;
        }
        JsonNode requests = body == null ? null : body.path("request");
        if (requests == null || !requests.isArray() || requests.size() > 100) {
            platformError(ex, 400, "A bulk request needs a 'request' array of at most 100 ids");
            return;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("@type", "BulkResult");
        ArrayNode responses = out.putArray("response");
        int index = 0;
        for (JsonNode r : requests) {
            String id = r.path("id").asText();
            ObjectNode one = responses.addObject();
            one.put("@type", "BulkResponse");
            one.put("index", index++);
            one.put("id", id);
            Optional<ObjectNode> found = find(id);
            if (found.isPresent()) {
                one.put("statusCode", "200");
                one.set("Result", found.get());
            } else {
                one.put("statusCode", "404");
                one.put("errorMessage", "AuditLog " + id + " not found");
            }
        }
        respondPlatform(ex, 200, out);
    }

    private Optional<ObjectNode> find(String documentId) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.path("documentId").asText().equals(documentId))
                    .findFirst().map(ObjectNode::deepCopy);
        }
    }

    private String newQueryToken() {
        // Base64 with '+', '/' and '=' in it: a client that JSON-quotes or URL-encodes it breaks.
        byte[] bytes = new byte[46];
        synchronized (tokenRandom) {
            tokenRandom.nextBytes(bytes);
        }
        return "/" + Base64.getEncoder().encodeToString(bytes);
    }

    private boolean admit() {
        long now = System.nanoTime();
        synchronized (platformArrivals) {
            if (platformArrivals.size() < 200_000) {
                platformArrivals.add(now);
            }
        }
        int limit = rateLimitPerSecond;
        if (limit <= 0) {
            return true;
        }
        synchronized (admitted) {
            while (!admitted.isEmpty() && now - admitted.peekFirst() >= 1_000_000_000L) {
                admitted.pollFirst();
            }
            if (admitted.size() >= limit) {
                return false;
            }
            admitted.addLast(now);
            return true;
        }
    }

    private boolean acceptsJson(SimExchange ex) {
        return ex.header("Accept").map(a -> a.toLowerCase().contains("json")).orElse(false);
    }

    private void respondPlatform(SimExchange ex, int status, ObjectNode body) throws IOException {
        if (acceptsJson(ex)) {
            ex.respond(status, "application/json", MAPPER.writeValueAsBytes(body));
        } else {
            ex.respond(status, "application/xml", BoomiXml.render(body));
        }
    }

    private void platformError(SimExchange ex, int status, String message) throws IOException {
        if (acceptsJson(ex)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("error").put("message", message);
            ex.respond(status, "application/json", MAPPER.writeValueAsBytes(body));
        } else {
            ex.respond(status, "application/xml", "<error><message>" + BoomiXml.escape(message) + "</message></error>");
        }
    }

    /**
     * Checks Basic credentials (password or API token), the OTP and the account.
     *
     * @return the user, or null after answering 401/403
     */
    private Account basicAuth(SimExchange ex, String account, boolean needsAuditAccess) throws IOException {
        Optional<String[]> credentials = ex.basicCredentials();
        if (credentials.isEmpty()) {
            ex.setHeader("WWW-Authenticate", "Basic realm=\"Boomi\"");
            platformError(ex, 401, "Authentication required");
            return null;
        }
        String name = credentials.get()[0];
        String secret = credentials.get()[1];
        boolean token = name.startsWith(TOKEN_USER_PREFIX);
        Account user = users.get(token ? name.substring(TOKEN_USER_PREFIX.length()) : name);
        boolean ok = user != null && (token ? secret.equals(user.apiToken) : secret.equals(user.password));
        if (!ok) {
            ex.setHeader("WWW-Authenticate", "Basic realm=\"Boomi\"");
            platformError(ex, 401, "Incorrect user name and password combination.");
            return null;
        }
        if (otp != null && !otp.equals(ex.header("X-Boomi-OTP").orElse(null))) {
            platformError(ex, 401, "A valid two-factor authentication code (X-Boomi-OTP) is required.");
            return null;
        }
        if (!account.equals(accountId)) {
            platformError(ex, 403, "The authenticated user does not have access to account " + account);
            return null;
        }
        if (needsAuditAccess && !user.auditAccess) {
            platformError(ex, 403, "The authenticated user does not have access rights to this functionality");
            return null;
        }
        return user;
    }

    // ---------------------------------------------------------------- JWT

    private void jwt(SimExchange ex, String account) throws IOException {
        if (!ex.method().equals("GET")) {
            platformError(ex, 405, "Method not allowed");
            return;
        }
        Account user = basicAuth(ex, account, false);
        if (user == null) {
            return;
        }
        Instant now = jwtClock.instant();
        Instant expires = now.plus(jwtLifetime);
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode claims = JsonNodeFactory.instance.objectNode()
                .put("sub", user.name)
                .put("accountId", account)
                .put("iat", now.getEpochSecond());
        if (jwtExpiryClaim) {
            claims.put("exp", expires.getEpochSecond());
        }
        claims.put("jti", Integer.toString(jwtIssued.incrementAndGet()) + "-" + Long.toHexString(System.nanoTime()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString(MAPPER.writeValueAsBytes(header)) + "."
                + b64.encodeToString(MAPPER.writeValueAsBytes(claims));
        String jwt = unsigned + "." + SECRET_MARKER + b64.encodeToString(StagingArchive.md5Hex(
                (linkSecret + unsigned).getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        jwts.put(jwt, new Grant(account, expires));
        ex.respond(200, "text/plain", jwt);
    }

    /** @return the grant of a valid bearer token, or null after answering 401/403 */
    private Grant bearer(SimExchange ex, String account, boolean required) throws IOException {
        Optional<String> header = ex.header("Authorization");
        if (header.isEmpty() && !required) {
            return new Grant(account, Instant.MAX);
        }
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            stagingError(ex, 401, "Unauthorized", "A Boomi JWT bearer token is required");
            return null;
        }
        Grant grant = jwts.get(header.get().substring(7).trim());
        if (grant == null) {
            stagingError(ex, 401, "Unauthorized", "Invalid token");
            return null;
        }
        if (!jwtClock.instant().isBefore(grant.expires)) {
            expiredJwtRejections.incrementAndGet();
            stagingError(ex, 401, "Unauthorized", "Token expired");
            return null;
        }
        if (account != null && !grant.account.equals(account)) {
            stagingError(ex, 403, "Forbidden", "The token does not grant access to account " + account);
            return null;
        }
        return grant;
    }

    // ---------------------------------------------------------------- staging

    private void staging(SimExchange ex, String account, String requestId) throws IOException {
        if (bearer(ex, account, true) == null) {
            return;
        }
        if (requestId == null && ex.method().equals("POST")) {
            submit(ex, account);
        } else if (requestId == null && ex.method().equals("GET")) {
            lookup(ex, account);
        } else if (requestId != null && ex.method().equals("GET")) {
            status(ex, account, requestId);
        } else {
            stagingError(ex, 405, "Method Not Allowed", "The request method is not supported");
        }
    }

    private void submit(SimExchange ex, String account) throws IOException {
        JsonNode body;
        try {
            body = MAPPER.readTree(ex.request().bodyText());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            stagingError(ex, 400, "Bad Request", "The request body must be a JSON object");
            return;
        }
        if (body.hasNonNull("accountId") && !body.get("accountId").asText().equals(account)) {
            stagingError(ex, 400, "Bad Request", "accountId does not match the request path");
            return;
        }
        Instant from;
        Instant to;
        try {
            Instant[] range = range(body);
            from = range[0];
            to = range[1];
        } catch (BoomiFilter.InvalidFilterException e) {
            stagingError(ex, 400, "Bad Request", e.getMessage());
            return;
        }
        Duration length = Duration.between(from, to);
        if (length.compareTo(MIN_STAGING_RANGE) <= 0 || length.compareTo(MAX_STAGING_RANGE) >= 0) {
            stagingError(ex, 400, "Bad Request", "The date range must be greater than 7 days and less than one year");
            return;
        }
        StagingRequest created;
        synchronized (staging) {
            for (StagingRequest r : staging.values()) {
                if (r.account.equals(account) && r.from.equals(from) && r.to.equals(to)) {
                    stagingConflicts.incrementAndGet();
                    ObjectNode conflict = JsonNodeFactory.instance.objectNode();
                    if (conflictIncludesRequestId) {
                        conflict.put("requestId", r.id);
                    }
                    conflict.put("message", "A request with the same accountId and date range already exists");
                    conflict.put("error", "Conflict");
                    ex.respond(409, "application/json", MAPPER.writeValueAsBytes(conflict));
                    return;
                }
            }
            created = new StagingRequest(nextRequestId.getAndIncrement(), account, from, to,
                    body.path("email").asText(null), stagingError);
            staging.put(created.id, created);
        }
        stagingSubmissions.incrementAndGet();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("requestId", created.id);
        answer.put("message", "Audit log request staged successfully"
                + (created.email == null ? "" : "; a notification will be sent when the download is ready"));
        ex.respond(200, "application/json", MAPPER.writeValueAsBytes(answer));
    }

    /** Reads the range from {@code fromDate}/{@code toDate} or the published {@code queryFilter} sample. */
    private static Instant[] range(JsonNode body) {
        Instant from = body.hasNonNull("fromDate") ? BoomiFilter.parseDate(body.get("fromDate").asText()) : null;
        Instant to = body.hasNonNull("toDate") ? BoomiFilter.parseDate(body.get("toDate").asText()) : null;
        JsonNode expression = body.path("queryFilter").path("expression");
        if (!expression.isMissingNode()) {
            JsonNode values = expression.has("values") ? expression.get("values") : expression.path("argument");
            if (!"BETWEEN".equals(expression.path("operator").asText()) || !"date".equals(expression.path("property").asText())
                    || !values.isArray() || values.size() != 2) {
                throw new BoomiFilter.InvalidFilterException("queryFilter must be a date BETWEEN with two values");
            }
            Instant f = BoomiFilter.parseDate(values.get(0).asText());
            Instant t = BoomiFilter.parseDate(values.get(1).asText());
            if ((from != null && !from.equals(f)) || (to != null && !to.equals(t))) {
                throw new BoomiFilter.InvalidFilterException("fromDate/toDate disagree with queryFilter");
            }
            from = f;
            to = t;
        }
        if (from == null || to == null) {
            throw new BoomiFilter.InvalidFilterException("fromDate and toDate are required");
        }
        return new Instant[] {from, to};
    }

    private void lookup(SimExchange ex, String account) throws IOException {
        Optional<String> fromText = ex.queryParam("fromDate");
        Optional<String> toText = ex.queryParam("toDate");
        if (fromText.isEmpty() || toText.isEmpty()) {
            stagingError(ex, 400, "Bad Request", "fromDate and toDate are required");
            return;
        }
        Instant from;
        Instant to;
        try {
            from = BoomiFilter.parseDate(fromText.get());
            to = BoomiFilter.parseDate(toText.get());
        } catch (BoomiFilter.InvalidFilterException e) {
            stagingError(ex, 400, "Bad Request", e.getMessage());
            return;
        }
        StagingRequest found = null;
        synchronized (staging) {
            for (StagingRequest r : staging.values()) {
                if (r.account.equals(account) && r.from.equals(from) && r.to.equals(to)) {
                    found = r;
                }
            }
        }
        if (found == null) {
            stagingError(ex, 404, "Not Found", "No request for that date range");
            return;
        }
        ex.respond(200, "application/json", MAPPER.writeValueAsBytes(describe(found, false)));
    }

    private void status(SimExchange ex, String account, String requestIdText) throws IOException {
        StagingRequest r;
        synchronized (staging) {
            r = staging.get(parseLong(requestIdText));
        }
        if (r == null || !r.account.equals(account)) {
            stagingError(ex, 404, "Not Found", "The specified request could not be found");
            return;
        }
        ex.respond(200, "application/json", MAPPER.writeValueAsBytes(describe(r, true)));
    }

    private ObjectNode describe(StagingRequest r, boolean countsAsPoll) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("requestId", r.id);
        synchronized (r) {
            if (countsAsPoll) {
                r.polls++;
            }
            if (r.error != null) {
                out.put("message", "The audit log request failed");
                out.put("error", r.error);
                return out;
            }
            boolean ready = r.polls >= stagingReadyAfterPolls
                    && !Instant.now().isBefore(r.submitted.plus(stagingReadyAfter));
            if (!ready) {
                out.put("message", "The audit log request is being processed");
                return out;
            }
            if (r.archive == null) {
                buildArchive(r);
            }
            Instant valid = Instant.now().plus(downloadLinkLifetime).truncatedTo(ChronoUnit.SECONDS);
            boolean expired = expiredLinksToPublish.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            Instant expires = expired ? Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS) : valid;
            out.put("message", "The audit log download is ready");
            out.put("downloadLink", baseUrl() + DOWNLOAD_PATH_PREFIX + r.id + "/" + r.fileName
                    + "?expires=" + expires.getEpochSecond() + "&signature=" + sign(r.id, expires.getEpochSecond()));
            out.put("downloadLinkExpiry", BoomiFilter.formatDate(expired && !expiredLinksAnnounced ? valid : expires));
            out.put("checksum", r.checksum);
        }
        return out;
    }

    private void buildArchive(StagingRequest r) {
        List<ObjectNode> records = new ArrayList<>();
        synchronized (entries) {
            for (ObjectNode e : entries) {
                Instant d = BoomiFilter.date(e);
                if (!d.isBefore(r.from) && !d.isAfter(r.to)) {
                    records.add(e.deepCopy());
                }
            }
        }
        if (shuffledArchives) {
            java.util.Collections.shuffle(records, new Random(r.id));
        }
        StagingArchiveFormat format = archiveFormat;
        r.archive = StagingArchive.build(records, format);
        r.checksum = StagingArchive.md5Hex(r.archive);
        // The tampered copy keeps every record parseable, so only the checksum can tell.
        List<ObjectNode> tampered = new ArrayList<>(records);
        if (tampered.isEmpty()) {
            tampered.add(JsonNodeFactory.instance.objectNode().put("documentId", "forged").put("date", "2020-01-01T00:00:00Z"));
        } else {
            ObjectNode last = tampered.get(tampered.size() - 1).deepCopy();
            last.put("message", "tampered in transit");
            tampered.set(tampered.size() - 1, last);
        }
        r.tamperedArchive = StagingArchive.build(tampered, format);
        r.contentType = format.name().startsWith("ZIP") ? "application/zip" : "application/gzip";
        r.fileName = "auditlog-" + r.id + (format.name().startsWith("ZIP") ? ".zip"
                : format == StagingArchiveFormat.GZIP_JSON_LINES ? ".jsonl.gz" : ".json.gz");
    }

    private void download(SimExchange ex, long requestId) throws IOException {
        if (!ex.method().equals("GET")) {
            stagingError(ex, 405, "Method Not Allowed", "The request method is not supported");
            return;
        }
        StagingRequest r;
        synchronized (staging) {
            r = staging.get(requestId);
        }
        long expires = parseLong(ex.queryParam("expires").orElse(""));
        String signature = ex.queryParam("signature").orElse("");
        if (r == null || r.archive == null || !signature.equals(sign(requestId, expires))) {
            ex.respond(403, "application/xml", "<Error><Code>AccessDenied</Code><Message>Invalid signature</Message></Error>");
            return;
        }
        if (Instant.now().getEpochSecond() > expires) {
            expiredLinkRefusals.incrementAndGet();
            ex.respond(403, "application/xml", "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
            return;
        }
        if (ex.header("Authorization").isPresent() || downloadRequiresJwt) {
            if (bearer(ex, r.account, true) == null) {
                return;
            }
        }
        stagingDownloads.incrementAndGet();
        byte[] body;
        synchronized (r) {
            body = corruptDownloads ? r.tamperedArchive : r.archive;
        }
        ex.respond(200, r.contentType, body);
    }

    private String sign(long requestId, long expires) {
        return SECRET_MARKER + StagingArchive.md5Hex((linkSecret + ":" + requestId + ":" + expires)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void stagingError(SimExchange ex, int status, String error, String message) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        body.put("error", error);
        ex.respond(status, "application/json", MAPPER.writeValueAsBytes(body));
    }

    // ---------------------------------------------------------------- helpers

    private static Pattern compileStagingPath(String template) {
        if (!template.startsWith("/") || !template.contains("{accountId}")) {
            throw new IllegalArgumentException("stagingRequestsPath must start with '/' and contain {accountId}: " + template);
        }
        String[] parts = template.split("\\{accountId}", -1);
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("([^/]+)");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.append("(?:/([^/]+))?$").toString());
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** A user of the simulated account. */
    private static final class Account {
        final String name;
        final String password;
        final String apiToken;
        final boolean auditAccess;

        Account(String name, String password, String apiToken, boolean auditAccess) {
            this.name = name;
            this.password = password;
            this.apiToken = apiToken;
            this.auditAccess = auditAccess;
        }
    }

    /** A queryToken's position: the filter and the last (date, documentId) delivered. */
    private static final class Cursor {
        final Predicate<JsonNode> filter;
        final Instant lastDate;
        final String lastId;

        Cursor(Predicate<JsonNode> filter, Instant lastDate, String lastId) {
            this.filter = filter;
            this.lastDate = lastDate;
            this.lastId = lastId;
        }
    }

    /** An issued JWT. */
    private static final class Grant {
        final String account;
        final Instant expires;

        Grant(String account, Instant expires) {
            this.account = account;
            this.expires = expires;
        }
    }

    /** One staged export request. */
    private static final class StagingRequest {
        final long id;
        final String account;
        final Instant from;
        final Instant to;
        final String email;
        final String error;
        final Instant submitted = Instant.now();
        int polls;
        byte[] archive;
        byte[] tamperedArchive;
        String checksum;
        String contentType;
        String fileName;

        StagingRequest(long id, String account, Instant from, Instant to, String email, String error) {
            this.id = id;
            this.account = account;
            this.from = from;
            this.to = to;
            this.email = email;
            this.error = error;
        }
    }

    /** Configures a {@link BoomiSimulator}. */
    public static final class Builder {
        private String accountId = DEFAULT_ACCOUNT_ID;
        private final Map<String, Account> users = new LinkedHashMap<>();
        private String otp;
        private long seed = 1;
        private int entries = 250;
        private Instant start = Instant.parse("2026-01-05T08:00:00Z");
        private Duration spacing = Duration.ofSeconds(30);
        private int rateLimitPerSecond = 10;
        private Duration jwtLifetime = Duration.ofMinutes(5);
        private Clock jwtClock = Clock.systemUTC();
        private StagingArchiveFormat archiveFormat = StagingArchiveFormat.GZIP_JSON_LINES;
        private Duration stagingReadyAfter = Duration.ZERO;
        private int stagingReadyAfterPolls = 1;
        private String stagingRequestsPath = DEFAULT_STAGING_REQUESTS_PATH;

        private Builder() {
            users.put(DEFAULT_USER, new Account(DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_API_TOKEN, true));
        }

        /**
         * @param accountId the simulated account's id
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * Adds (or replaces) a user with audit-log access.
         *
         * @param name the user name (email)
         * @param password the password
         * @param apiToken the API token, or null for none
         * @return this builder
         */
        public Builder user(String name, String password, String apiToken) {
            Objects.requireNonNull(name, "name");
            users.put(name, new Account(name, password, apiToken, true));
            return this;
        }

        /**
         * Adds a user that may sign in but lacks the {@code VIEW_AUDIT_LOGS} privilege (403).
         *
         * @param name the user name
         * @param password the password
         * @return this builder
         */
        public Builder userWithoutAuditAccess(String name, String password) {
            Objects.requireNonNull(name, "name");
            users.put(name, new Account(name, password, null, false));
            return this;
        }

        /**
         * Requires two-factor authentication: every Basic-auth request must carry this code in {@code X-Boomi-OTP}.
         *
         * @param code the expected code
         * @return this builder
         */
        public Builder otp(String code) {
            this.otp = Objects.requireNonNull(code, "code");
            return this;
        }

        /**
         * @param seed the seed of the generated data
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param count how many entries to generate
         * @return this builder
         */
        public Builder entries(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            this.entries = count;
            return this;
        }

        /**
         * @param start the date of the first generated entry
         * @return this builder
         */
        public Builder startingAt(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * @param spacing the average time between generated entries
         * @return this builder
         */
        public Builder spacing(Duration spacing) {
            this.spacing = requirePositive(spacing, "spacing");
            return this;
        }

        /**
         * @param perSecond requests one account may make within any second before 503; 0 for no limit
         * @return this builder
         */
        public Builder rateLimitPerSecond(int perSecond) {
            if (perSecond < 0) {
                throw new IllegalArgumentException("perSecond must not be negative");
            }
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /**
         * @param lifetime how long issued JWTs stay valid (Boomi: 5 minutes)
         * @return this builder
         */
        public Builder jwtLifetime(Duration lifetime) {
            this.jwtLifetime = requirePositive(lifetime, "lifetime");
            return this;
        }

        /**
         * @param clock the clock JWTs are issued and expire on (default the system clock), so a
         *     test can let JWTs expire without waiting; nothing else follows it
         * @return this builder
         */
        public Builder jwtClock(Clock clock) {
            this.jwtClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param format how staged archives are packed
         * @return this builder
         */
        public Builder archiveFormat(StagingArchiveFormat format) {
            this.archiveFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * @param after how long after submission a staged request becomes ready
         * @param polls how many status look-ups it takes at least
         * @return this builder
         */
        public Builder stagingReadyAfter(Duration after, int polls) {
            this.stagingReadyAfter = Objects.requireNonNull(after, "after");
            this.stagingReadyAfterPolls = polls;
            return this;
        }

        /**
         * @param template the staging requests path, containing {@code {accountId}}
         * @return this builder
         */
        public Builder stagingRequestsPath(String template) {
            compileStagingPath(Objects.requireNonNull(template, "template"));
            this.stagingRequestsPath = template;
            return this;
        }

        /** @return the simulator, not yet started */
        public BoomiSimulator build() {
            return new BoomiSimulator(this);
        }
    }
}
