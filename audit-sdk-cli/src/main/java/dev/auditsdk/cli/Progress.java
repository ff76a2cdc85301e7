package dev.auditsdk.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The progress line on stderr (entries so far, rate, the time the read has reached), redrawn
 * in place at most every 250 ms, only when stderr is a terminal and not {@code --quiet}.
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

    Progress(PrintStream err, boolean enabled, String label, Clock clock, RequestStats stats) {
        this.stats = stats;
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    /**
     * @param entries entries written so far
     * @param reached the time of the newest entry written
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
        draw(String.format(Locale.ROOT, "%s: %,d entries, %s, at %s, %,d requests%s", label, entries,
                rate(entries, now - startMillis), reached.truncatedTo(ChronoUnit.SECONDS), stats.requests(),
                stats.retries() == 0 ? "" : String.format(Locale.ROOT, ", %,d retries", stats.retries())));
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
