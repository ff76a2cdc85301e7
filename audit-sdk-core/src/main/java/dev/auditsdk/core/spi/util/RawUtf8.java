package dev.auditsdk.core.spi.util;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text written as it is ({@code JsonGenerator.writeRaw}/{@code writeRawValue}) by copying
 * its UTF-8 bytes: the JDK encodes the text once (for ASCII text, one array copy), where
 * {@code writeRaw(String)} copies it into a char buffer and encodes it a character at a time.
 * The unquoted forms, which a raw write uses, come from the bytes and the text; the quoted ones
 * are {@link SerializedString}'s, made only if asked for. Immutable.
 */
public final class RawUtf8 implements SerializableString {
    private final String text;
    private final byte[] utf8;

    private RawUtf8(String text, byte[] utf8) {
        this.text = text;
        this.utf8 = utf8;
    }

    /**
     * @param json JSON text, exactly as it is to be written
     * @return it with its UTF-8 bytes
     */
    public static RawUtf8 of(String json) {
        return new RawUtf8(json, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param utf8 JSON text as UTF-8 bytes, exactly as they are to be written; copied
     * @return them with their text
     */
    public static RawUtf8 of(byte[] utf8) {
        byte[] copy = utf8.clone();
        return new RawUtf8(new String(copy, StandardCharsets.UTF_8), copy);
    }

    @Override
    public String getValue() {
        return text;
    }

    @Override
    public int charLength() {
        return text.length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8.clone();
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1;
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        if (offset + text.length() > buffer.length) {
            return -1;
        }
        text.getChars(0, text.length(), buffer, offset);
        return text.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    @Override
    public char[] asQuotedChars() {
        return quoted().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return quoted().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return quoted().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return quoted().appendQuoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return quoted().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return quoted().putQuotedUTF8(buffer);
    }

    private SerializedString quoted() {
        return new SerializedString(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
