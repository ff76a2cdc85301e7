package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.cli.testing.ListEntry;
import dev.auditsdk.cli.testing.ListVendorPlugin;
import dev.auditsdk.core.spi.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class PullCommandTest {
    private static final String FROM = "2026-01-01T00:00:00Z";
    private static final String TO = "2026-01-02T00:00:00Z";

    @TempDir
    Path dir;

    private static CliRunner cli() {
        return new CliRunner().env("AUDITLOG_TESTLIST_PASSWORD", ListVendorPlugin.PASSWORD);
    }

    @Test
    void ndjsonIsTheNormalizedEventOnePerLine() throws Exception {
        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "20");

        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(20);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("vendor").asText()).isEqualTo("testlist");
        assertThat(first.get("id").asText()).isEqualTo("e-00000");
        assertThat(first.get("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.get("actor").get("name").asText()).isEqualTo("user0");
        assertThat(first.get("action").asText()).isEqualTo("login");
        assertThat(first.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(first.get("ocsfClass").asInt()).isEqualTo(3002);
        assertThat(first.get("target").get("name").asText()).isEqualTo("Item, 0");
        assertThat(first.get("attributes").get("index").asText()).isEqualTo("0");
        JsonNode withNewline = Json.mapper().readTree(lines.get(3));
        assertThat(withNewline.get("message").asText()).isEqualTo(ListEntry.messageOf(3));
    }

    @Test
    void rawIsTheVendorJsonAsReceived() throws Exception {
        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "10", "--format", "raw");

        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(Json.mapper().readTree(lines.get(i))).isEqualTo(new ListEntry(i).raw());
        }
    }

    @Test
    void ocsfIsTheOcsfRendering() throws Exception {
        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "4", "-f", "OCSF");

        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(4);
        JsonNode login = Json.mapper().readTree(lines.get(0));
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(login.get("metadata").get("uid").asText()).isEqualTo("e-00000");
        assertThat(Json.mapper().readTree(lines.get(1)).get("class_uid").asInt()).isEqualTo(3004);
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksPerRfc4180() {
        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "5", "--format", "csv");

        assertThat(r.exitCode).as(r.toString()).isZero();
        String[] rows = r.stdout.split("\r\n", -1);
        assertThat(rows[0]).isEqualTo("time,vendor,id,ocsf_class,action,category,outcome,actor_name,actor_email,actor_id,"
                + "target_type,target_id,target_name,source_ip,user_agent,message");
        assertThat(rows[1]).isEqualTo("2026-01-01T00:00:00Z,testlist,e-00000,3002,login,authentication,SUCCESS,user0,"
                + "user0@example.com,,item,i0,\"Item, 0\",10.0.0.0,,event 0");
        // entry 3's message holds a quote, a comma and a line break: one quoted field spanning two lines
        assertThat(rows[4]).endsWith(",\"changed \"\"name\"\", then\nsaved #3\"");
        assertThat(rows).hasSize(7); // header, 5 rows, and the empty string after the last CRLF
        assertThat(rows[6]).isEmpty();
    }

    @Test
    void rangeEndsAreInclusiveExclusive() {
        // entries 4 and 5 are at +2s, 6 and 7 at +3s
        CliRunner.Result r = cli().run("pull", "testlist", "--from", "2026-01-01T00:00:02Z", "--to", "2026-01-01T00:00:03Z");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(ids(r.stdout)).containsExactly("e-00004", "e-00005");
    }

    @Test
    void outputFileReplacesItsContentWithoutCheckpoint() throws Exception {
        Path out = dir.resolve("out.ndjson");
        Files.writeString(out, "old content\n");

        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "3", "-o", out.toString());

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.stdout).isEmpty();
        assertThat(ids(Files.readString(out))).containsExactly("e-00000", "e-00001", "e-00002");
        assertThat(r.stderr).contains("testlist: wrote 3 entries").contains("to " + out);
    }

    @Test
    void checkpointContinuesExactlyWhereTheLastRunStopped() throws Exception {
        Path cp = dir.resolve("cp.json");
        List<String> all = new ArrayList<>();
        // pairs of entries share a timestamp; stopping after an odd number splits a pair
        for (int run = 0; run < 6; run++) {
            CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "25",
                    "--checkpoint", cp.toString(), "--limit", "5");
            assertThat(r.exitCode).as(r.toString()).isZero();
            all.addAll(ids(r.stdout));
        }
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
        assertThat(all).isEqualTo(expectedIds(25));
        assertThat(Files.readString(cp)).contains("\"vendor\" : \"testlist\"").contains("\"entries\" : 25");
    }

    @Test
    void aNewOutputFileIsReadableByItsOwnerOnly() throws Exception {
        Path out = dir.resolve("owner-only.jsonl");
        CliRunner.Result r = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "3", "-o", out.toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        org.junit.jupiter.api.Assumptions.assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "raw"})
    void anEntryThatCannotBeWrittenIsNotCheckpointedAndTheRerunWritesItOnce(String format) throws Exception {
        Path cp = dir.resolve("cp.json");
        Path out = dir.resolve("out.jsonl");
        // entries 0-6 are written but not yet committed when entry 7 fails to render
        CliRunner.Result failed = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "20",
                "--fail-at", "7", "--fail-kind", "render", "-f", format, "-o", out.toString(), "-c", cp.toString());
        assertThat(failed.exitCode).as(failed.toString()).isNotZero();
        assertThat(failed.stderr).contains("e-00007");

        CliRunner.Result rerun = cli().run("pull", "testlist", "--to", TO, "--count", "20", "-f", format,
                "-o", out.toString(), "-c", cp.toString());
        assertThat(rerun.exitCode).as(rerun.toString()).isZero();
        List<String> written = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = Json.mapper().readTree(line);
            written.add(format.equals("raw") ? ListEntry.idOf(n.get("n").asInt()) : n.get("id").asText());
        }
        assertThat(written).isEqualTo(expectedIds(20));
    }

    @Test
    void checkpointWithoutFromContinuesAndFirstRunNeedsFrom() {
        Path cp = dir.resolve("cp.json");
        CliRunner.Result first = cli().run("pull", "testlist", "--checkpoint", cp.toString(), "--count", "4");
        assertThat(first.exitCode).isEqualTo(2);
        assertThat(first.stderr).contains("--from is required on the first run");

        assertThat(cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--checkpoint", cp.toString(), "--count", "4",
                "--limit", "3").exitCode).isZero();
        CliRunner.Result rest = cli().run("pull", "testlist", "--to", TO, "--checkpoint", cp.toString(), "--count", "4");
        assertThat(rest.exitCode).as(rest.toString()).isZero();
        assertThat(ids(rest.stdout)).containsExactly("e-00003");
    }

    @Test
    void withALagEachRunReadsUpToNowMinusTheLagAndTheNextRunContinuesExactly() {
        Path cp = dir.resolve("cp.json");
        java.time.Instant base = ListEntry.BASE;
        // entry i is at base + i/2 s: at base+8s with a 3 s lag, entries before base+5s (0..9) have settled
        CliRunner.Result first = cli().clock(java.time.Clock.fixed(base.plusSeconds(8), java.time.ZoneOffset.UTC))
                .run("pull", "testlist", "--from", FROM, "--count", "20", "--lag", "3s", "-c", cp.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(ids(first.stdout)).isEqualTo(expectedIds(10));

        CliRunner.Result rest = cli().clock(java.time.Clock.fixed(base.plusSeconds(30), java.time.ZoneOffset.UTC))
                .run("pull", "testlist", "--count", "20", "--lag", "3s", "-c", cp.toString());
        assertThat(rest.exitCode).as(rest.toString()).isZero();
        List<String> all = new ArrayList<>(ids(first.stdout));
        all.addAll(ids(rest.stdout));
        assertThat(all).isEqualTo(expectedIds(20));
    }

    @Test
    void aRangeThatHasNotSettledYetIsAUsageError() {
        CliRunner.Result r = cli().clock(java.time.Clock.fixed(ListEntry.BASE.plusSeconds(2), java.time.ZoneOffset.UTC))
                .run("pull", "testlist", "--from", FROM, "--count", "20", "--lag", "5s");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr).contains("nothing to read").contains("now minus the settle lag PT5S)");
    }

    @Test
    void changingTheFormatOfAnOutputFileBetweenRunsIsAUsageError() throws Exception {
        Path cp = dir.resolve("cp.json");
        Path out = dir.resolve("out.jsonl");
        assertThat(cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "10", "--limit", "4",
                "-o", out.toString(), "-c", cp.toString()).exitCode).isZero();
        long before = Files.size(out);

        CliRunner.Result csv = cli().run("pull", "testlist", "--to", TO, "--count", "10", "--format", "csv",
                "-o", out.toString(), "-c", cp.toString());

        assertThat(csv.exitCode).as(csv.toString()).isEqualTo(2);
        assertThat(csv.stderr).contains("was written as ndjson").contains("--format csv would mix two formats");
        assertThat(Files.size(out)).isEqualTo(before);
        CliRunner.Result same = cli().run("pull", "testlist", "--to", TO, "--count", "10", "-o", out.toString(),
                "-c", cp.toString());
        assertThat(same.exitCode).as(same.toString()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(10);
    }

    @Test
    void outputFileIsCutBackToWhatTheCheckpointCommitted() throws Exception {
        Path cp = dir.resolve("cp.json");
        Path out = dir.resolve("out.csv");
        assertThat(cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "10", "--limit", "4",
                "--format", "csv", "-o", out.toString(), "-c", cp.toString()).exitCode).isZero();
        // a run killed after writing but before saving its checkpoint leaves extra bytes (here a torn row)
        String torn = "2026-01-01T00:00:02Z,testlist,e-00004,3002,lo";
        Files.writeString(out, torn, java.nio.file.StandardOpenOption.APPEND);

        CliRunner.Result r = cli().run("pull", "testlist", "--to", TO, "--count", "10", "--format", "csv",
                "-o", out.toString(), "-c", cp.toString());

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.stderr).contains("removed " + torn.length() + " bytes from the end of");
        List<String> rows = List.of(Files.readString(out).split("\r\n"));
        assertThat(rows.get(0)).startsWith("time,vendor,id");
        assertThat(rows.stream().filter(l -> l.startsWith("time,")).count()).isEqualTo(1);
        Set<String> ids = new LinkedHashSet<>();
        rows.stream().filter(l -> l.startsWith("2026")).forEach(l -> ids.add(l.split(",")[2]));
        assertThat(ids).containsExactlyElementsOf(expectedIds(10));
    }

    @Test
    void checkpointOfAnotherVendorOrCorruptIsAUsageError() throws Exception {
        Path cp = dir.resolve("cp.json");
        Files.writeString(cp, "{\"format\":\"auditlog-checkpoint\",\"version\":1,\"vendor\":\"boomi\",\"checkpoint\":\""
                + dev.auditsdk.core.Checkpoint.startingAt(java.time.Instant.parse(FROM)).serialize() + "\"}");
        CliRunner.Result other = cli().run("pull", "testlist", "--from", FROM, "-c", cp.toString());
        assertThat(other.exitCode).isEqualTo(2);
        assertThat(other.stderr).contains("belongs to vendor 'boomi', not 'testlist'");

        Files.writeString(cp, "garbage");
        CliRunner.Result corrupt = cli().run("pull", "testlist", "--from", FROM, "-c", cp.toString());
        assertThat(corrupt.exitCode).isEqualTo(2);
        assertThat(corrupt.stderr).contains("is not a valid auditlog checkpoint");
    }

    @Test
    void aBareSdkCheckpointStringIsAccepted() throws Exception {
        Path cp = dir.resolve("cp.txt");
        Files.writeString(cp, dev.auditsdk.core.Checkpoint.of(ListEntry.BASE.plusSeconds(1), ListEntry.BASE.plusSeconds(1),
                Set.of("e-00002"), null).serialize() + "\n");

        CliRunner.Result r = cli().run("pull", "testlist", "--to", TO, "--count", "5", "-c", cp.toString());

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(ids(r.stdout)).containsExactly("e-00003", "e-00004");
    }

    @Test
    void aFailureMidwaySavesTheCheckpointOfWhatWasWritten() throws Exception {
        Path cp = dir.resolve("cp.json");
        CliRunner.Result failed = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "12", "-c", cp.toString(),
                "--fail-at", "7", "--fail-kind", "network");
        assertThat(failed.exitCode).isEqualTo(ExitCodes.NETWORK);
        assertThat(ids(failed.stdout)).isEqualTo(expectedIds(7));

        CliRunner.Result rest = cli().run("pull", "testlist", "--to", TO, "--count", "12", "-c", cp.toString());
        assertThat(rest.exitCode).as(rest.toString()).isZero();
        assertThat(ids(rest.stdout)).isEqualTo(expectedIds(12).subList(7, 12));
    }

    @Test
    void progressIsShownOnATerminalOnlyAndNotWithQuiet() {
        CliRunner.Result plain = cli().run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "3");
        assertThat(plain.stderr).doesNotContain("\r");

        CliRunner.Result terminal = cli().terminal(true).run("pull", "testlist", "--from", FROM, "--to", TO, "--count", "3",
                "--delay-ms", "120");
        assertThat(terminal.stderr).startsWith("testlist: ").contains("\r").contains(" entries, ").contains("/s, at 2026-01-01T00:00");
        assertThat(terminal.stdout.split("\n")).hasSize(3);

        CliRunner.Result quiet = cli().terminal(true).run("--quiet", "pull", "testlist", "--from", FROM, "--to", TO,
                "--count", "3", "--delay-ms", "120");
        assertThat(quiet.exitCode).isZero();
        assertThat(quiet.stderr).isEmpty();
    }

    static List<String> ids(String ndjsonOrRaw) {
        List<String> ids = new ArrayList<>();
        for (String line : ndjsonOrRaw.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ids.add(Json.mapper().readTree(line).get("id").asText());
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return ids;
    }

    static List<String> expectedIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(ListEntry.idOf(i));
        }
        return ids;
    }
}
