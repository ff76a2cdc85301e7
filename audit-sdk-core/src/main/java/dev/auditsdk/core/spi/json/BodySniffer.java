package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.Excerpt;

/**
 * Implements {@link BodyFormat#sniff(InputStream, ReadLimits, String)}: peeks with mark/reset, never
 * consumes; every gzip and zip layer inflates through one {@link DecompressionGuard}.
 */
final class BodySniffer {
    private static final Logger LOG = LoggerFactory.getLogger(BodySniffer.class);
    /** gzip inside zip inside gzip is as deep as any vendor goes. */
    private static final int MAX_LAYERS = 3;

    private BodySniffer() {
    }

    static SniffedBody sniff(InputStream raw, ReadLimits limits, String what) {
        return sniff(raw, limits, what, 0);
    }

    /**
     * @param layersAbove compression layers already unwrapped around this body (a file of a zip
     *     counts the layers around the zip and the zip itself)
     */
    static SniffedBody sniff(InputStream raw, ReadLimits limits, String what, int layersAbove) {
        InputStream original = Objects.requireNonNull(raw, "body");
        if (original instanceof ZipFiles.Handle) {
            // a body of several files handed on as a stream (e.g. in an export status): its files again
            return new SniffedBody(((ZipFiles.Handle) original).files(), limits);
        }
        DecompressionGuard guard = new DecompressionGuard(limits, what);
        try {
            BufferedInputStream in = buffered(original);
            for (int layer = layersAbove; layer < MAX_LAYERS; layer++) {
                byte[] magic = peek(in, 4);
                if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                    LOG.debug("body is gzip-compressed");
                    in = buffered(guard.gunzipLayer(in));
                } else if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                    // every file, in name order; each file inflates within the limits on its own
                    return ZipFiles.read(in, original, limits, what, layer + 1);
                } else {
                    break;
                }
            }
            return new SniffedBody(detectText(in), in, limits);
        } catch (ZipException e) {
            closeQuietly(original, e);
            throw new AuditDataException("the body is a corrupt gzip or zip archive", e);
        } catch (IOException e) {
            closeQuietly(original, e);
            throw new AuditTransportException("reading the start of the body failed", e);
        } catch (RuntimeException e) {
            closeQuietly(original, e);
            throw e;
        }
    }

    private static BodyFormat detectText(BufferedInputStream in) throws IOException {
        byte[] head = peek(in, BodyFormat.SNIFF_LIMIT);
        boolean wholeBody = head.length < BodyFormat.SNIFF_LIMIT;
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        i = skipBlank(head, i);
        if (i == head.length) {
            if (wholeBody) {
                return BodyFormat.EMPTY;
            }
            throw new AuditDataException("the first " + BodyFormat.SNIFF_LIMIT + " bytes of the body are blank");
        }
        int c = head[i] & 0xff;
        if (c == '[') {
            return BodyFormat.JSON_ARRAY;
        }
        if (c == '{') {
            return objectOrLines(head, i);
        }
        String excerpt = Excerpt.of(new String(head, i, Math.min(head.length - i, 400), StandardCharsets.UTF_8));
        if (c == '<') {
            throw new AuditDataException("the body is not JSON or CSV (it looks like HTML or XML): " + excerpt, 1, i, null);
        }
        if (c < 0x20 || c == 0x7f) {
            throw new AuditDataException("the body is binary, not JSON or CSV", 1, i, null);
        }
        if (!firstLineHasSeparator(head, i)) {
            // a one-line text answer ("Service unavailable") is no CSV header: reading it as one would
            // give zero rows and mark the range complete
            throw new AuditDataException("the body is neither JSON nor CSV (its first line has no ',' separator): "
                    + excerpt, 1, i, null);
        }
        return BodyFormat.CSV;
    }

    /** Whether the first line (within the sniffed head) holds a comma, as every vendor's CSV header does. */
    private static boolean firstLineHasSeparator(byte[] head, int start) {
        for (int j = start; j < head.length; j++) {
            if (head[j] == ',') {
                return true;
            }
            if (head[j] == '\n' || head[j] == '\r') {
                return false;
            }
        }
        return false;
    }

    /** JSON Lines when more content follows the first value, which must then end on its first line. */
    private static BodyFormat objectOrLines(byte[] head, int start) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int j = start; j < head.length; j++) {
            byte b = head[j];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    return skipBlank(head, j + 1) < head.length ? BodyFormat.JSON_LINES : BodyFormat.JSON_OBJECT;
                }
            } else if (b == '\n' || b == '\r') {
                return BodyFormat.JSON_OBJECT;
            }
        }
        return BodyFormat.JSON_OBJECT;
    }

    private static int skipBlank(byte[] head, int from) {
        int i = from;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static byte[] peek(BufferedInputStream in, int max) throws IOException {
        in.mark(max);
        byte[] buf = new byte[max];
        int n = 0;
        while (n < max) {
            int r = in.read(buf, n, max - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        return n == max ? buf : java.util.Arrays.copyOf(buf, n);
    }

    private static BufferedInputStream buffered(InputStream in) {
        return new BufferedInputStream(in, BodyFormat.SNIFF_LIMIT + 1);
    }

    private static void closeQuietly(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
