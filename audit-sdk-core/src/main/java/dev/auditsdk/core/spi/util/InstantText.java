package dev.auditsdk.core.spi.util;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes an {@link Instant} as a JSON string exactly as {@link Instant#toString()} spells it
 * (ISO-8601 in UTC: {@code 2024-01-01T00:00:00Z}, a fraction of 3, 6 or 9 digits only when the
 * nanoseconds are not zero), without a {@code DateTimeFormatter} or a {@code String} per value:
 * what the writers of many events (the normalized JSON, OCSF's {@code time_dt}) use. Years
 * outside 0000–9999, which {@code toString()} spells differently, are written from
 * {@code toString()}.
 */
public final class InstantText {
    /** Seconds from 0000-01-01T00:00:00Z to the epoch. */
    private static final long SECONDS_0000_TO_1970 = 62_167_219_200L;
    /** Seconds from the epoch to 10000-01-01T00:00:00Z. */
    private static final long SECONDS_1970_TO_10000 = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} */
    private static final int MAX_LENGTH = 30;

    private InstantText() {
    }

    /**
     * Writes the instant as a JSON string value.
     *
     * @param g where the value goes, positioned where a value may be written
     * @param t the instant
     * @throws IOException when the generator's output fails
     */
    public static void write(JsonGenerator g, Instant t) throws IOException {
        long seconds = t.getEpochSecond();
        if (seconds < -SECONDS_0000_TO_1970 || seconds >= SECONDS_1970_TO_10000) {
            g.writeString(t.toString());
            return;
        }
        char[] c = new char[MAX_LENGTH];
        int n = format(seconds, t.getNano(), c);
        g.writeString(c, 0, n);
    }

    /** Spells an instant of the years 0000–9999 into {@code c}; returns the length. */
    private static int format(long seconds, int nano, char[] c) {
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil date from days since the epoch (H. Hinnant's algorithm, proleptic Gregorian)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        int n = 19;
        if (nano > 0) {
            c[n++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(c, n, nano / 1_000_000, 3);
                n += 3;
            } else if (nano % 1000 == 0) {
                digits(c, n, nano / 1000, 6);
                n += 6;
            } else {
                digits(c, n, nano, 9);
                n += 9;
            }
        }
        c[n++] = 'Z';
        return n;
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] c, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }
}
