package dev.auditsdk.jitterbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parts of the wire format the vendor does not publish, served exactly as given. */
class JitterbitWireFormatTest {
    /** Status polls 1 to 5 ms apart, so the simulator's jobs finish at once. */
    private static final ExportJobOptions FAST_POLLS =
            ExportJobOptions.builder().pollInterval(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    private static final String SERVICE = "/jitterbit-cloud-restful-service";
    private static final String KEY = "debug-log-E8D47FE1F172D3EE46C620791E614B78D111CE624485D2E1B3D482370690DC40";
    private static final String STATUS = SERVICE + "/api/analytics/log-async/123456/" + KEY;
    private static final String TOKEN = "1_S3CR3T-70dfe7f7-1d47-4ad5-be5d-bc4a222dd2g4";
    private static final Instant T0 = Instant.parse("2024-01-20T00:00:00Z");

    private WireMockServer wm;
    private JitterbitApiLogSource source;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(put(SERVICE + "/user/login").willReturn(json("{\"status\": true, \"operation\": \"User login\","
                + "\"authenticationToken\": \"" + TOKEN + "\", \"serverUrl\": \"https://na-east.jitterbit.com\","
                + "\"orgAttrs\": [{\"orgId\": \"123456\", \"orgName\": \"JB Example Company\"}],"
                + "\"defaultOrgId\": \"123456\", \"sessionTimeoutInSeconds\": 14400}")));
        wm.stubFor(put(SERVICE + "/api/analytics/debuglogs-async")
                .willReturn(json("{\"key\": \"" + KEY + "\", \"status\": \"RECEIVED\"}")));
        source = JitterbitApiLogSource.builder()
                .baseUrl("http://127.0.0.1:" + wm.port())
                .credentials("alice@jbexample.com", "pw-S3CR3T")
                .exportJob(FAST_POLLS)
                .retryPolicy(RetryPolicy.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build())
                .build();
    }

    @AfterEach
    void stop() {
        source.close();
        wm.stop();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Answers the status GETs in order; the last answer repeats. */
    private void statusAnswers(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            wm.stubFor(get(urlEqualTo(STATUS)).inScenario("poll")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll-" + i)
                    .willReturn(answers[i])
                    .willSetStateTo(i + 1 < answers.length ? "poll-" + (i + 1) : "poll-" + i));
        }
    }

