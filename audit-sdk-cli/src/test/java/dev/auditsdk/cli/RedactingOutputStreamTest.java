package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {
    @Test
    void masksSecretsEvenWhenWrittenInPieces() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.add("hunter2-S3CR3T");
        redactor.add("abc"); // too short to redact without garbling text
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new RedactingOutputStream(sink, redactor), true, StandardCharsets.UTF_8);

        out.print("token hunter2-");
        out.print("S3CR3T in a line, abc stays\n");
        out.print("progress hunter2-S3CR3T\r");
        out.flush();

        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("token **** in a line, abc stays\nprogress ****\r");
    }
}
