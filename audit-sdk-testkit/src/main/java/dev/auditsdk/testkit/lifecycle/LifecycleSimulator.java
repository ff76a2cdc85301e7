package dev.auditsdk.testkit.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sonatype Lifecycle (IQ Server) that serves {@code GET /api/v2/auditLogs} the way the real
 * server does: HTTP Basic authentication, the "Access Audit Log" permission, both
 * {@code startUtcDate} and {@code endUtcDate} required and inclusive, a {@code text/plain}
 * body of JSON Lines in ascending time with timestamps in the server's own (non-UTC) offset,
 * optional attributes present or absent, events sharing a millisecond (some of them
 * identical lines), and an {@code audit-log/export} event appended by every read.
 *
 * <p>The log is the union of two parts, served merged in time order:
 * <ul>
 *   <li><em>stored</em> events: explicit lines held in memory, added with
 *       {@link Builder#storedEvents(int)} or the {@code append...} methods (thread-safe, so a
 *       test can grow the log while a client reads it);</li>
 *   <li><em>generated</em> events ({@link Builder#generatedEvents(long)}): computed from the
 *       seed on the fly and streamed, never held in memory, for benchmarks with millions of
 *       events.</li>
 * </ul>
 *
 * <pre>{@code
 * try (LifecycleSimulator sim = LifecycleSimulator.builder().seed(7).storedEvents(500).build().start()) {
 *     URI base = sim.baseUrl();   // GET base + "/api/v2/auditLogs?startUtcDate=...&endUtcDate=..." as admin:admin123
 * }
 * }</pre>
 */
public final class LifecycleSimulator extends SimulatorServer {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleSimulator.class);

    /** The endpoint path. */
    public static final String AUDIT_LOGS_PATH = "/api/v2/auditLogs";
    /** The user created when the builder is given none. */
    public static final String DEFAULT_USERNAME = "admin";
    /** The password of {@link #DEFAULT_USERNAME}, as in Sonatype's documentation. */
    public static final String DEFAULT_PASSWORD = "admin123";
    /** The offset the server writes timestamps in unless told otherwise (as in the vendor's example). */
    public static final ZoneOffset DEFAULT_OFFSET = ZoneOffset.ofHours(-3);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html;charset=utf-8";

    private final Clock clock;
    private final ZoneOffset offset;
    private final boolean filtersByLocalDate;
    private final Map<String, Account> accounts;
    private final LifecycleEventGenerator generator;
    private final LifecycleEventGenerator.Timeline timeline;
    private final boolean exportEvents;
    private final Instant rangeFrom;
    private final Instant rangeTo;
    private final SplittableRandom appendRandom;
    /** Sorted by time; events with the same time keep the order they were added in. */
    private final List<StoredEvent> stored = new ArrayList<>();

    private LifecycleSimulator(Builder b) {
        super("lifecycle");
        this.clock = b.clock;
        this.offset = b.offset;
        this.filtersByLocalDate = b.filtersByLocalDate;
        this.accounts = b.accounts.isEmpty()
                ? Map.of(DEFAULT_USERNAME, new Account(DEFAULT_PASSWORD, true))
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.accounts));
        this.exportEvents = b.exportEvents;
        Instant to = b.to != null ? b.to : clock.instant();
        Instant from = b.from != null ? b.from : to.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("range: from (" + from + ") must be before to (" + to + ")");
        }
        this.rangeFrom = from;
        this.rangeTo = to;
        this.generator = new LifecycleEventGenerator(b.seed, offset);
        this.timeline = generator.new Timeline(b.generated, from, to);
        this.appendRandom = new SplittableRandom(b.seed);
        if (b.stored > 0) {
            appendGenerated(b.stored, from, to);
        }
    }

    /** @return a builder with seed 42, user admin/admin123, offset -03:00 and an empty log */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public LifecycleSimulator start() {
        super.start();
        return this;
    }

    /** @return the offset the server writes timestamps in */
    public ZoneOffset offset() {
        return offset;
    }

    /** @return the clock that stamps {@code audit-log/export} events */
    public Clock clock() {
        return clock;
    }

    /** @return how many generated (never stored) events the log holds */
    public long generatedEventCount() {
        return timeline.count();
    }

    /** @return the start of the range generated and seeded events were spread over */
    public Instant rangeFrom() {
        return rangeFrom;
    }

    /** @return the end (exclusive) of the range generated and seeded events were spread over */
    public Instant rangeTo() {
        return rangeTo;
    }

    /**
     * Formats an instant as this server writes timestamps, e.g. {@code 2024-03-21T10:39:44.896-03:00}.
     *
     * @param at the instant (truncated to milliseconds)
     * @return the timestamp text
     */
    public String timestamp(Instant at) {
        StringBuilder sb = new StringBuilder(29);
        generator.appendTimestamp(at.toEpochMilli(), sb);
        return sb.toString();
    }

    /**
     * A minimal event line as this server would write it.
     *
     * @param at when it happened
     * @param username who did it ({@code *UNKNOWN}, {@code *SYSTEM} or a user name)
     * @param domain the functional area, e.g. {@code authentication}
     * @param type the event type, e.g. {@code login}
     * @return one JSON line, without the line break
     */
    public String line(Instant at, String username, String domain, String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", timestamp(at));
        event.put("username", Objects.requireNonNull(username, "username"));
        event.put("domain", Objects.requireNonNull(domain, "domain"));
        event.put("type", Objects.requireNonNull(type, "type"));
        return toJson(event);
    }

    /**
     * Appends a minimal event, see {@link #line(Instant, String, String, String)}.
     *
     * @param at when it happened
     * @param username who did it
     * @param domain the functional area
     * @param type the event type
     * @return the line appended
     */
    public String appendEvent(Instant at, String username, String domain, String type) {
        String line = line(at, username, domain, type);
        appendRaw(at, line);
        return line;
    }

    /**
     * Appends an event line verbatim; its time is read from its {@code timestamp} attribute.
     *
     * @param jsonLine one JSON object on one line
     * @throws IllegalArgumentException if the line has no parseable {@code timestamp}
     */
    public void append(String jsonLine) {
        Objects.requireNonNull(jsonLine, "jsonLine");
        Instant at;
        try {
            JsonNode node = MAPPER.readTree(jsonLine);
            at = OffsetDateTime.parse(node.path("timestamp").asText()).toInstant();
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("jsonLine: not an event with a timestamp: " + e.getMessage(), e);
        }
        appendRaw(at, jsonLine);
    }

    /**
     * Appends any text as a line of the log at the given time, e.g. a malformed or HTML line
     * to test error handling.
     *
     * @param at where in time order the line goes
     * @param line the text, without a line break
     */
    public void appendRaw(Instant at, String line) {
        Objects.requireNonNull(at, "at");
        if (Objects.requireNonNull(line, "line").indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line: must not contain a line break");
        }
        StoredEvent event;
        synchronized (stored) {
            event = new StoredEvent(at.toEpochMilli(), line);
            stored.add(insertionPoint(event.millis), event);
        }
        LOG.trace("lifecycle simulator: appended an event at {}", at);
    }

    /**
     * Appends {@code count} seeded random events spread evenly over {@code [from, to)}.
     *
     * @param count how many
     * @param from start of the range
     * @param to end of the range (exclusive)
     */
    public void appendGenerated(int count, Instant from, Instant to) {
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, was " + count);
        }
        long a = from.toEpochMilli();
        long span = to.toEpochMilli() - a;
        if (span <= 0) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        StringBuilder sb = new StringBuilder(512);
        for (int i = 0; i < count; i++) {
            long millis = a + (long) ((double) span * i / count);
            sb.setLength(0);
            synchronized (appendRandom) {
                generator.appendEvent(appendRandom.split(), millis, sb);
            }
            appendRaw(Instant.ofEpochMilli(millis), sb.toString());
        }
    }

    /** @return a copy of the stored lines, in the order they are served */
    public List<String> storedLines() {
        synchronized (stored) {
            List<String> out = new ArrayList<>(stored.size());
            stored.forEach(e -> out.add(e.line));
            return out;
        }
    }

    /** @return how many stored lines the log holds */
    public int storedEventCount() {
        synchronized (stored) {
            return stored.size();
        }
    }

    /**
     * The lines the server holds in {@code [from, to)}, in the order it serves them (generated
     * and stored merged by time). Lazy: a million generated lines are not held in memory.
     *
     * @param from start, inclusive
     * @param to end, exclusive
     * @return the lines, without line breaks
     */
    public Stream<String> lines(Instant from, Instant to) {
        Iterator<String> it = new MergedLines(from.toEpochMilli(), to.toEpochMilli());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The lines a request for the inclusive UTC days {@code [startUtcDate, endUtcDate]} returns now.
     *
     * @param startUtcDate first day
     * @param endUtcDate last day (inclusive)
     * @return the lines
     */
    public Stream<String> lines(LocalDate startUtcDate, LocalDate endUtcDate) {
        return lines(startUtcDate.atStartOfDay().toInstant(ZoneOffset.UTC),
                endUtcDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Override
    protected void handle(SimExchange ex) throws IOException {
        if (!ex.path().equals(AUDIT_LOGS_PATH)) {
            ex.respond(404, HTML, "<html><body><h1>404 Not Found</h1></body></html>");
            return;
        }
        if (!ex.method().equals("GET")) {
            ex.setHeader("Allow", "GET");
            ex.respond(405, TEXT, "HTTP 405 Method Not Allowed");
            return;
        }
        String[] credentials = ex.basicCredentials().orElse(null);
        Account account = credentials == null ? null : accounts.get(credentials[0]);
        if (account == null || !account.password.equals(credentials[1])) {
            recordExport(ex, "*UNKNOWN", "bad-authentication");
            ex.setHeader("WWW-Authenticate", "BASIC realm=\"Sonatype IQ Server\"");
            ex.respond(401, HTML, "<html><head><title>Error 401 Unauthorized</title></head>"
                    + "<body><h2>HTTP ERROR 401 Unauthorized</h2></body></html>");
            return;
        }
        String user = credentials[0];
        if (!account.canAccessAuditLog) {
            recordExport(ex, user, "forbidden");
            ex.respond(403, TEXT, "The user '" + user + "' does not have permission to access the audit log.");
            return;
        }
        LocalDate start;
        LocalDate end;
        try {
            start = day(ex, "startUtcDate");
            end = day(ex, "endUtcDate");
        } catch (IllegalArgumentException e) {
            recordExport(ex, user, "bad-request");
            ex.respond(400, TEXT, e.getMessage());
            return;
        }
        if (start.isAfter(end)) {
            recordExport(ex, user, "bad-request");
            ex.respond(400, TEXT, "startUtcDate (" + start + ") must not be after endUtcDate (" + end + ")");
            return;
        }
        // the documented behaviour is UTC days; a server that filters by its own local date is configurable
        ZoneOffset days = filtersByLocalDate ? offset : ZoneOffset.UTC;
        long from = start.atStartOfDay().toInstant(days).toEpochMilli();
        long to = end.plusDays(1).atStartOfDay().toInstant(days).toEpochMilli();
        // The body is fixed when the request arrives; this read's own export event and
        // anything appended meanwhile show up in later reads, as with the real log file.
        MergedLines lines = new MergedLines(from, to);
        recordExport(ex, user, null);
        ex.respondStreaming(200, TEXT, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            while (lines.hasNext()) {
                w.write(lines.next());
                w.write('\n');
            }
            w.flush();
        });
    }

    private void recordExport(SimExchange ex, String user, String error) {
        if (!exportEvents) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", timestamp(now));
        event.put("requestMethod", ex.method());
        event.put("requestUri", ex.path() + (ex.request().query().isEmpty() ? "" : "?" + ex.request().query()));
        event.put("remoteIpAddress", "127.0.0.1");
        ex.header("User-Agent").ifPresent(ua -> event.put("userAgent", ua));
        event.put("username", user);
        event.put("domain", "audit-log");
        event.put("type", "export");
        if (error != null) {
            event.put("error", error);
        }
        appendRaw(now, toJson(event));
    }

    private static LocalDate day(SimExchange ex, String name) {
        String value = ex.queryParam(name).orElseThrow(
                () -> new IllegalArgumentException("Missing required parameter: " + name));
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "': expected yyyy-MM-dd", e);
        }
    }

    private int insertionPoint(long millis) {
        int lo = 0;
        int hi = stored.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stored.get(mid).millis <= millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private List<StoredEvent> storedBetween(long from, long to) {
        synchronized (stored) {
            int lo = insertionPoint(from - 1);
            int hi = insertionPoint(to - 1);
            return new ArrayList<>(stored.subList(lo, hi));
        }
    }

    private static String toJson(Map<String, Object> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generated and stored lines of a range merged by time; generated first on a tie. */
    private final class MergedLines implements Iterator<String> {
        private final List<StoredEvent> storedPart;
        private final long generatedEnd;
        private final StringBuilder sb = new StringBuilder(512);
        private long generatedNext;
        private int storedNext;

        MergedLines(long from, long to) {
            this.storedPart = storedBetween(from, to);
            this.generatedNext = timeline.firstAtOrAfter(from);
            this.generatedEnd = timeline.firstAtOrAfter(to);
        }

        @Override
        public boolean hasNext() {
            return generatedNext < generatedEnd || storedNext < storedPart.size();
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            boolean generatedLeft = generatedNext < generatedEnd;
            if (generatedLeft && (storedNext >= storedPart.size()
                    || timeline.millis(generatedNext) <= storedPart.get(storedNext).millis)) {
                sb.setLength(0);
                timeline.appendLine(generatedNext++, sb);
                return sb.toString();
            }
            return storedPart.get(storedNext++).line;
        }
    }

    private static final class StoredEvent {
        final long millis;
        final String line;

        StoredEvent(long millis, String line) {
            this.millis = millis;
            this.line = line;
        }
    }

    private static final class Account {
        final String password;
        final boolean canAccessAuditLog;

        Account(String password, boolean canAccessAuditLog) {
            this.password = password;
            this.canAccessAuditLog = canAccessAuditLog;
        }
    }

    /** Configures a {@link LifecycleSimulator}. */
    public static final class Builder {
        private long seed = 42;
        private Clock clock = Clock.systemUTC();
        private ZoneOffset offset = DEFAULT_OFFSET;
        private boolean filtersByLocalDate;
        private final Map<String, Account> accounts = new HashMap<>();
        private int stored;
        private long generated;
        private Instant from;
        private Instant to;
        private boolean exportEvents = true;

        private Builder() {
        }

        /**
         * @param seed makes the seeded and generated data reproducible
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param clock stamps {@code audit-log/export} events and, unless {@link #range} is set,
         *     ends the default range of seeded data
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param offset the server's local offset, used for every timestamp it writes
         * @return this builder
         */
        public Builder offset(ZoneOffset offset) {
            this.offset = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /**
         * @param local whether {@code startUtcDate}/{@code endUtcDate} select days of the server's
         *     local {@link #offset(ZoneOffset) offset} instead of UTC days (the documentation says
         *     UTC, its samples show local times); default false
         * @return this builder
         */
        public Builder filtersByLocalDate(boolean local) {
            this.filtersByLocalDate = local;
            return this;
        }

        /**
         * Adds a user with the "Access Audit Log" permission. An IQ user token is added the
         * same way: its code as the user name, its passcode as the password. Without any call,
         * the server has {@code admin/admin123}.
         *
         * @param username user name or token code
         * @param password password or token passcode
         * @return this builder
         */
        public Builder user(String username, String password) {
            accounts.put(Objects.requireNonNull(username, "username"), new Account(Objects.requireNonNull(password, "password"), true));
            return this;
        }

        /**
         * Adds a user who can log in but lacks "Access Audit Log": the endpoint answers 403.
         *
         * @param username user name
         * @param password password
         * @return this builder
         */
        public Builder userWithoutAuditPermission(String username, String password) {
            accounts.put(Objects.requireNonNull(username, "username"), new Account(Objects.requireNonNull(password, "password"), false));
            return this;
        }

        /**
         * @param count seeded random events to store up front, spread over {@link #range}
         * @return this builder
         */
        public Builder storedEvents(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("storedEvents: must not be negative, was " + count);
            }
            this.stored = count;
            return this;
        }

        /**
         * @param count events computed on the fly from the seed, spread evenly over
         *     {@link #range}, streamed without being held in memory (a million is fine)
         * @return this builder
         */
        public Builder generatedEvents(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("generatedEvents: must not be negative, was " + count);
            }
            this.generated = count;
            return this;
        }

        /**
         * The time range the seeded and generated events are spread over. Default: from
         * midnight UTC seven days before the clock's now, to now.
         *
         * @param from start, inclusive
         * @param to end, exclusive
         * @return this builder
         */
        public Builder range(Instant from, Instant to) {
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * @param enabled whether every read appends an {@code audit-log/export} event, as the
         *     real server does (default true)
         * @return this builder
         */
        public Builder exportEvents(boolean enabled) {
            this.exportEvents = enabled;
            return this;
        }

        /** @return the simulator, not started yet */
        public LifecycleSimulator build() {
            return new LifecycleSimulator(this);
        }
    }
}
