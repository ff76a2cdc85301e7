package dev.auditsdk.core.spi.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Hostile bodies for the limit tests, made cheaply: huge texts are generated as they are read,
 * and a gzip bomb is one small gzip member repeated (a valid multi-member gzip stream) rather
 * than a gigabyte deflated in the test.
 */
final class Bombs {
    static final long MiB = 1L << 20;
    static final long GiB = 1L << 30;

    private Bombs() {
    }

    /**
     * For a bomb test's {@code @BeforeAll}: in the module's {@code bomb-tests} surefire
     * execution, fails unless the heap is at most 64 MB (on a larger heap the test proves
     * nothing); anywhere else (e.g. the default execution when {@code -Dtest} names the class)
     * skips the test.
     */
    static void requireSmallHeap() {
        Assumptions.assumeTrue(Boolean.getBoolean("auditsdk.bombTests"),
                "bomb tests run in the bomb-tests surefire execution, with -Xmx64m");
        long max = Runtime.getRuntime().maxMemory();
        if (max > 64 * MiB) {
            throw new AssertionError("the bomb tests need -Xmx64m, but the heap may grow to " + max + " bytes");
        }
    }

    /** {@code head}, then {@code unit} {@code count} times, then {@code tail}, generated as read. */
    static InputStream text(String head, String unit, long count, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] u = unit.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        long total = h.length + u.length * count + t.length;
        return new InputStream() {
            private long pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = at(pos + i);
                }
                pos += n;
                return n;
            }

            private byte at(long p) {
                if (p < h.length) {
                    return h[(int) p];
                }
                long q = p - h.length;
                if (q < u.length * count) {
                    return u[(int) (q % u.length)];
                }
                return t[(int) (q - u.length * count)];
            }
        };
    }

    /**
     * A gzip body of {@code head} followed by {@code unit} repeated to about {@code size} bytes:
     * a member holding {@code head}, then one 16 MiB member of {@code unit}s repeated.
     */
    static byte[] gzipOf(String head, String unit, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(gzip(head.getBytes(StandardCharsets.UTF_8)));
        byte[] member = gzip(text("", unit, (16 * MiB) / unit.length(), ""));
        for (long done = 0; done < size; done += 16 * MiB) {
            out.writeBytes(member);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        return gzip(new ByteArrayInputStream(bytes));
    }

    /** Streams {@code content} into a gzip member. */
    static byte[] gzip(InputStream content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            content.transferTo(gz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip archive with one entry holding {@code content}, deflated at {@code level}. */
    static byte[] zip(String name, InputStream content, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            zip.putNextEntry(new ZipEntry(name));
            content.transferTo(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip archive of {@code files} entries, each {@code text(head, unit, count, "")}, best compression. */
    static byte[] zipOfMany(int files, String head, String unit, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int i = 0; i < files; i++) {
                zip.putNextEntry(new ZipEntry(String.format("part-%05d.csv", i)));
                text(head, unit, count, "").transferTo(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(String name, byte[] content) {
        return zip(name, new ByteArrayInputStream(content), Deflater.BEST_COMPRESSION);
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code in} to its end, discarding it. */
    static long drain(InputStream in) throws IOException {
        try (in) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
