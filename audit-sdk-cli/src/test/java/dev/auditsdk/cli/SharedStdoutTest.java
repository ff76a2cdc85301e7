package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SharedStdoutTest {
    @Test
    void writersOfSeveralThreadsNeverSplitALine() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        SharedStdout shared = new SharedStdout(stdout);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String name = "writer-" + w;
            OutputStream out = shared.newWriter();
            writers.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        // a record arrives in pieces, and a flush may come in the middle of one
                        out.write((name + " record ").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        out.write((i + "\n").getBytes(StandardCharsets.UTF_8));
                        if (i % 7 == 0) {
                            out.flush();
                        }
                    }
                    out.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(new CompletableFuture[0])).get();

        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2000).allMatch(l -> l.matches("writer-\\d record \\d+"));
        for (int w = 0; w < 4; w++) {
            String prefix = "writer-" + w + " record ";
            List<String> own = new ArrayList<>();
            for (String l : lines) {
                if (l.startsWith(prefix)) {
                    own.add(l.substring(prefix.length()));
                }
            }
            assertThat(own).hasSize(500).first().isEqualTo("0");
            assertThat(own.get(499)).isEqualTo("499");
        }
    }

    @Test
    void anUnfinishedLastRecordIsWrittenWholeOnClose() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        OutputStream out = new SharedStdout(stdout).newWriter();
        out.write("a\nb".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("a\n");
        out.close();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb");
    }
}
