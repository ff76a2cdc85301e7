package dev.auditsdk.testkit.uipath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process UiPath Automation Cloud: the OAuth token endpoint of the identity service,
 * the classic Platform Management audit API and the unified audit API, with the behaviour a
 * client has to cope with.
 *
 * <ul>
 *   <li>{@code POST [/{org}]/identity_/connect/token}: client credentials (form fields or HTTP
 *       Basic), scopes checked against the ones granted to the client, tokens that expire after
 *       {@link Builder#tokenLifetime(Duration)}; errors as OAuth JSON ({@code invalid_client},
 *       {@code invalid_scope}, {@code unsupported_grant_type}) with status 400.</li>
 *   <li>{@code GET /{org}[/{tenant}]/audit_/api/auditlogs}: {@code top}, {@code skip},
 *       {@code sortBy}, {@code sortOrder} (default {@code desc}), {@code language},
 *       {@code api-version}; {@code {"totalCount":N,"results":[...]}}; no time filter; {@code top}
 *       silently clamped to {@link Builder#classicMaxTop(int)}.</li>
 *   <li>{@code GET /{org}/orgaudit_/api/query/events} (organization-level events) and
 *       {@code GET /{org}/{tenant}/tenantaudit_/api/query/events} (the tenant's events):
 *       {@code from}/{@code to} (both inclusive), {@code source[]}, {@code target[]}, {@code type[]},
 *       {@code userIds[]} (repeated, as documented: {@code name[]} or {@code name[i]}; a plain
 *       {@code name=} is not bound unless {@link Builder#unifiedPlainListFilters(boolean)}),
 *       {@code searchTerm}, {@code status}, {@code maxCount} (clamped to 10..200, default 50);
 *       newest first; links carry {@code to}, {@code before}/{@code beforeId} and
 *       {@code maxCount} only, as in the vendor's sample (filters and {@code from} on request:
 *       {@link Builder#unifiedLinksCarryFilters(boolean)}, {@link Builder#unifiedLinksCarryFrom(boolean)}); a page
 *       scans {@code maxCount} events of the range, then applies the attribute filters, so a page
 *       can be short or empty and still have a {@code previous} link; {@code previous} is set
 *       whenever the scan was full (no look-ahead), so a log whose size is a multiple of the page
 *       ends with an empty page.</li>
 *   <li>Bearer tokens checked on every audit request (401 with {@code WWW-Authenticate}, 403
 *       without an audit scope); throttling with 429 and {@code Retry-After} (header or a JSON
 *       {@code retry_after}), {@code X-RateLimit-Remaining} when a rate limit is set.</li>
 * </ul>
 *
 * <p>Data is seeded and deterministic; entries can be appended or purged while a client reads.
 * Not simulated: the CSV download endpoints (their columns are not documented), the
 * {@code query/sources} catalogue and the long-term store.
 */
public final class UiPathSimulator extends SimulatorServer {
    /** Platform Management audit scope (read and write). */
    public static final String SCOPE_PM_AUDIT = "PM.Audit";
    /** Platform Management audit scope (read only). */
    public static final String SCOPE_PM_AUDIT_READ = "PM.Audit.Read";
    /** Orchestrator audit scope; not enough for the platform audit APIs. */
    public static final String SCOPE_OR_AUDIT_READ = "OR.Audit.Read";

    private static final Logger LOG = LoggerFactory.getLogger(UiPathSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom TOKEN_RANDOM = new SecureRandom();
    private static final int UNIFIED_MIN_COUNT = 10;
    private static final int UNIFIED_MAX_COUNT = 200;
    private static final int UNIFIED_DEFAULT_COUNT = 50;
    private static final Pattern TOKEN_PATH = Pattern.compile("^(?:/([^/]+))?/identity_/connect/token/?$");
    private static final Pattern CLASSIC_PATH = Pattern.compile("^/([^/]+)(?:/([^/]+))?/audit_/api/auditlogs/?$");
    private static final Pattern ORG_EVENTS_PATH = Pattern.compile("^/([^/]+)/orgaudit_/api/query/events/?$");
    private static final Pattern TENANT_EVENTS_PATH = Pattern.compile("^/([^/]+)/([^/]+)/tenantaudit_/api/query/events/?$");
    private static final Comparator<UiPathUnifiedEvent> UNIFIED_ORDER =
            Comparator.comparing(UiPathUnifiedEvent::createdOn).thenComparing(UiPathUnifiedEvent::id);

    private final String organization;
    private final String tenant;
    private final String organizationId;
    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final Set<String> grantedScopes;
    private final Duration tokenLifetime;
    private final int classicMaxTop;
    private final ZoneOffset classicOffset;
    private final String tokenPrefix;
    private final boolean linksCarryFrom;
    private final boolean linksCarryFilters;
    private final boolean plainListFilters;
    private final Clock clock;
    private final UiPathDataGenerator generator;

    private final Object dataLock = new Object();
    /** Ascending by createdOn; entries with equal times keep insertion order. */
    private final List<UiPathClassicEntry> classic = new ArrayList<>();
    /** Ascending by (createdOn, id). */
    private final List<UiPathUnifiedEvent> unified = new ArrayList<>();

    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Deque<Throttle> throttles = new ArrayDeque<>();
    private int rateLimitMax;
    private Duration rateLimitWindow;
    private Instant rateWindowStart;
    private int rateWindowUsed;

    private UiPathSimulator(Builder b) {
        super("uipath");
        this.organization = b.organization;
        this.tenant = b.tenant;
        this.organizationId = UiPathDataGenerator.guid(b.seed, "org:" + b.organization);
        this.tenantId = UiPathDataGenerator.guid(b.seed, "tenant:" + b.tenant);
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.grantedScopes = Collections.unmodifiableSet(new LinkedHashSet<>(b.grantedScopes));
        this.tokenLifetime = b.tokenLifetime;
        this.classicMaxTop = b.classicMaxTop;
        this.classicOffset = b.classicOffset;
        this.tokenPrefix = b.tokenPrefix;
        this.linksCarryFrom = b.linksCarryFrom;
        this.linksCarryFilters = b.linksCarryFilters;
        this.plainListFilters = b.plainListFilters;
        this.clock = b.clock;
        this.generator = new UiPathDataGenerator(b.seed, b.organization, organizationId, tenantId);
        // Entries on the same tick are generated on purpose; two identical in every field but the
        // localized message would be one entry to any client (the SDK documents it), so such a
        // draw is made again.
        Set<List<Object>> seen = new HashSet<>();
        for (Instant t : generator.times(b.classicEntries, b.dataStart, b.dataEnd)) {
            UiPathClassicEntry entry = generator.classic(t.atOffset(classicOffset));
            while (!seen.add(List.of(entry.instant(), entry.category(), entry.action(), entry.auditLogDetails(),
                    entry.userName(), entry.email(), entry.detailsVersion(), entry.source()))) {
                entry = generator.classic(t.atOffset(classicOffset));
            }
            classic.add(entry);
        }
        for (Instant t : generator.times(b.unifiedEvents, b.dataStart, b.dataEnd)) {
            unified.add(generator.unified(t));
        }
        unified.sort(UNIFIED_ORDER);
    }

    /** @return a builder with defaults: organization {@code acme}, tenant {@code DefaultTenant}, no data */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UiPathSimulator start() {
        super.start();
        return this;
    }

    // ------------------------------------------------------------------ addresses and identity

    /** @return the organization name used in paths */
    public String organization() {
        return organization;
    }

    /** @return the tenant name used in paths */
    public String tenant() {
        return tenant;
    }

    /** @return the organization's GUID, as events carry it */
    public String organizationId() {
        return organizationId;
    }

    /** @return the tenant's GUID, as tenant-level events carry it */
    public String tenantId() {
        return tenantId;
    }

    /** @return the client id the token endpoint accepts */
    public String clientId() {
        return clientId;
    }

    /** @return the client secret the token endpoint accepts */
    public String clientSecret() {
        return clientSecret;
    }

    /** @return the identity service root, {@code {base}/identity_} (token endpoint below it) */
    public URI identityUrl() {
        return URI.create(baseUrl() + "/identity_");
    }

    /** @return {@code {base}/{org}/{tenant}/}, the classic API's {@code {baseUrl}} */
    public URI tenantUrl() {
        return URI.create(baseUrl() + "/" + organization + "/" + tenant + "/");
    }

    /** @return {@code {base}/{org}/}, the organization-level root */
    public URI organizationUrl() {
        return URI.create(baseUrl() + "/" + organization + "/");
    }

    // ------------------------------------------------------------------ data

    /** @return the classic log, oldest first (equal times in insertion order) */
    public List<UiPathClassicEntry> classicEntries() {
        synchronized (dataLock) {
            return new ArrayList<>(classic);
        }
    }

    /** @return all unified events (both scopes), oldest first */
    public List<UiPathUnifiedEvent> unifiedEvents() {
        synchronized (dataLock) {
            return new ArrayList<>(unified);
        }
    }

    /**
     * Adds entries to the classic log at their place in time (after entries with the same time).
     *
     * @param entries the entries
     */
    public void addClassic(UiPathClassicEntry... entries) {
        synchronized (dataLock) {
            for (UiPathClassicEntry e : entries) {
                int i = classic.size();
                while (i > 0 && classic.get(i - 1).instant().isAfter(e.instant())) {
                    i--;
                }
                classic.add(i, e);
            }
        }
    }

    /**
     * Appends generated entries newer than (or, now and then, as new as) the newest one, as
     * services do while a client reads.
     *
     * @param count how many
     * @return the appended entries
     */
    public List<UiPathClassicEntry> appendClassic(int count) {
        List<UiPathClassicEntry> added = new ArrayList<>();
        synchronized (dataLock) {
            for (int i = 0; i < count; i++) {
                Instant latest = classic.isEmpty() ? clock.instant() : classic.get(classic.size() - 1).instant();
                UiPathClassicEntry e = generator.classic(generator.after(latest).atOffset(classicOffset));
                classic.add(e);
                added.add(e);
            }
        }
        return added;
    }

    /**
     * Generates one classic entry at a given time (for example a late one, older than the
     * newest) and adds it at its place in time, see {@link #addClassic(UiPathClassicEntry...)}.
     *
     * @param at its time
     * @return the new entry
     */
    public UiPathClassicEntry appendClassicAt(Instant at) {
        Objects.requireNonNull(at, "at");
        UiPathClassicEntry e;
        synchronized (dataLock) {
            e = generator.classic(at.atOffset(classicOffset));
            addClassic(e);
        }
        return e;
    }

    /**
     * Removes classic entries older than a time, as the retention job does.
     *
     * @param cutoff entries strictly before it are removed
     * @return how many were removed
     */
    public int purgeClassicBefore(Instant cutoff) {
        synchronized (dataLock) {
            int before = classic.size();
            classic.removeIf(e -> e.instant().isBefore(cutoff));
            return before - classic.size();
        }
    }

    /**
     * Adds unified events; a null organization id is replaced by this organization's.
     *
     * @param events the events
     */
    public void addUnified(UiPathUnifiedEvent... events) {
        synchronized (dataLock) {
            for (UiPathUnifiedEvent e : events) {
                unified.add(e.organizationId() == null ? e.toBuilder().organizationId(organizationId).build() : e);
            }
            unified.sort(UNIFIED_ORDER);
        }
    }

    /**
     * Appends generated events (of both scopes) newer than (or as new as) the newest one.
     *
     * @param count how many
     * @return the appended events
     */
    public List<UiPathUnifiedEvent> appendUnified(int count) {
        List<UiPathUnifiedEvent> added = new ArrayList<>();
        synchronized (dataLock) {
            for (int i = 0; i < count; i++) {
                Instant latest = unified.isEmpty() ? clock.instant() : unified.get(unified.size() - 1).createdOn();
                UiPathUnifiedEvent e = generator.unified(generator.after(latest));
                unified.add(e);
                added.add(e);
            }
            unified.sort(UNIFIED_ORDER);
        }
        return added;
    }

    /**
     * Generates one unified event at a given time (for example a late one, older than the
     * newest) and adds it at its place in time.
     *
     * @param at its {@code createdOn}
     * @param tenantScope true for an event of this simulator's tenant (served by
     *     {@code tenantaudit_}), false for whatever scope the generator picks
     * @return the new event
     */
    public UiPathUnifiedEvent appendUnifiedAt(Instant at, boolean tenantScope) {
        Objects.requireNonNull(at, "at");
        UiPathUnifiedEvent e;
        synchronized (dataLock) {
            e = generator.unified(at);
            if (tenantScope) {
                e = e.toBuilder().tenantId(tenantId).build();
            }
            addUnified(e);
        }
        return e;
    }

    // ------------------------------------------------------------------ tokens

    /** @return how many token requests were received (successful or not) */
    public int tokenRequestCount() {
        return tokenRequests.get();
    }

    /** Makes every token issued so far expired: the next API call with one gets a 401. */
    public void expireTokens() {
        Instant past = clock.instant().minusSeconds(1);
        tokens.replaceAll((k, v) -> new IssuedToken(v.scopes, past));
    }

    /** Forgets every token issued so far (as after a key rotation): the next API call with one gets a 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    // ------------------------------------------------------------------ throttling

    /**
     * Answers the next {@code count} audit API requests with 429 and a {@code Retry-After} header.
     *
     * @param count how many requests to throttle
     * @param retryAfter the wait to announce (whole seconds)
     */
    public void throttleNext(int count, Duration retryAfter) {
        synchronized (throttles) {
            for (int i = 0; i < count; i++) {
                throttles.add(new Throttle(retryAfter, false));
            }
        }
    }

    /**
     * Answers the next {@code count} audit API requests with 429 and the wait only in the JSON
     * body ({@code {"retry_after": seconds}}), as some edges do.
     *
     * @param count how many requests to throttle
     * @param retryAfter the wait to announce (whole seconds)
     */
    public void throttleNextWithBodyRetryAfter(int count, Duration retryAfter) {
        synchronized (throttles) {
            for (int i = 0; i < count; i++) {
                throttles.add(new Throttle(retryAfter, true));
            }
        }
    }

    /**
     * Limits audit API requests to {@code max} per fixed window; every audit answer then carries
     * {@code X-RateLimit-Remaining}, and requests over the limit get 429 with {@code Retry-After}.
     *
     * @param max requests allowed per window
     * @param window the window length
     */
    public void rateLimit(int max, Duration window) {
        synchronized (throttles) {
            this.rateLimitMax = max;
            this.rateLimitWindow = Objects.requireNonNull(window, "window");
            this.rateWindowStart = clock.instant();
            this.rateWindowUsed = 0;
        }
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    protected void handle(SimExchange x) throws IOException {
        String path = x.path();
        Matcher m = TOKEN_PATH.matcher(path);
        if (m.matches()) {
            if (m.group(1) != null && !m.group(1).equalsIgnoreCase(organization)) {
                json(x, 404, error("Organization not found"));
            } else if (!x.method().equals("POST")) {
                json(x, 405, error("Method not allowed"));
            } else {
                token(x);
            }
            return;
        }
        m = CLASSIC_PATH.matcher(path);
        if (m.matches()) {
            if (api(x, m.group(1), m.group(2))) {
                classicAuditLogs(x);
            }
            return;
        }
        m = ORG_EVENTS_PATH.matcher(path);
        if (m.matches()) {
            if (api(x, m.group(1), null)) {
                queryEvents(x, null);
            }
            return;
        }
        m = TENANT_EVENTS_PATH.matcher(path);
        if (m.matches()) {
            if (api(x, m.group(1), m.group(2))) {
                queryEvents(x, tenantId);
            }
            return;
        }
        json(x, 404, error("Not found"));
    }

    /** Common checks of an audit API request; answers and returns false when it must stop here. */
    private boolean api(SimExchange x, String org, String tenantName) throws IOException {
        if (!x.method().equals("GET")) {
            json(x, 405, error("Method not allowed"));
            return false;
        }
        if (throttled(x)) {
            return false;
        }
        if (!org.equalsIgnoreCase(organization) || (tenantName != null && !tenantName.equalsIgnoreCase(tenant))) {
            json(x, 404, error("Organization or tenant not found"));
            return false;
        }
        Optional<String> auth = x.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        IssuedToken token = auth.map(tokens::get).orElse(null);
        if (token == null) {
            x.setHeader("WWW-Authenticate", "Bearer");
            x.respond(401, "application/json", "");
            return false;
        }
        if (!clock.instant().isBefore(token.expiresAt)) {
            x.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The token expired\"");
            x.respond(401, "application/json", "");
            return false;
        }
        if (!token.scopes.contains(SCOPE_PM_AUDIT) && !token.scopes.contains(SCOPE_PM_AUDIT_READ)) {
            json(x, 403, error("The access token lacks the PM.Audit or PM.Audit.Read scope"));
            return false;
        }
        return true;
    }

    private boolean throttled(SimExchange x) throws IOException {
        Throttle t;
        Integer remaining = null;
        synchronized (throttles) {
            t = throttles.poll();
            if (t == null && rateLimitWindow != null) {
                Instant now = clock.instant();
                if (!now.isBefore(rateWindowStart.plus(rateLimitWindow))) {
                    rateWindowStart = now;
                    rateWindowUsed = 0;
                }
                if (rateWindowUsed >= rateLimitMax) {
                    Duration wait = Duration.between(now, rateWindowStart.plus(rateLimitWindow));
                    t = new Throttle(Duration.ofSeconds((wait.toMillis() + 999) / 1000), false);
                } else {
                    rateWindowUsed++;
                    remaining = rateLimitMax - rateWindowUsed;
                }
            }
        }
        if (t == null) {
            if (remaining != null) {
                x.setHeader("X-RateLimit-Remaining", String.valueOf(remaining));
            }
            return false;
        }
        LOG.debug("uipath simulator: throttling {}", x.request());
        x.setHeader("X-RateLimit-Remaining", "0");
        long seconds = t.retryAfter.getSeconds();
        if (t.inBody) {
            ObjectNode body = MAPPER.createObjectNode();
            body.put("message", "Too many requests");
            body.put("retry_after", seconds);
            json(x, 429, body);
        } else {
            x.setHeader("Retry-After", String.valueOf(seconds));
            json(x, 429, error("Too many requests"));
        }
        return true;
    }

    // ------------------------------------------------------------------ token endpoint

    private void token(SimExchange x) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, List<String>> form = parseParams(x.request().bodyText());
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        Optional<String[]> basic = x.basicCredentials();
        if (basic.isPresent()) {
            id = URLDecoder.decode(basic.get()[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(basic.get()[1], StandardCharsets.UTF_8);
        }
        if (!"client_credentials".equals(first(form, "grant_type"))) {
            json(x, 400, oauthError("unsupported_grant_type"));
            return;
        }
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            json(x, 400, oauthError("invalid_client"));
            return;
        }
        String scope = first(form, "scope");
        Set<String> requested = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    requested.add(s);
                }
            }
        }
        if (requested.isEmpty()) {
            requested.addAll(grantedScopes);
        }
        if (!grantedScopes.containsAll(requested)) {
            json(x, 400, oauthError("invalid_scope"));
            return;
        }
        byte[] random = new byte[48];
        TOKEN_RANDOM.nextBytes(random);
        String value = tokenPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.put(value, new IssuedToken(requested, clock.instant().plus(tokenLifetime)));
        ObjectNode body = MAPPER.createObjectNode();
        body.put("access_token", value);
        body.put("expires_in", tokenLifetime.getSeconds());
        body.put("token_type", "Bearer");
        body.put("scope", String.join(" ", requested));
        x.setHeader("Cache-Control", "no-store");
        x.setHeader("Pragma", "no-cache");
        json(x, 200, body);
    }

    // ------------------------------------------------------------------ classic API

    private void classicAuditLogs(SimExchange x) throws IOException {
        Map<String, List<String>> q = parseParams(x.request().query());
        Map<String, String> errors = new LinkedHashMap<>();
        int top = intParam(q, "top", classicMaxTop, errors);
        int skip = intParam(q, "skip", 0, errors);
        String sortBy = Optional.ofNullable(first(q, "sortBy")).orElse("createdOn");
        String sortOrder = Optional.ofNullable(first(q, "sortOrder")).orElse("desc");
        Function<UiPathClassicEntry, String> key = classicSortKey(sortBy);
        if (key == null) {
            errors.put("sortBy", "The property '" + sortBy + "' cannot be used for sorting.");
        }
        if (!sortOrder.equalsIgnoreCase("asc") && !sortOrder.equalsIgnoreCase("desc")) {
            errors.put("sortOrder", "The value '" + sortOrder + "' is not valid.");
        }
        if (!errors.isEmpty()) {
            json(x, 400, problem(errors));
            return;
        }
        List<UiPathClassicEntry> all = classicEntries();
        if (!sortBy.equalsIgnoreCase("createdOn")) {
            // stable: equal keys keep time order
            all.sort(Comparator.comparing(key, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)));
        }
        if (sortOrder.equalsIgnoreCase("desc")) {
            Collections.reverse(all);
        }
        int from = Math.min(skip, all.size());
        int to = Math.min(all.size(), from + Math.min(top, classicMaxTop));
        ObjectNode body = MAPPER.createObjectNode();
        body.put("totalCount", all.size());
        ArrayNode results = body.putArray("results");
        for (UiPathClassicEntry e : all.subList(from, to)) {
            ObjectNode o = results.addObject();
            o.put("createdOn", UiPathTimes.classic(e.createdOn()));
            o.put("category", e.category());
            o.put("action", e.action());
            o.put("auditLogDetails", e.auditLogDetails());
            o.put("userName", e.userName());
            o.put("email", e.email());
            o.put("message", e.message());
            o.put("detailsVersion", e.detailsVersion());
            o.put("source", e.source());
        }
        json(x, 200, body);
    }

    private static Function<UiPathClassicEntry, String> classicSortKey(String sortBy) {
        switch (sortBy.toLowerCase(Locale.ROOT)) {
            case "createdon":
                return e -> "";
            case "category":
                return UiPathClassicEntry::category;
            case "action":
                return UiPathClassicEntry::action;
            case "username":
                return UiPathClassicEntry::userName;
            case "email":
                return UiPathClassicEntry::email;
            case "source":
                return UiPathClassicEntry::source;
            case "message":
                return UiPathClassicEntry::message;
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------ unified API

    private void queryEvents(SimExchange x, String scopeTenantId) throws IOException {
        Map<String, List<String>> q = parseParams(x.request().query());
        for (String list : LIST_FILTERS) {
            q.remove(list);
            List<String> bound = listParam(x.request().query(), list, plainListFilters);
            if (!bound.isEmpty()) {
                q.put(list, bound);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = instantParam(q, "from", errors);
        Instant to = instantParam(q, "to", errors);
        Instant before = instantParam(q, "before", errors);
        Instant after = instantParam(q, "after", errors);
        String beforeId = first(q, "beforeId");
        String afterId = first(q, "afterId");
        int maxCount = Math.max(UNIFIED_MIN_COUNT, Math.min(UNIFIED_MAX_COUNT,
                intParam(q, "maxCount", UNIFIED_DEFAULT_COUNT, errors)));
        Integer status = null;
        if (first(q, "status") != null) {
            int s = intParam(q, "status", 0, errors);
            if (s != 0 && s != 1) {
                errors.put("status", "The value '" + s + "' is not valid.");
            }
            status = s;
        }
        if ((before == null) != (beforeId == null) || (after == null) != (afterId == null)) {
            errors.put("before", "'before' and 'beforeId' (and 'after' and 'afterId') go together.");
        }
        if (!errors.isEmpty()) {
            json(x, 400, problem(errors));
            return;
        }
        Instant upper = to == null ? clock.instant() : to;
        List<UiPathUnifiedEvent> candidates = new ArrayList<>();
        for (UiPathUnifiedEvent e : unifiedEvents()) {
            boolean inScope = Objects.equals(e.tenantId(), scopeTenantId);
            boolean inRange = (from == null || !e.createdOn().isBefore(from)) && !e.createdOn().isAfter(upper);
            if (inScope && inRange) {
                candidates.add(e);
            }
        }
        List<UiPathUnifiedEvent> scanned = new ArrayList<>();
        if (after != null) {
            // the oldest maxCount events newer than the cursor
            for (UiPathUnifiedEvent e : candidates) {
                if (compare(e, after, afterId) > 0 && scanned.size() < maxCount) {
                    scanned.add(e);
                }
            }
            Collections.reverse(scanned);
        } else {
            for (int i = candidates.size() - 1; i >= 0 && scanned.size() < maxCount; i--) {
                UiPathUnifiedEvent e = candidates.get(i);
                if (before == null || compare(e, before, beforeId) < 0) {
                    scanned.add(e);
                }
            }
        }
        // scanned is newest first
        boolean full = scanned.size() == maxCount;
        String previous = null;
        String next = null;
        if (!scanned.isEmpty()) {
            UiPathUnifiedEvent oldest = scanned.get(scanned.size() - 1);
            UiPathUnifiedEvent newest = scanned.get(0);
            if (after != null || full) {
                previous = link(x.path(), q, "before", oldest, maxCount);
            }
            if (after != null ? full : before != null) {
                next = link(x.path(), q, "after", newest, maxCount);
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode events = body.putArray("auditEvents");
        for (UiPathUnifiedEvent e : scanned) {
            if (matches(e, q, status)) {
                events.add(e.toJson());
            }
        }
        body.put("next", next);
        body.put("previous", previous);
        json(x, 200, body);
    }

    private static int compare(UiPathUnifiedEvent e, Instant time, String id) {
        int c = e.createdOn().compareTo(time);
        return c != 0 ? c : e.id().compareTo(id);
    }

    private static boolean matches(UiPathUnifiedEvent e, Map<String, List<String>> q, Integer status) {
        if (status != null && e.status() != status) {
            return false;
        }
        if (!anyEquals(q.get("source"), e.eventSource()) || !anyEquals(q.get("target"), e.eventTarget())
                || !anyEquals(q.get("type"), e.eventType()) || !anyEquals(q.get("userIds"), e.actorId())) {
            return false;
        }
        String term = first(q, "searchTerm");
        if (term == null || term.isEmpty()) {
            return true;
        }
        String needle = term.toLowerCase(Locale.ROOT);
        for (String field : new String[] {e.eventSummary(), e.actorName(), e.actorEmail(), e.eventDetails(),
            e.eventType(), e.eventTarget()}) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEquals(List<String> wanted, String value) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        for (String w : wanted) {
            if (w.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** A server-relative link to the neighbouring page, carrying the request's range and filters. */
    private String link(String path, Map<String, List<String>> q, String direction, UiPathUnifiedEvent at,
            int maxCount) {
        StringBuilder sb = new StringBuilder(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        char sep = '?';
        for (String name : new String[] {"from", "to", "source", "target", "type", "userIds", "searchTerm", "status"}) {
            if ((name.equals("from") && !linksCarryFrom) || (!name.equals("from") && !name.equals("to") && !linksCarryFilters)) {
                continue; // as in the vendor's sample: "?to=...&before=...&beforeId=...&maxCount=..."
            }
            String key = LIST_FILTERS.contains(name) ? name + "[]" : name;
            for (String v : q.getOrDefault(name, List.of())) {
                sb.append(sep).append(encode(key)).append('=').append(encode(v));
                sep = '&';
            }
        }
        sb.append(sep).append(direction).append('=').append(encode(UiPathTimes.unified(at.createdOn())))
                .append('&').append(direction).append("Id=").append(encode(at.id()))
                .append("&maxCount=").append(maxCount);
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode error(String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("message", message);
        return o;
    }

    private static ObjectNode oauthError(String code) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("error", code);
        return o;
    }

    /** An ASP.NET Core validation problem. */
    private static ObjectNode problem(Map<String, String> errors) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1");
        o.put("title", "One or more validation errors occurred.");
        o.put("status", 400);
        o.put("traceId", "00-" + Long.toHexString(TOKEN_RANDOM.nextLong()) + "-00");
        ObjectNode e = o.putObject("errors");
        errors.forEach((k, v) -> e.putArray(k).add(v));
        return o;
    }

    private static void json(SimExchange x, int status, ObjectNode body) throws IOException {
        try {
            x.respond(status, "application/json; charset=utf-8", MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intParam(Map<String, List<String>> q, String name, int absent, Map<String, String> errors) {
        String v = first(q, name);
        if (v == null || v.isEmpty()) {
            return absent;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < 0) {
                errors.put(name, "The field " + name + " must be between 0 and 2147483647.");
            }
            return i;
        } catch (NumberFormatException e) {
            errors.put(name, "The value '" + v + "' is not valid.");
            return absent;
        }
    }

    private static Instant instantParam(Map<String, List<String>> q, String name, Map<String, String> errors) {
        String v = first(q, name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return UiPathTimes.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(name, "The value '" + v + "' is not valid.");
            return null;
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Parses a query string or form body; {@code a[]=x} and {@code a[0]=x} are read as {@code a=x}. */
    private static final List<String> LIST_FILTERS = List.of("source", "target", "type", "userIds");

    /** The values of a list filter: {@code name[]=} and {@code name[i]=} keys, and plain {@code name=} only if {@code plainToo}. */
    static List<String> listParam(String raw, String name, boolean plainToo) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            boolean bracketed = k.startsWith(name + "[") && k.endsWith("]");
            if (bracketed || (plainToo && k.equals(name))) {
                out.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Map<String, List<String>> parseParams(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            int bracket = k.indexOf('[');
            if (bracket > 0 && k.endsWith("]")) {
                k = k.substring(0, bracket);
            }
            out.computeIfAbsent(k, n -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static final class IssuedToken {
        final Set<String> scopes;
        final Instant expiresAt;

        IssuedToken(Set<String> scopes, Instant expiresAt) {
            this.scopes = scopes;
            this.expiresAt = expiresAt;
        }
    }

    private static final class Throttle {
        final Duration retryAfter;
        final boolean inBody;

        Throttle(Duration retryAfter, boolean inBody) {
            this.retryAfter = retryAfter;
            this.inBody = inBody;
        }
    }

    /** Builds a {@link UiPathSimulator}. */
    public static final class Builder {
        private long seed = 1;
        private String organization = "acme";
        private String tenant = "DefaultTenant";
        private String clientId = "sim-client-id";
        private String clientSecret = "sim-client-secret";
        private Set<String> grantedScopes = Set.of(SCOPE_PM_AUDIT_READ, SCOPE_OR_AUDIT_READ);
        private Duration tokenLifetime = Duration.ofHours(1);
        private int classicEntries;
        private int unifiedEvents;
        private Instant dataStart = Instant.parse("2025-12-01T00:00:00Z");
        private Instant dataEnd = Instant.parse("2026-01-01T00:00:00Z");
        private ZoneOffset classicOffset = ZoneOffset.UTC;
        private int classicMaxTop = 1000;
        private String tokenPrefix = "eyJhbGciOiJSUzI1NiJ9.";
        private boolean linksCarryFrom;
        private boolean linksCarryFilters;
        private boolean plainListFilters;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param seed seed of the generated data (same seed, same data)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param organization the organization name in paths
         * @return this builder
         */
        public Builder organization(String organization) {
            this.organization = Objects.requireNonNull(organization, "organization");
            return this;
        }

        /**
         * @param tenant the tenant name in paths
         * @return this builder
         */
        public Builder tenant(String tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /**
         * @param clientId the external application's client id
         * @param clientSecret its secret
         * @return this builder
         */
        public Builder client(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /**
         * @param scopes the scopes the external application was granted (default PM.Audit.Read, OR.Audit.Read)
         * @return this builder
         */
        public Builder grantedScopes(String... scopes) {
            this.grantedScopes = Set.of(scopes);
            return this;
        }

        /**
         * @param lifetime how long tokens live; announced as {@code expires_in} in whole seconds
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param count how many classic entries to generate
         * @return this builder
         */
        public Builder classicEntries(int count) {
            this.classicEntries = count;
            return this;
        }

        /**
         * @param count how many unified events (both scopes) to generate
         * @return this builder
         */
        public Builder unifiedEvents(int count) {
            this.unifiedEvents = count;
            return this;
        }

        /**
         * @param start earliest generated time (default 2025-12-01T00:00Z)
         * @param end latest generated time, exclusive (default 2026-01-01T00:00Z)
         * @return this builder
         */
        public Builder dataBetween(Instant start, Instant end) {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("dataBetween: start must be before end");
            }
            this.dataStart = start;
            this.dataEnd = end;
            return this;
        }

        /**
         * @param offset the offset classic {@code createdOn} values are written with (default +00:00)
         * @return this builder
         */
        public Builder classicOffset(ZoneOffset offset) {
            this.classicOffset = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /**
         * @param maxTop the most entries a classic page returns, whatever {@code top} asks (default 1000)
         * @return this builder
         */
        public Builder classicMaxTop(int maxTop) {
            if (maxTop <= 0) {
                throw new IllegalArgumentException("classicMaxTop must be positive");
            }
            this.classicMaxTop = maxTop;
            return this;
        }

        /**
         * @param prefix the start of every issued access token (tests put a marker there to catch leaks)
         * @return this builder
         */
        public Builder tokenPrefix(String prefix) {
            this.tokenPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * @param carry whether the unified API's {@code previous}/{@code next} links repeat the
         *     request's {@code from}; default false, as in the vendor's sample link, so a client
         *     walking them must stop at its range's start by itself
         * @return this builder
         */
        public Builder unifiedLinksCarryFrom(boolean carry) {
            this.linksCarryFrom = carry;
            return this;
        }

        /**
         * @param carry whether the unified API's {@code previous}/{@code next} links repeat the
         *     request's filters ({@code source[]}, {@code target[]}, {@code type[]},
         *     {@code userIds[]}, {@code searchTerm}, {@code status}); default false, as in the
         *     vendor's sample link ({@code ?to=...&before=...&beforeId=...&maxCount=...}), so a
         *     client following them must add its filters again
         * @return this builder
         */
        public Builder unifiedLinksCarryFilters(boolean carry) {
            this.linksCarryFilters = carry;
            return this;
        }

        /**
         * @param bind whether a plain {@code source=} (and {@code target=}, {@code type=},
         *     {@code userIds=}) is bound as a filter too; default false: only the documented
         *     {@code source[]=} / {@code source[0]=} forms are
         * @return this builder
         */
        public Builder unifiedPlainListFilters(boolean bind) {
            this.plainListFilters = bind;
            return this;
        }

        /**
         * @param clock the clock for token expiry, rate-limit windows and the default {@code to}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the simulator, not started yet */
        public UiPathSimulator build() {
            return new UiPathSimulator(this);
        }
    }
}
