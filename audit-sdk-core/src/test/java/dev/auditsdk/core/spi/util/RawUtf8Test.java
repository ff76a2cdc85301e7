package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawUtf8Test {
    @Test
    void aRawValueGivesItsUtf8BytesInEveryUnquotedForm() throws Exception {
        String json = "{\"a\":\"\u00e9\ud83d\ude00\"}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        RawUtf8 value = RawUtf8.of(json);
        assertThat(RawUtf8.of(utf8).getValue()).isEqualTo(json);
        assertThat(value.getValue()).isEqualTo(json);
        assertThat(value.asUnquotedUTF8()).isEqualTo(utf8);
        byte[] buffer = new byte[utf8.length + 2];
        assertThat(value.appendUnquotedUTF8(buffer, 2)).isEqualTo(utf8.length);
        assertThat(java.util.Arrays.copyOfRange(buffer, 2, buffer.length)).isEqualTo(utf8);
        assertThat(value.appendUnquotedUTF8(buffer, 3)).as("no room: nothing written").isEqualTo(-1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(value.writeUnquotedUTF8(out)).isEqualTo(utf8.length);
        assertThat(out.toByteArray()).isEqualTo(utf8);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(utf8.length);
        assertThat(value.putUnquotedUTF8(bytes)).isEqualTo(utf8.length);
        assertThat(bytes.array()).isEqualTo(utf8);
        assertThat(value.putUnquotedUTF8(java.nio.ByteBuffer.allocate(1))).isEqualTo(-1);
        char[] chars = new char[json.length()];
        assertThat(value.appendUnquoted(chars, 0)).isEqualTo(json.length());
        assertThat(new String(chars)).isEqualTo(json);
        // the quoted forms are the plain serialized string's
        com.fasterxml.jackson.core.io.SerializedString plain = new com.fasterxml.jackson.core.io.SerializedString(json);
        assertThat(value.asQuotedUTF8()).isEqualTo(plain.asQuotedUTF8());
        assertThat(value.asQuotedChars()).isEqualTo(plain.asQuotedChars());
    }

}
