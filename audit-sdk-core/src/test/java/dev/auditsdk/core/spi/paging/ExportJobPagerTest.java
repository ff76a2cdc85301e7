package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.spi.json.CsvReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.CloseableIterator;

class ExportJobPagerTest {
    private final List<String> calls = new ArrayList<>();

    /** A fake export API whose status answers come from a script; the last one repeats. */
    private ExportJobPager.Builder<String, Map<String, String>> job(ExportStatus... script) {
        Deque<ExportStatus> statuses = new ArrayDeque<>(List.of(script));
        return ExportJobPager.<String, Map<String, String>>builder()
                .submit(() -> {
                    calls.add("submit");
                    return "debug-log-42";
                })
                .poll(key -> {
                    calls.add("poll " + key);
                    return statuses.size() > 1 ? statuses.poll() : statuses.peek();
                })
                .download((key, status) -> {
                    calls.add("download " + key);
                    return CsvReader.rows(status.body().orElseThrow());
                })
                .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private static ExportStatus csvReady() {
        String csv = "requestid,statuscode\r\nr1,200\r\nr2,500\r\n";
        return ExportStatus.readyWithBody("COMPLETE", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pollsReceivedProcessingCompleteThenStreamsTheDownload() {
        ExportJobPager<String, Map<String, String>> pager = job(ExportStatus.pending("RECEIVED"),
                ExportStatus.pending("PROCESSING"), csvReady()).build();
        assertThat(calls).as("lazy: nothing submitted before next()").isEmpty();

        List<Map<String, String>> rows = new ArrayList<>();
        pager.forEachRemaining(rows::add);

        assertThat(rows).extracting(r -> r.get("requestid")).containsExactly("r1", "r2");
        assertThat(calls).containsExactly("submit", "poll debug-log-42", "poll debug-log-42", "poll debug-log-42",
                "download debug-log-42");
        assertThat(pager.polls()).isEqualTo(3);
        assertThat(pager.job()).contains("debug-log-42");
        assertThat(pager.lastStatus()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("COMPLETE"));
    }

    @Test
    void aFailedOrStuckJobIsSubmittedAgainAsAVariantUpToTheLimit() {
        ExportJobPager<String, Map<String, String>> pager = job(ExportStatus.failed("ERROR", "locked"),
                ExportStatus.pending("PROCESSING"), ExportStatus.pending("PROCESSING"), csvReady())
                .reissue(2, n -> {
                    calls.add("reissue " + n);
                    return "variant-" + n;
                }).build();
        List<Map<String, String>> rows = new ArrayList<>();
        pager.forEachRemaining(rows::add);

        assertThat(rows).hasSize(2);
        assertThat(calls).containsExactly("submit", "poll debug-log-42", "reissue 1", "poll variant-1", "poll variant-1",
                "poll variant-1", "download variant-1");
        assertThat(pager.reissues()).isEqualTo(1);

        calls.clear();
        ExportJobPager<String, Map<String, String>> stuck = job(ExportStatus.pending("PROCESSING"))
                .deadline(Duration.ofMillis(50)).reissue(2, n -> "variant-" + n).build();
        assertThatThrownBy(stuck::hasNext).isInstanceOf(AuditSdkException.class)
                .hasMessageContaining("did not finish within the deadline").hasMessageContaining("submitted again 2 time(s)");
        assertThat(stuck.reissues()).isEqualTo(2);

        ExportJobPager<String, Map<String, String>> failing = job(ExportStatus.failed("ERROR", "still locked"))
                .reissue(1, n -> "variant-" + n).build();
        assertThatThrownBy(failing::hasNext).isInstanceOf(dev.auditsdk.core.error.AuditApiException.class)
                .hasMessageContaining("still locked");
        assertThat(failing.reissues()).isEqualTo(1);
    }

    @Test
    void timesOutWithAClearErrorAtTheDeadline() {
        ExportJobPager<String, Map<String, String>> pager = job(ExportStatus.pending("PROCESSING"))
                .deadline(Duration.ofMillis(200)).build();
        long t0 = System.nanoTime();
        assertThatThrownBy(pager::hasNext)
                .isInstanceOf(AuditSdkException.class)
                .hasMessageContaining("did not finish within the deadline of PT0.2S")
                .hasMessageContaining("still PROCESSING");
        long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMillis).isBetween(190L, 1500L);
        assertThat(pager.polls()).isGreaterThan(3);
        assertThat(calls).doesNotContain("download debug-log-42");
    }

    @Test
    void backsOffBetweenPollsUpToTheMaximum() {
        List<Long> pollTimes = new ArrayList<>();
        ExportJobPager<String, Object> pager = ExportJobPager.<String, Object>builder()
                .submit(() -> "k")
                .poll(k -> {
                    pollTimes.add(System.nanoTime());
                    return pollTimes.size() < 6 ? ExportStatus.pending("PROCESSING") : ExportStatus.empty("NO_DATA");
                })
                .download((k, s) -> CloseableIterator.empty())
                .pollInterval(Duration.ofMillis(10), Duration.ofMillis(40))
                .build();
        assertThat(pager.hasNext()).isFalse();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < pollTimes.size(); i++) {
            gaps.add((pollTimes.get(i) - pollTimes.get(i - 1)) / 1_000_000);
        }
        // 10, 20, 40, 40, 40 ms
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(10);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(20);
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(40);
        assertThat(gaps.get(4)).isGreaterThanOrEqualTo(40).isLessThan(400);
    }

    @Test
    void noDataIsAnEmptyResultNotAnError() {
        ExportJobPager<String, Map<String, String>> pager = job(ExportStatus.pending("RECEIVED"),
                ExportStatus.empty("NO_DATA")).build();
        assertThat(pager.hasNext()).isFalse();
        assertThat(calls).doesNotContain("download debug-log-42");
    }

    @Test
    void aFailedJobRaisesAnApiExceptionWithTheVendorState() {
        ExportJobPager<String, Map<String, String>> pager = job(ExportStatus.failed("ERROR", "query syntax")).build();
        assertThatThrownBy(pager::hasNext)
                .isInstanceOfSatisfying(AuditApiException.class, e -> {
                    assertThat(e.vendorCode()).contains("ERROR");
                    assertThat(e.statusCode()).isZero();
                })
                .hasMessageContaining("ERROR").hasMessageContaining("query syntax");
    }

    @Test
    void aReadyStatusCanCarryADownloadLocationThatItsToStringHides() {
        ExportStatus ready = ExportStatus.readyAt("COMPLETE", "https://blob.example/x?sig=SECRETSIG");
        assertThat(ready.downloadLocation()).contains("https://blob.example/x?sig=SECRETSIG");
        assertThat(ready.kind()).isEqualTo(ExportStatus.Kind.READY);
        assertThat(ready.toString()).doesNotContain("SECRETSIG").contains("present");
    }
}