    private List<JitterbitApiLogEntry> readAll() {
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(
                AuditLogQuery.builder().from(T0).to(T0.plus(Duration.ofDays(1))).build())) {
            return entries.stream().collect(Collectors.toList());
        }
    }

    private static final String CSV = "Time,API Name,Environment,Auth Profile,Request ID,Request Method,Request URI,"
            + "Response Time,Source IP,Source App,Status Code,Message\r\n"
            + "01/20/2024 01:00:00 +0100,\"Orders, v2\",Production,OAuth,r-1,GET,/orders?ids=1,12,10.0.0.1,curl/8,200,\r\n"
            + "01/20/2024 02:00:00 +0100,Customers,Production,OAuth,r-2,POST,/customers,40,10.0.0.2,portal,500,\"upstream\nfailed\"\r\n";

    @Test
    void sendsTheDocumentedHeadersAndReadsACsvFileLabelledAsJson() {
        statusAnswers(json("{\"key\":\"" + KEY + "\",\"status\":\"PROCESSING\"}"), json(CSV));

        List<JitterbitApiLogEntry> entries = readAll();

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactly("r-1", "r-2");
        assertThat(entries.get(0).time()).isEqualTo(T0);
        assertThat(entries.get(0).apiName()).contains("Orders, v2");
        assertThat(entries.get(1).message()).contains("upstream\nfailed");
        wm.verify(putRequestedFor(urlEqualTo(SERVICE + "/api/analytics/debuglogs-async"))
                .withHeader("authToken", equalTo(TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"ascendSort\":true,\"retrieveLogMessages\":false,"
                        + "\"timeRangeFrom\":\"01/20/2024 00:00:00 +0000\",\"timeRangeTo\":\"01/21/2024 00:00:00 +0000\","
                        + "\"clientTimeZone\":\"UTC\",\"orgId\":\"123456\",\"csvFormat\":true}")));
        wm.verify(getRequestedFor(urlEqualTo(STATUS)).withHeader("authToken", equalTo(TOKEN))
                .withHeader("Accept", equalTo("application/json")));
        wm.verify(putRequestedFor(urlEqualTo(SERVICE + "/user/login"))
                .withRequestBody(equalToJson("{\"email\":\"alice@jbexample.com\",\"password\":\"pw-S3CR3T\"}")));
    }

    @Test
    void aGzippedFileWithoutContentEncodingIsSniffed() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        statusAnswers(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(gz.toByteArray()));

        assertThat(readAll()).extracting(JitterbitApiLogEntry::requestId).containsExactly("r-1", "r-2");
    }

    @Test
    void aOneRecordJsonFileIsNotMistakenForAStatus() {
        statusAnswers(json("{\"time\":\"2024-01-20T00:00:05Z\",\"requestId\":\"only\",\"statusCode\":200}"));
        assertThat(readAll()).extracting(JitterbitApiLogEntry::requestId).containsExactly("only");
    }

    @Test
    void aCompleteStatusWithoutTheFileIsFollowedByADownload() {
        statusAnswers(json("{\"key\":\"" + KEY + "\",\"status\":\"COMPLETE\"}"),
                json("[{\"time\":\"2024-01-20T00:00:05Z\",\"requestId\":\"a\"}]"));
        assertThat(readAll()).extracting(JitterbitApiLogEntry::requestId).containsExactly("a");
    }

    @Test
    void anUnknownStatusIsPolledThrough() {
        statusAnswers(json("{\"key\":\"" + KEY + "\",\"status\":\"QUEUED\"}"),
                json("[{\"time\":\"2024-01-20T00:00:05Z\",\"requestId\":\"a\"}]"));
        assertThat(readAll()).extracting(JitterbitApiLogEntry::requestId).containsExactly("a");
    }

    @Test
    void anEnvelopedJsonFileIsReadThroughTheConfiguredField() {
        source.close();
        source = JitterbitApiLogSource.builder()
                .baseUrl("http://127.0.0.1:" + wm.port())
                .credentials("alice@jbexample.com", "pw-S3CR3T")
                .exportJob(FAST_POLLS)
                .jsonArrayField("logs")
                .csvFormat(false)
                .build();
        statusAnswers(json("{\"total\":2,\"logs\":[{\"time\":\"2024-01-20T00:00:05Z\",\"requestId\":\"a\"},"
                + "{\"time\":\"2024-01-20T00:00:06Z\",\"requestId\":\"b\"}]}"));
        assertThat(readAll()).extracting(JitterbitApiLogEntry::requestId).containsExactly("a", "b");
    }

    @Test
    void aFileThatIsNotOldestFirstFailsNamingTheLateEntryInsteadOfLosingIt() {
        statusAnswers(json("[{\"time\":\"2024-01-20T05:00:00Z\",\"requestId\":\"new\"},"
                + "{\"time\":\"2024-01-20T01:00:00Z\",\"requestId\":\"old\"}]"));
        assertThatThrownBy(this::readAll)
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("4H behind, more than the lateness PT1S")
                .hasMessageContaining("old");
    }

    @Test
    void malformedCsvNamesTheLine() {
        statusAnswers(json("time,requestId\r\n2024-01-20T00:00:05Z,a\r\n2024-01-20T00:00:06Z,\"b\r\n"));
        assertThatThrownBy(this::readAll)
                .isInstanceOf(AuditDataException.class)
                .satisfies(e -> assertThat(((AuditDataException) e).line()).isEqualTo(3));
    }

    @Test
    void aMalformedRecordIsNotDownloadedAgain() {
        statusAnswers(json("time,requestId\r\n2024-01-20T00:00:05Z,a\r\n2024-01-20T00:00:06Z,\"b\r\n"));
        assertThatThrownBy(this::readAll).isInstanceOf(AuditDataException.class);
        wm.verify(1, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void aRecordWithoutItsIdentityIsADataError() {
        statusAnswers(json("time,apiName\r\n2024-01-20T00:00:05Z,Orders\r\n"));
        assertThatThrownBy(this::readAll)
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("requestid")
                .satisfies(e -> assertThat(((AuditDataException) e).line()).isEqualTo(2));
    }

    @Test
    void anEmptyAnswerIsADataError() {
        statusAnswers(aResponse().withStatus(200));
        assertThatThrownBy(this::readAll).isInstanceOf(AuditDataException.class).hasMessageContaining("empty body");
    }

    @Test
    void anHtmlPageIsADataError() {
        statusAnswers(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>"));
        assertThatThrownBy(this::readAll).isInstanceOf(AuditDataException.class).hasMessageContaining("HTML");
    }

    @Test
    void aSubmitAnswerWithoutAKeyIsADataError() {
        wm.stubFor(put(SERVICE + "/api/analytics/debuglogs-async").willReturn(json("{\"status\":\"RECEIVED\"}")));
        assertThatThrownBy(this::readAll).isInstanceOf(AuditDataException.class).hasMessageContaining("without a key");
    }

    @Test
    void theTokenIsNeverLogged() {
        statusAnswers(json(CSV));
        assertThat(readAll()).hasSize(2);
        // the token contains SecretLeakGuard.MARKER: the guard fails this test if it was printed
        assertThat(source.toString()).doesNotContain(TOKEN);
    }
}
