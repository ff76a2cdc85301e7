package dev.auditsdk.micrometer;

import dev.auditsdk.core.AuditLogListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The metrics of one audit log stream in a Micrometer {@link MeterRegistry}: an
 * {@link AuditLogListener} to give to every source that reads the stream (the source builder's
 * {@code auditLogListener(...)}, or the registry's {@code VendorContext.auditLogListener()}).
 * Every meter carries the tags {@value #TAG_VENDOR} and {@value #TAG_STREAM}; the names are stable
 * (see the module's README for their Prometheus forms):
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>extra tag</th><th>counts</th></tr>
 * <tr><td>{@value #ENTRIES_DELIVERED}</td><td>counter</td><td></td><td>entries handed to the reader</td></tr>
 * <tr><td>{@value #REQUESTS}</td><td>counter</td><td>{@value #TAG_STATUS}: {@code 2xx} ... {@code 5xx}, {@code none}</td>
 *     <td>HTTP attempts, by the status class of their answer ({@code none}: no answer)</td></tr>
 * <tr><td>{@value #RETRIES}</td><td>counter</td><td></td><td>attempts retried</td></tr>
 * <tr><td>{@value #THROTTLES}</td><td>counter</td><td></td><td>answers refusing a request for load (429, Boomi's 503)</td></tr>
 * <tr><td>{@value #FAILURES}</td><td>counter</td><td>{@value #TAG_ERROR}: the exception's simple class name</td>
 *     <td>reads that failed</td></tr>
 * <tr><td>{@value #LOGINS}</td><td>counter</td><td>{@value #TAG_RESULT}: {@code success}, {@code failure}</td>
 *     <td>logins (token, session, JWT requests)</td></tr>
 * <tr><td>{@value #RESPONSE_BYTES}</td><td>counter (bytes)</td><td></td><td>response body bytes received</td></tr>
 * <tr><td>{@value #PAGES}</td><td>counter</td><td></td><td>pages, batches, windows and export files answered</td></tr>
 * <tr><td>{@value #WATERMARK}</td><td>gauge (seconds)</td><td></td>
 *     <td>how far the collection has got, in seconds since the epoch; NaN before the first</td></tr>
 * <tr><td>{@value #COLLECTION_LAG}</td><td>gauge (seconds)</td><td></td>
 *     <td>now minus the watermark, never below zero; NaN before the first watermark</td></tr>
 * </table>
 *
 * <p>The watermark is the newest entry time delivered, and the end of the range once a read has
 * read its whole range; it only grows over the life of this object, so a stream that reads from
 * its checkpoint again and again shows its progress across reads and its lag falls to about the
 * source's settle lag after each complete read.
 *
 * <p>Register one per stream with {@link #register(MeterRegistry, String, String)} and keep it
 * for the stream's life; {@link #remove()} takes the stream's meters out of the registry.
 * Thread-safe.
 */
public final class AuditLogMetrics implements AuditLogListener {
    /** Counter of entries handed to the reader. */
    public static final String ENTRIES_DELIVERED = "auditsdk.entries.delivered";
    /** Counter of HTTP attempts, tagged with {@value #TAG_STATUS}. */
    public static final String REQUESTS = "auditsdk.requests";
    /** Counter of retried attempts. */
    public static final String RETRIES = "auditsdk.retries";
    /** Counter of throttling answers. */
    public static final String THROTTLES = "auditsdk.throttles";
    /** Counter of failed reads, tagged with {@value #TAG_ERROR}. */
    public static final String FAILURES = "auditsdk.failures";
    /** Counter of logins, tagged with {@value #TAG_RESULT}. */
    public static final String LOGINS = "auditsdk.logins";
    /** Counter of response body bytes received. */
    public static final String RESPONSE_BYTES = "auditsdk.response.bytes";
    /** Counter of pages answered. */
    public static final String PAGES = "auditsdk.pages";
    /** Gauge of the watermark, in seconds since the epoch. */
    public static final String WATERMARK = "auditsdk.watermark";
    /** Gauge of the collection lag (now minus the watermark), in seconds. */
    public static final String COLLECTION_LAG = "auditsdk.collection.lag";

    /** Tag: the vendor's short name, e.g. {@code boomi}. */
    public static final String TAG_VENDOR = "vendor";
    /** Tag: the stream's name, as the caller calls it (e.g. {@code boomi-acme}). */
    public static final String TAG_STREAM = "stream";
    /** Tag of {@value #REQUESTS}: the answer's status class, or {@code none}. */
    public static final String TAG_STATUS = "status";
    /** Tag of {@value #LOGINS}: {@code success} or {@code failure}. */
    public static final String TAG_RESULT = "result";
    /** Tag of {@value #FAILURES}: the simple class name of the exception. */
    public static final String TAG_ERROR = "error";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Clock clock;
    private final AtomicReference<Instant> watermark = new AtomicReference<>();
    private volatile boolean removed;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Map<String, Counter> tagged = new ConcurrentHashMap<>();
    private final Counter entries;
    private final Counter retries;
    private final Counter throttles;
    private final Counter bytes;
    private final Counter pages;

    private AuditLogMetrics(MeterRegistry registry, String vendor, String stream, Clock clock) {
        this.registry = registry;
        this.tags = Tags.of(TAG_VENDOR, vendor, TAG_STREAM, stream);
        this.clock = clock;
        this.entries = counter(ENTRIES_DELIVERED, "entries handed to the reader", null, Tags.empty());
        this.retries = counter(RETRIES, "HTTP attempts retried", null, Tags.empty());
        this.throttles = counter(THROTTLES, "answers refusing a request for load", null, Tags.empty());
        this.bytes = counter(RESPONSE_BYTES, "response body bytes received", "bytes", Tags.empty());
        this.pages = counter(PAGES, "pages, batches, windows and export files answered", null, Tags.empty());
        meters.add(Gauge.builder(WATERMARK, this, AuditLogMetrics::watermarkSeconds)
                .description("how far the collection has got, in seconds since the epoch")
                .baseUnit("seconds").tags(tags).strongReference(true).register(registry));
        meters.add(Gauge.builder(COLLECTION_LAG, this, AuditLogMetrics::lagSeconds)
                .description("now minus the watermark")
                .baseUnit("seconds").tags(tags).strongReference(true).register(registry));
    }

    /**
     * Registers the meters of one stream, with the system UTC clock for the lag.
     *
     * @param registry where the meters go
     * @param vendor the vendor's short name, the {@value #TAG_VENDOR} tag
     * @param stream the stream's name, the {@value #TAG_STREAM} tag
     * @return the stream's metrics, the listener to give its sources
     * @throws IllegalArgumentException if vendor or stream is blank
     * @throws IllegalStateException if the registry already has this vendor and stream's meters
     */
    public static AuditLogMetrics register(MeterRegistry registry, String vendor, String stream) {
        return register(registry, vendor, stream, Clock.systemUTC());
    }

    /**
     * Registers the meters of one stream.
     *
     * @param registry where the meters go
     * @param vendor the vendor's short name, the {@value #TAG_VENDOR} tag
     * @param stream the stream's name, the {@value #TAG_STREAM} tag
     * @param clock what "now" is for the lag
     * @return the stream's metrics, the listener to give its sources
     * @throws IllegalArgumentException if vendor or stream is blank
     * @throws IllegalStateException if the registry already has this vendor and stream's meters
     */
    public static AuditLogMetrics register(MeterRegistry registry, String vendor, String stream, Clock clock) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        String v = nonBlank(vendor, "vendor");
        String s = nonBlank(stream, "stream");
        if (registry.find(WATERMARK).tags(TAG_VENDOR, v, TAG_STREAM, s).gauge() != null) {
            throw new IllegalStateException("the metrics of stream '" + s + "' (vendor " + v + ") are already registered"
                    + " in this registry: keep one AuditLogMetrics per stream, or remove() the old one first");
        }
        return new AuditLogMetrics(registry, v, s, clock);
    }

    private static String nonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** @return the watermark so far, if any entry was delivered or any read completed */
    public Optional<Instant> watermark() {
        return Optional.ofNullable(watermark.get());
    }

    /** @return now minus the watermark (zero if the watermark is ahead of now), if there is a watermark */
    public Optional<Duration> lag() {
        return watermark().map(w -> {
            Duration lag = Duration.between(w, clock.instant());
            return lag.isNegative() ? Duration.ZERO : lag;
        });
    }

    /** Removes this stream's meters from the registry; events after that are no longer counted there. */
    public void remove() {
        removed = true;
        meters.forEach(registry::remove);
        meters.clear();
        tagged.clear();
    }

    @Override
    public void onResponse(int status) {
        count(REQUESTS, "HTTP attempts by the status class of their answer", TAG_STATUS, (status / 100) + "xx");
    }

    @Override
    public void onNoResponse(IOException error) {
        count(REQUESTS, "HTTP attempts by the status class of their answer", TAG_STATUS, "none");
    }

    @Override
    public void onRetry(int attempt, Duration delay) {
        retries.increment();
    }

    @Override
    public void onThrottle(int status) {
        throttles.increment();
    }

    @Override
    public void onLogin(boolean succeeded) {
        count(LOGINS, "logins", TAG_RESULT, succeeded ? "success" : "failure");
    }

    @Override
    public void onBytesRead(long count) {
        bytes.increment(count);
    }

    @Override
    public void onPage() {
        pages.increment();
    }

    @Override
    public void onEntryDelivered(Instant timestamp) {
        entries.increment();
    }

    @Override
    public void onWatermark(Instant position) {
        watermark.accumulateAndGet(position, (old, now) -> old == null || now.isAfter(old) ? now : old);
    }

    @Override
    public void onFailure(RuntimeException error) {
        count(FAILURES, "reads that failed", TAG_ERROR, error.getClass().getSimpleName());
    }

    private double watermarkSeconds() {
        Instant w = watermark.get();
        return w == null ? Double.NaN : seconds(w.getEpochSecond(), w.getNano());
    }

    private double lagSeconds() {
        return lag().map(d -> seconds(d.getSeconds(), d.getNano())).orElse(Double.NaN);
    }

    private static double seconds(long seconds, int nanos) {
        return seconds + nanos / 1e9;
    }

    /** Counts on the counter of a name and one extra tag, registered on first use (unless removed). */
    private void count(String name, String description, String key, String value) {
        if (!removed) {
            tagged.computeIfAbsent(name + '\u0000' + value, k -> counter(name, description, null, Tags.of(key, value)))
                    .increment();
        }
    }

    private Counter counter(String name, String description, String baseUnit, Tags extra) {
        Counter counter = Counter.builder(name).description(description).baseUnit(baseUnit).tags(tags).tags(extra)
                .register(registry);
        meters.add(counter);
        return counter;
    }
}
