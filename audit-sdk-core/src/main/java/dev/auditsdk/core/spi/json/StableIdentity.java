package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Stable identities for entries whose vendor sends no id (Sonatype Lifecycle, UiPath classic):
 * {@code prefix + hash + "#" + occurrence}.
 *
 * <p>The hash is SHA-256 over the entry's canonical JSON (object keys sorted at every level,
 * arrays in order, no whitespace), so it does not depend on the order the vendor wrote the keys
 * in. Two identical events (same content, hence the same timestamp) are still two entries: the
 * occurrence counter numbers them {@code #1}, {@code #2}, ... in reading order. Reading the same
 * data again numbers them the same way, so identities are deterministic across runs: a resumed
 * run that re-reads from the checkpoint's horizon sees every copy of an identical event again
 * (they share a timestamp), and skips exactly the copies already delivered.
 *
 * <p>Where the vendor writes each entry as the same bytes wherever it is read (Sonatype
 * Lifecycle: the REST body and the server's log files carry the same line), the hash can be
 * taken over those bytes instead ({@link #identify(byte[], int, int)}): SHA-256 over the bytes
 * as received, nothing re-serialized, which costs a fraction of the canonical form. That form
 * depends on the exact bytes (key order, spacing, escapes), and gives another hash than the
 * canonical form of the same entry: a source picks one form and uses it for every entry.
 *
 * <p>Use one instance per sequential read (a response body, a time window), on one thread
 * ({@link #contentHash(JsonNode)} alone is thread-safe).
 * Counters are kept for the {@value #RECENT_HASHES} most recently seen hashes, which is ample for
 * time-ordered input, where identical entries are adjacent. Where the same entry may be read twice
 * within one run (overlapping offset pages), use the counter-free {@link #contentHash(JsonNode)}
 * and let the pager drop the re-read instead.
 */
public final class StableIdentity {
    /** How many distinct hashes keep their occurrence counter. */
    public static final int RECENT_HASHES = 2_048;

    /** How the digest is written. */
    public enum Encoding {
        /** 64 lower-case hex digits. */
        HEX,
        /** 43 characters of unpadded base64url. */
        BASE64URL
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BASE64URL_DIGITS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.ISO_8859_1);

    private final String prefix;
    /** The prefix's bytes when it is Latin-1 (identities are then written as bytes), else null. */
    private final byte[] latin1Prefix;
    private final Encoding encoding;
    /**
     * Occurrence counters in two generations: new hashes go to {@code young}; when it is full it
     * becomes {@code old} and a fresh {@code young} starts. A hash found only in {@code old} is
     * counted on in {@code young} (young is looked up first, so the stale count in old is never
     * read again), so at least the {@value #RECENT_HASHES} most recent hashes keep their
     * counters, without the per-entry bookkeeping of an LRU map.
     */
    private Generation young = new Generation();
    private Generation old = new Generation();

    private final Canonical canonical = new Canonical();
    private final CanonicalJsonWriter fast = new CanonicalJsonWriter();
    private final MessageDigest sha256 = sha256();

    private StableIdentity(String prefix, Encoding encoding) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.latin1Prefix = prefix.chars().allMatch(c -> c < 0x100) ? prefix.getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * @param prefix put before every identity, e.g. {@code "lc:"}; may be empty
     * @return an identity source writing base64url digests
     */
    public static StableIdentity withPrefix(String prefix) {
        return new StableIdentity(prefix, Encoding.BASE64URL);
    }

    /**
     * @param prefix put before every identity; may be empty
     * @param encoding how to write the digest
     * @return an identity source
     */
    public static StableIdentity withPrefix(String prefix, Encoding encoding) {
        return new StableIdentity(prefix, encoding);
    }

    /**
     * The identity of the next entry read: its content hash and its occurrence among identical entries.
     *
     * @param entry the entry as received
     * @return {@code prefix + hash + "#" + n}, {@code n} counting from 1
     */
    public String identify(JsonNode entry) {
        return numbered(digest(entry));
    }

    /**
     * The identity of the next entry read, from its bytes exactly as received: their hash and
     * its occurrence among identical entries.
     *
     * @param bytes holds the entry, e.g. a JSON line without its line break
     * @param offset where the entry starts
     * @param length the entry's length in bytes
     * @return {@code prefix + hash + "#" + n}, {@code n} counting from 1
     * @throws IndexOutOfBoundsException if the range is not within {@code bytes}
     */
    public String identify(byte[] bytes, int offset, int length) {
        return numbered(digest(bytes, offset, length));
    }

    /** The identity with the digest's occurrence number, counting it. */
    private String numbered(byte[] digest) {
        long fingerprint = fingerprint(digest);
        int n;
        int slot = young.find(digest, fingerprint);
        if (slot >= 0) {
            n = young.increment(slot);
        } else {
            int inOld = old.find(digest, fingerprint);
            n = inOld >= 0 ? old.count(inOld) + 1 : 1;
            if (young.size() >= RECENT_HASHES) {
                // the old generation's counts are superseded or expire: reuse its arrays as the new young one
                Generation expired = old;
                old = young;
                expired.clear();
                young = expired;
                slot = young.find(digest, fingerprint);
            }
            young.insert(~slot, digest, fingerprint, n);
        }
        return identity(digest, n);
    }

    /**
     * {@code prefix + encode(digest) + "#" + n}, written straight into the bytes of one Latin-1
     * string: no intermediate encoded array, string or concatenation per entry.
     */
    private String identity(byte[] digest, int n) {
        if (latin1Prefix == null) {
            return prefix + encode(digest) + "#" + n;
        }
        int p = latin1Prefix.length;
        boolean hex = encoding == Encoding.HEX;
        int encoded = hex ? digest.length * 2 : (digest.length * 4 + 2) / 3;
        int digits = 1;
        for (int v = n; v >= 10; v /= 10) {
            digits++;
        }
        byte[] out = new byte[p + encoded + 1 + digits];
        System.arraycopy(latin1Prefix, 0, out, 0, p);
        if (hex) {
            for (int i = 0; i < digest.length; i++) {
                out[p + 2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
                out[p + 2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
            }
        } else {
            base64url(digest, out, p);
        }
        int at = p + encoded;
        out[at] = '#';
        for (int i = out.length - 1, v = n; i > at; i--, v /= 10) {
            out[i] = (byte) ('0' + v % 10);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Unpadded base64url of {@code in}, as {@link Base64#getUrlEncoder()} writes it, into {@code out} from {@code at}. */
    private static void base64url(byte[] in, byte[] out, int at) {
        int i = 0;
        int o = at;
        for (; i + 3 <= in.length; i += 3) {
            int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
            out[o++] = BASE64URL_DIGITS[bits >>> 18];
            out[o++] = BASE64URL_DIGITS[(bits >>> 12) & 0x3f];
            out[o++] = BASE64URL_DIGITS[(bits >>> 6) & 0x3f];
            out[o++] = BASE64URL_DIGITS[bits & 0x3f];
        }
        int rest = in.length - i;
        if (rest == 1) {
            int bits = (in[i] & 0xff) << 16;
            out[o++] = BASE64URL_DIGITS[bits >>> 18];
            out[o] = BASE64URL_DIGITS[(bits >>> 12) & 0x3f];
        } else if (rest == 2) {
            int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8;
            out[o++] = BASE64URL_DIGITS[bits >>> 18];
            out[o++] = BASE64URL_DIGITS[(bits >>> 12) & 0x3f];
            out[o] = BASE64URL_DIGITS[(bits >>> 6) & 0x3f];
        }
    }

    /**
     * The identity of an entry's content alone, without an occurrence counter.
     *
     * @param entry the entry as received
     * @return {@code prefix + hash}
     */
    public String contentHash(JsonNode entry) {
        return prefix + encode(digest(entry));
    }

    private byte[] digest(JsonNode entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (canonical) {
            // one writer, buffer and digest per instance: creating them per entry cost more than hashing;
            // the lock keeps a shared instance safe for callers that only hash
            fast.reset();
            if (fast.write(entry)) {
                sha256.update(fast.bytes(), 0, fast.size());
            } else {
                // non-ASCII text or decimals: Jackson's generator defines the canonical form
                canonical.reset();
                try {
                    writeCanonical(entry, canonical);
                } catch (IOException e) {
                    throw new UncheckedIOException("hashing an entry failed", e);
                }
                sha256.update(canonical.bytes(), 0, canonical.size());
            }
            return sha256.digest();
        }
    }

    /**
     * The identity of an entry's bytes alone, without an occurrence counter.
     *
     * @param bytes holds the entry as received
     * @param offset where the entry starts
     * @param length the entry's length in bytes
     * @return {@code prefix + hash}, the hash taken over exactly these bytes
     * @throws IndexOutOfBoundsException if the range is not within {@code bytes}
     */
    public String contentHash(byte[] bytes, int offset, int length) {
        return prefix + encode(digest(bytes, offset, length));
    }

    private byte[] digest(byte[] bytes, int offset, int length) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        synchronized (canonical) {
            sha256.update(bytes, offset, length);
            return sha256.digest();
        }
    }

    private String encode(byte[] digest) {
        return encoding == Encoding.HEX ? hex(digest) : BASE64URL.encodeToString(digest);
    }

    /**
     * The canonical form that is hashed: compact JSON with the keys of every object sorted.
     *
     * @param node any JSON value
     * @return its canonical JSON text
     */
    public static String canonicalJson(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeCanonical(node, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing canonical JSON failed", e);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static void writeCanonical(JsonNode node, OutputStream out) throws IOException {
        Objects.requireNonNull(node, "entry");
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(g, node);
        }
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, JsonNode>[] fields = new Map.Entry[node.size()];
            int count = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields[count++] = it.next();
            }
            CanonicalJsonWriter.sortByName(fields);
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else {
            writeScalar(g, node);
        }
    }

    /** Writes a scalar exactly as {@code ObjectMapper.writeTree} would, without its per-call setup. */
    private static void writeScalar(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case STRING:
                g.writeString(node.textValue());
                return;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NULL:
                g.writeNull();
                return;
            case NUMBER:
                switch (node.numberType()) {
                    case INT:
                        g.writeNumber(node.intValue());
                        return;
                    case LONG:
                        g.writeNumber(node.longValue());
                        return;
                    case DOUBLE:
                        g.writeNumber(node.doubleValue());
                        return;
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        Json.mapper().writeTree(g, node);
    }

    /** The digest's first 8 bytes: SHA-256 output is uniform, so they serve as a hash code. */
    private static long fingerprint(byte[] digest) {
        long fp = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            fp = fp << 8 | (digest[i] & 0xff);
        }
        return fp;
    }

    /**
     * Occurrence counts of up to {@value #RECENT_HASHES} digests in an open-addressing table over
     * primitive arrays: counting a new digest is a probe or two into a compact array and no
     * allocation, where a hash map costs node chasing and garbage for every entry read.
     */
    private static final class Generation {
        /** A power of two, twice the entries held: probes stay short. */
        private static final int SLOTS = Integer.highestOneBit(RECENT_HASHES) * 2;
        private static final int DIGEST_BYTES = 32;

        private final long[] fingerprints = new long[SLOTS];
        private final byte[] digests = new byte[SLOTS * DIGEST_BYTES];
        /** 0 marks an empty slot. */
        private final int[] counts = new int[SLOTS];
        private int size;

        /** @return the digest's slot, or {@code ~slot} of the empty slot where it would go */
        int find(byte[] digest, long fingerprint) {
            int i = (int) fingerprint & (SLOTS - 1);
            while (counts[i] != 0) {
                if (fingerprints[i] == fingerprint
                        && Arrays.equals(digests, i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES, digest, 0, DIGEST_BYTES)) {
                    return i;
                }
                i = (i + 1) & (SLOTS - 1);
            }
            return ~i;
        }

        int count(int slot) {
            return counts[slot];
        }

        int increment(int slot) {
            return ++counts[slot];
        }

        void insert(int slot, byte[] digest, long fingerprint, int count) {
            fingerprints[slot] = fingerprint;
            System.arraycopy(digest, 0, digests, slot * DIGEST_BYTES, DIGEST_BYTES);
            counts[slot] = count;
            size++;
        }

        int size() {
            return size;
        }

        void clear() {
            Arrays.fill(counts, 0);
            size = 0;
        }
    }

    /** A byte buffer whose content can be hashed in place. */
    private static final class Canonical extends ByteArrayOutputStream {
        Canonical() {
            super(512);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
