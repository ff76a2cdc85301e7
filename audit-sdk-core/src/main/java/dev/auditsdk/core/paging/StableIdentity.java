package dev.auditsdk.core.paging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Use one instance per sequential read (a response body, a time window), on one thread.
 * Counters are kept for the {@value #RECENT_HASHES} most recently seen hashes, which is ample for
 * time-ordered input, where identical entries are adjacent. Where the same entry may be read twice
 * within one run (overlapping offset pages), use the counter-free {@link #contentHash(JsonNode)}
 * and let the pager drop the re-read instead.
 */
public final class StableIdentity {
    /** How many distinct hashes keep their occurrence counter. */
    public static final int RECENT_HASHES = 16_384;

    /** How the digest is written. */
    public enum Encoding {
        /** 64 lower-case hex digits. */
        HEX,
        /** 43 characters of unpadded base64url. */
        BASE64URL
    }

    private final String prefix;
    private final Encoding encoding;
    private final Map<String, Integer> occurrences = new LinkedHashMap<String, Integer>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > RECENT_HASHES;
        }
    };

    private StableIdentity(String prefix, Encoding encoding) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
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
        String hash = contentHash(entry);
        int n = occurrences.merge(hash, 1, Integer::sum);
        return hash + "#" + n;
    }

    /**
     * The identity of an entry's content alone, without an occurrence counter.
     *
     * @param entry the entry as received
     * @return {@code prefix + hash}
     */
    public String contentHash(JsonNode entry) {
        MessageDigest sha256 = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            writeCanonical(entry, out);
        } catch (IOException e) {
            throw new UncheckedIOException("hashing an entry failed", e);
        }
        byte[] digest = sha256.digest();
        return prefix + (encoding == Encoding.HEX ? hex(digest) : Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
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
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            g.writeStartObject();
            for (String name : names) {
                g.writeFieldName(name);
                write(g, node.get(name));
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else {
            Json.mapper().writeTree(g, node);
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
