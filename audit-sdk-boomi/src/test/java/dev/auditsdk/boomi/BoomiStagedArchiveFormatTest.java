package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.boomi.StagingArchiveFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assumed archive layout can be overridden ({@code archiveFormat}): an archive whose records
 * sit in an enveloping object is read exactly once configured, and refused with an error naming
 * the option otherwise; an archive compressed otherwise than configured is refused before any
 * entry. Against the simulator over loopback.
 */
class BoomiStagedArchiveFormatTest {
    @TempDir
    Path downloads;

    private BoomiSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<String> export(StagingArchiveFormat served, String configured) {
        sim = BoomiSimulator.builder().seed(43).entries(300).spacing(Duration.ofMinutes(45)).build();
        sim.start();
        sim.setArchiveFormat(served);
        BoomiStagedExportBuilder b = BoomiStagedAuditLogExport.builder().baseUrl(sim.baseUrl())
                .accountId(sim.accountId()).credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                .exportJob(ExportJobOptions.builder().pollInterval(Duration.ofMillis(20), Duration.ofMillis(100))
                        .deadline(Duration.ofSeconds(30)).build())
                .downloadDirectory(downloads);
        if (configured != null) {
            b.archiveFormat(configured);
        }
        AuditLogQuery range = AuditLogQuery.builder().from(BoomiStagedAuditLogExportTest.FROM)
                .to(BoomiStagedAuditLogExportTest.TO).build();
        try (BoomiStagedAuditLogExport export = b.build(); AuditLogStream<BoomiAuditEntry> stream = export.fetch(range)) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }

    private List<String> expected() {
        return sim.entriesBetween(BoomiStagedAuditLogExportTest.FROM, BoomiStagedAuditLogExportTest.TO).stream()
                .map(e -> e.path("documentId").asText()).collect(Collectors.toList());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.collect(Collectors.toList());
        }
    }

    @Test
    void anEnvelopedArchiveIsReadExactlyOnceConfigured() throws IOException {
        List<String> ids = export(StagingArchiveFormat.ZIP_JSON_ENVELOPE, "zip+envelope:" + BoomiSimulator.ENVELOPE_FIELD);

        assertThat(ids).isNotEmpty().containsExactlyElementsOf(expected());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEnvelopedArchiveUnderTheAssumedFormatFailsNamingTheOption() throws IOException {
        assertThatThrownBy(() -> export(StagingArchiveFormat.ZIP_JSON_ENVELOPE, null))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("not a valid AuditLog record")
                .hasMessageContaining("archive format 'auto'")
                .hasMessageContaining("--archive-format");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anArchiveCompressedOtherwiseThanConfiguredIsRefusedBeforeAnyEntry() throws IOException {
        assertThatThrownBy(() -> export(StagingArchiveFormat.ZIP_JSON_LINES, "gzip+json-lines"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("is a zip archive, not a gzip file")
                .hasMessageContaining("'gzip+json-lines'")
                .hasMessageContaining("--archive-format");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFixedRecordLayoutReadsItsArchive() {
        assertThat(export(StagingArchiveFormat.GZIP_JSON_ARRAY, "gzip+json-array")).containsExactlyElementsOf(expected());
    }

    @Test
    void aLayoutGivenWithoutCompressionAcceptsAnyCompression() {
        assertThat(export(StagingArchiveFormat.ZIP_JSON_LINES, "json-lines")).containsExactlyElementsOf(expected());
    }
}
