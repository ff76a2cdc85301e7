package dev.auditsdk.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The progress line on stderr (entries so far, rate, the time the read has reached and, when the
 * range is known, how far through it that is), redrawn in place at most every 250 ms, only when
 * stderr is a terminal and not {@code --quiet}.
 */
final class Progress {
    private static final long REDRAW_MILLIS = 250;
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final Clock clock;
    private final long startMillis;
    private final RequestStats stats;
    private long lastDraw;
    private int lastWidth;
    private Instant rangeFrom;
    private Instant rangeTo;
    private Instant firstReached;

    Progress(PrintStream err, boolean enabled, String label, Clock clock, RequestStats stats) {
        this.stats = stats;
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    /**
     * @param from the start of the range the run reads
     * @param to its end
     * @return this progress, showing how far through the range the read is
     */
    Progress range(Instant from, Instant to) {
        this.rangeFrom = from;
        this.rangeTo = to;
        return this;
    }

    /**
     * @param entries entries written so far
     * @param reached the time of the entry just written
     */
    void update(long entries, Instant reached) {
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        if (now - lastDraw < REDRAW_MILLIS) {
            return;
        }
        lastDraw = now;
        draw(String.format(Locale.ROOT, "%s: %,d entries, %s, at %s%s, %,d requests%s", label, entries,
                rate(entries, now - startMillis), reached.truncatedTo(ChronoUnit.SECONDS), percent(reached), stats.requests(),
                stats.retries() == 0 ? "" : String.format(Locale.ROOT, ", %,d retries", stats.retries())));
    }

    /**
     * @return {@code " (37% of the range)"}: the part of the range between the start and the
     *     time reached, or between the time reached and the end for a vendor that reads newest
     *     first (known once the read has moved); empty without a range
     */
    private String percent(Instant reached) {
        if (firstReached == null) {
            firstReached = reached;
        }
        if (rangeFrom == null || rangeTo == null || !rangeTo.isAfter(rangeFrom) || reached.equals(firstReached)) {
            return "";
        }
        boolean newestFirst = reached.isBefore(firstReached);
        long span = Duration.between(rangeFrom, rangeTo).toMillis();
        long done = newestFirst ? Duration.between(reached, rangeTo).toMillis() : Duration.between(rangeFrom, reached).toMillis();
        long percent = Math.max(0, Math.min(100, done * 100 / Math.max(1, span)));
        return " (" + percent + "% of the range)";
    }

    /** @param status a short status such as {@code "waiting 60s for the next poll"} */
    void status(String status) {
        if (enabled) {
            draw(label + ": " + status);
        }
    }

    /** Removes the progress line before a normal message is printed. */
    void clear() {
        if (enabled && lastWidth > 0) {
            err.print(" ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    static String rate(long entries, long millis) {
        if (millis <= 0) {
            return "-/s";
        }
        return String.format(Locale.ROOT, "%,.0f/s", entries * 1000.0 / millis);
    }

    private void draw(String line) {
        String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
        // the line ends in CR (cursor back to column 0): stderr's redactor releases text at line ends
        err.print(padded + "\r");
        err.flush();
        lastWidth = line.length();
    }
}
