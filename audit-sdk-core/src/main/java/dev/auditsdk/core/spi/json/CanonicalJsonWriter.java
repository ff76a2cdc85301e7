package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the canonical JSON of {@link StableIdentity} (compact, keys sorted) for the common case
 * of an entry made of objects, arrays, ASCII strings, integers, booleans and nulls, byte for byte
 * as Jackson's generator would, several times faster. Anything else (a non-ASCII character, a
 * decimal number) makes {@link #write} return false, and the caller uses Jackson instead, so the
 * canonical form has one definition: Jackson's output.
 */
final class CanonicalJsonWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[512];
    private char[] chars = new char[256];
    private int size;

    /** @return the bytes written since the last {@link #reset()} are {@code bytes()[0..size())} */
    byte[] bytes() {
        return buf;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /**
     * @param node the entry
     * @return true if the whole entry was written; false if it holds something left to Jackson
     *     (the buffer then holds a partial result: reset it)
     */
    boolean write(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return writeObject(node);
            case ARRAY:
                put('[');
                boolean first = true;
                for (JsonNode element : node) {
                    if (!first) {
                        put(',');
                    }
                    first = false;
                    if (!write(element)) {
                        return false;
                    }
                }
                put(']');
                return true;
            case STRING:
                return writeString(node.textValue());
            case BOOLEAN:
                ascii(node.booleanValue() ? "true" : "false");
                return true;
            case NULL:
                ascii("null");
                return true;
            case NUMBER:
                if (node.isInt() || node.isLong()) {
                    ascii(Long.toString(node.longValue()));
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private boolean writeObject(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonNode>[] fields = new Map.Entry[node.size()];
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields[count++] = it.next();
        }
        sortByName(fields);
        put('{');
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                put(',');
            }
            if (!writeString(fields[i].getKey())) {
                return false;
            }
            put(':');
            if (!write(fields[i].getValue())) {
                return false;
            }
        }
        put('}');
        return true;
    }

    /** Audit entries have a handful of fields: insertion sort beats a general sort there. */
    static void sortByName(Map.Entry<String, JsonNode>[] fields) {
        if (fields.length > 32) {
            Arrays.sort(fields, Map.Entry.comparingByKey());
            return;
        }
        for (int i = 1; i < fields.length; i++) {
            Map.Entry<String, JsonNode> f = fields[i];
            int j = i;
            while (j > 0 && fields[j - 1].getKey().compareTo(f.getKey()) > 0) {
                fields[j] = fields[j - 1];
                j--;
            }
            fields[j] = f;
        }
    }

    /** Jackson's escaping: quote, backslash and control characters; DEL and printable ASCII as is. */
    private boolean writeString(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        s.getChars(0, n, chars, 0); // one bulk copy, then a tight loop over the array
        ensure(n + 2);
        byte[] b = buf;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
                continue;
            }
            if (c >= 0x80) {
                size = p;
                return false;
            }
            size = p;
            escape(c);
            ensure(n - i + 1);
            b = buf;
            p = size;
        }
        b[p++] = '"';
        size = p;
        return true;
    }

    private void escape(char c) {
        switch (c) {
            case '"':
            case '\\':
                put('\\');
                put(c);
                return;
            case '\b':
                put('\\');
                put('b');
                return;
            case '\t':
                put('\\');
                put('t');
                return;
            case '\n':
                put('\\');
                put('n');
                return;
            case '\f':
                put('\\');
                put('f');
                return;
            case '\r':
                put('\\');
                put('r');
                return;
            default:
                ascii("\\u00");
                put((char) HEX[c >> 4]);
                put((char) HEX[c & 0xF]);
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void put(char c) {
        if (size == buf.length) {
            ensure(1);
        }
        buf[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + more, buf.length * 2));
        }
    }
}
