package dev.auditsdk.lifecycle;

import static dev.auditsdk.lifecycle.LifecycleAuditLogSourceTest.PASSWORD;
import static dev.auditsdk.lifecycle.LifecycleAuditLogSourceTest.USER;
import static dev.auditsdk.lifecycle.LifecycleAuditLogSourceTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleAuditLogFilesTest {
    private static final Instant DAY1 = Instant.parse("2024-03-20T00:00:00Z");

    @TempDir
    Path dir;
    private LifecycleSimulator sim;

    @BeforeEach
    void start() {
        // five days of events, written by a server at -03:00 as its log files would hold them
        sim = LifecycleSimulator.builder().user(USER, PASSWORD).exportEvents(false).seed(21).storedEvents(500)
                .range(DAY1, DAY1.plusSeconds(5 * 86_400)).build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static List<String> lines(Stream<LifecycleAuditEntry> entries) {
        try (entries) {
            return entries.map(e -> e.raw().toString()).collect(Collectors.toList());
        }
    }

    private void writePlain(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private void writeGzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    /** The lines of one server-local (-03:00) calendar day, as a daily rotation would cut them. */
    private List<String> localDay(String date) {
        Instant start = java.time.LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.ofHours(-3));
        return sim.lines(start, start.plusSeconds(86_400)).collect(Collectors.toList());
    }

    /** Rotated files for the first four local days, the fifth in audit.log. */
    private List<String> writeLogDirectory() throws IOException {
        List<String> all = new ArrayList<>(sim.lines(DAY1.minusSeconds(86_400), DAY1).collect(Collectors.toList()));
        writeGzip(dir.resolve("audit-2024-03-19.log.gz"), localDay("2024-03-19"));
        writeGzip(dir.resolve("audit-2024-03-20.log.gz"), localDay("2024-03-20"));
        writePlain(dir.resolve("audit-2024-03-21.log"), localDay("2024-03-21"));
        List<String> day22 = localDay("2024-03-22");
        writeGzip(dir.resolve("audit-2024-03-22.log.gz"), day22.subList(0, day22.size() / 2));
        writeGzip(dir.resolve("audit-2024-03-22.1.log.gz"), day22.subList(day22.size() / 2, day22.size()));
        writePlain(dir.resolve("audit.log"), localDay("2024-03-23"));
        Files.writeString(dir.resolve("server.log"), "not an audit log\n");
        Files.writeString(dir.resolve("audit-2024-02-01.log"), "{broken\n");
        all.addAll(sim.lines(DAY1, DAY1.plusSeconds(5 * 86_400)).collect(Collectors.toList()));
        return all;
    }

    @Test
    void readsAPlainAndAGzippedFileWithTheSameParser() throws IOException {
        List<String> day = localDay("2024-03-20");
        writePlain(dir.resolve("audit.log"), day);
        writeGzip(dir.resolve("audit-2024-03-20.log.gz"), day);

        List<String> plain = lines(LifecycleAuditLogFiles.read(dir.resolve("audit.log")));
        List<String> gzipped = lines(LifecycleAuditLogFiles.read(dir.resolve("audit-2024-03-20.log.gz")));

        assertThat(plain).hasSize(day.size()).isEqualTo(gzipped);
        assertThat(plain.get(0)).isEqualTo(dev.auditsdk.core.spi.util.Json.mapper().readTree(day.get(0)).toString());
    }

    @Test
    void entriesFromFilesHaveTheSameIdentitiesAsFromTheRestApi() throws IOException {
        writeLogDirectory();
        AuditLogQuery query = AuditLogQuery.builder().from(DAY1.plusSeconds(3600)).to(DAY1.plusSeconds(3 * 86_400)).build();
        sim.start();

        LifecycleAuditLogSourceTest.Read fromFiles = read(LifecycleAuditLogFiles.of(dir), query);
        LifecycleAuditLogSourceTest.Read fromApi;
        try (LifecycleAuditLogSource api = LifecycleAuditLogSource.builder().baseUrl(sim.baseUrl())
                .credentials(USER, PASSWORD).build()) {
            fromApi = read(api, query);
        }

        assertThat(fromFiles.entries).hasSizeGreaterThan(250);
        assertThat(fromFiles.ids()).isEqualTo(fromApi.ids());
        assertThat(fromFiles.lines()).isEqualTo(fromApi.lines());
        assertThat(fromFiles.checkpoint).isEqualTo(fromApi.checkpoint);
    }

    @Test
    void selectsTheRotatedFilesAroundTheRangeThenTheCurrentFile() throws IOException {
        writeLogDirectory();

        List<Path> files = LifecycleAuditLogFiles.of(dir).files(AuditLogQuery.builder()
                .from(Instant.parse("2024-03-21T12:00:00Z")).to(Instant.parse("2024-03-22T06:00:00Z")).build());

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("audit-2024-03-20.log.gz",
                "audit-2024-03-21.log", "audit-2024-03-22.log.gz", "audit-2024-03-22.1.log.gz", "audit.log");
    }

    @Test
    void readsTheDirectoryInTimeOrderFilteredToTheRangeAndResumesExactlyOnce() throws IOException {
        List<String> all = writeLogDirectory();
        Instant from = DAY1.plusSeconds(86_400 + 3600);
        Instant to = DAY1.plusSeconds(4 * 86_400 + 600);
        List<String> expected = sim.lines(from, to).map(l -> {
            try {
                return dev.auditsdk.core.spi.util.Json.mapper().readTree(l).toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(Collectors.toList());
        assertThat(all).hasSizeGreaterThan(expected.size());
        LifecycleAuditLogFiles files = LifecycleAuditLogFiles.of(dir);

        LifecycleAuditLogSourceTest.Read first = read(files, AuditLogQuery.builder().from(from).to(to).limit(120).build());
        LifecycleAuditLogSourceTest.Read rest = read(files, AuditLogQuery.builder().resumeFrom(first.checkpoint).to(to).build());

        List<String> union = new ArrayList<>(first.lines());
        union.addAll(rest.lines());
        assertThat(first.entries).hasSize(120);
        assertThat(union).isEqualTo(expected);
        assertThat(files.vendor()).isEqualTo("lifecycle");
    }

    @Test
    void aMalformedLineInAFileIsReportedWithItsLineNumber() throws IOException {
        Path file = dir.resolve("audit.log");
        List<String> lines = new ArrayList<>(localDay("2024-03-20").subList(0, 3));
        lines.add("2024-03-20 10:00:00 INFO something that is not JSON");
        writePlain(file, lines);

        assertThatThrownBy(() -> lines(LifecycleAuditLogFiles.read(file)))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("line 4");
    }

    @Test
    void aMissingFileOrDirectoryIsATransportError() {
        assertThatThrownBy(() -> LifecycleAuditLogFiles.read(dir.resolve("nope.log")))
                .isInstanceOf(AuditTransportException.class).hasMessageContaining("nope.log");
        assertThatThrownBy(() -> LifecycleAuditLogFiles.of(dir.resolve("missing"))
                .files(AuditLogQuery.builder().from(DAY1).to(DAY1.plusSeconds(1)).build()))
                .isInstanceOf(AuditTransportException.class).hasMessageContaining("missing");
    }

    @Test
    void anEmptyDirectoryHasNoEntries() {
        assertThat(read(LifecycleAuditLogFiles.of(dir), AuditLogQuery.builder().from(DAY1).to(DAY1.plusSeconds(60)).build())
                .entries).isEmpty();
    }
}
