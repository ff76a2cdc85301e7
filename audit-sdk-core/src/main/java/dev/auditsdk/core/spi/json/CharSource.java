package dev.auditsdk.core.spi.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict UTF-8 characters from a byte stream, buffered, with one character of look-ahead;
 * a leading byte-order mark is skipped. Malformed UTF-8 raises
 * {@link java.nio.charset.MalformedInputException} instead of turning into replacement characters.
 */
final class CharSource implements Closeable {
    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private boolean started;

    CharSource(InputStream in) {
        this.reader = new InputStreamReader(Objects.requireNonNull(in, "in"), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** @return the next character, or -1 at the end */
    int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buffer[pos++];
    }

    /** @return the next character without consuming it, or -1 at the end */
    int peek() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buffer[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            limit = 0;
            pos = 0;
            return false;
        }
        pos = 0;
        limit = n;
        if (!started) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                pos = 1;
                return pos < limit || fill();
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
