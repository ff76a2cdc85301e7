package dev.auditsdk.cli.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value written as it is, by copying its UTF-8 bytes: the JDK encodes the text once (for
 * the ASCII text of nearly every audit line, one array copy), where
 * {@code JsonGenerator.writeRawValue(String)} copies it into a char buffer and encodes it a
 * character at a time. The unquoted forms, which a raw write uses, come from the bytes and the
 * text; the quoted ones are {@link SerializedString}'s, made only if asked for.
 */
final class Utf8RawValue implements SerializableString {
    private final String text;
    private final byte[] utf8;

    /** @param json a whole JSON value, exactly as it is to be written */
    Utf8RawValue(String json) {
        this.text = json;
        this.utf8 = json.getBytes(StandardCharsets.UTF_8);
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
