package dev.auditsdk.testkit.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcsfCheckTest {
    private static final String VALID = "{\"class_uid\":3002,\"category_uid\":3,\"activity_id\":2,"
            + "\"activity_name\":\"Logoff\",\"type_uid\":300202,\"time\":1700000000000,\"severity_id\":1,"
            + "\"metadata\":{\"version\":\"1.3.0\",\"product\":{\"name\":\"p\",\"vendor_name\":\"v\"}},"
            + "\"user\":{\"name\":\"ada\"},\"service\":{\"name\":\"p\"}}";

    @TempDir
    Path dir;

    @Test
    void validNdjsonExitsZeroAndSummarizes() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.ndjson"), VALID + "\n\n" + VALID + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = OcsfCheck.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("checked 2 events against OCSF 1.3.0: 2 valid, 0 invalid")
                .contains("  src_endpoint (2)");
    }

    @Test
    void violationsArePrintedWithFileAndLineAndExitOne() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.ndjson"),
                VALID + "\n" + VALID.replace("\"Logoff\"", "\"logout\"") + "\nnot json\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = OcsfCheck.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(file + ":2: activity_name: must be 'Logoff', the caption of activity_id 2, is 'logout'")
                .contains(file + ":3: not JSON")
                .contains("1 valid, 2 invalid");
    }

    @Test
    void withoutFilesItPrintsUsageAndExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(OcsfCheck.run(new String[0], System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: OcsfCheck");
    }
}
