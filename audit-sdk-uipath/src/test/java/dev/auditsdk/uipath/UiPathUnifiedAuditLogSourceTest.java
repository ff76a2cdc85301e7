package dev.auditsdk.uipath;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import dev.auditsdk.testkit.uipath.UiPathUnifiedEvent;
import dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiPathUnifiedAuditLogSourceTest {
    private static final String TENANT_EVENTS = "/acme/DefaultTenant/tenantaudit_/api/query/events";
    private static final String ORG_EVENTS = "/acme/orgaudit_/api/query/events";
    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private UiPathSimulator sim;
    private UiPathUnifiedAuditLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(UiPathSimulator.Builder simulator) {
        start(simulator, b -> b);
    }

    private void start(UiPathSimulator.Builder simulator, UnaryOperator<UiPathUnifiedSourceBuilder> configure) {
        sim = simulator.build().start();
        source = configure.apply(SimulatorFixture.unified(sim)).build();
    }

    private WireMockServer wireMock() {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        return wm;
    }

    private void addTenantEvents(int count) {
        for (int i = 0; i < count; i++) {
            sim.addUnified(UiPathUnifiedEvent.builder().id(String.format("evt-%04d", i)).createdOn(T0.plusSeconds(i))
                    .tenantId(sim.tenantId()).status(i < 5 ? 1 : 0).build());
        }
    }

    @Test
    void followsPreviousLinksToTheLastPageEvenWhenItIsEmpty() {
        start(SimulatorFixture.simulator());
        addTenantEvents(40);

        List<UiPathUnifiedAuditEvent> read = readAll(AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600)).pageSize(20).build());

        assertThat(read).extracting(UiPathUnifiedAuditEvent::id).hasSize(40).doesNotHaveDuplicates()
                .startsWith("evt-0039").endsWith("evt-0000");
        // 20 + 20 + an empty last page without a previous link
        assertThat(sim.requestCount(TENANT_EVENTS)).isEqualTo(3);
        RecordedRequest first = sim.requests().stream().filter(r -> r.path().equals(TENANT_EVENTS)).findFirst().orElseThrow();
        assertThat(first.query()).contains("from=2026-01-09T23%3A59%3A59Z", "to=2026-01-10T01%3A00%3A02Z", "maxCount=20");
    }

    @Test
    void passesOverEmptyPagesInTheMiddle() {
        start(SimulatorFixture.simulator(), b -> b.status(1));
        addTenantEvents(40);

        List<UiPathUnifiedAuditEvent> read = readAll(AuditLogQuery.builder().from(T0).to(T0.plusSeconds(3600)).pageSize(10).build());

        // the server scans 10 events per page, then filters: pages 1-3 are empty, page 4 has the failures
        assertThat(read).extracting(UiPathUnifiedAuditEvent::id)
                .containsExactly("evt-0004", "evt-0003", "evt-0002", "evt-0001", "evt-0000");
        assertThat(read).allSatisfy(e -> assertThat(e.status()).hasValue(1));
        assertThat(sim.requestCount(TENANT_EVENTS)).isEqualTo(5);
        assertThat(sim.requests()).filteredOn(r -> r.path().equals(TENANT_EVENTS))
                .allSatisfy(r -> assertThat(r.query()).contains("status=1"));
    }

    @Test
    void stopsAtTheStartOfTheRangeAlthoughLinksDoNotCarryFrom() {
        start(SimulatorFixture.simulator());
        addTenantEvents(500);
        Instant from = T0.plusSeconds(470);

        List<UiPathUnifiedAuditEvent> read = readAll(AuditLogQuery.builder().from(from).to(T0.plusSeconds(3600)).pageSize(10).build());

        assertThat(read).hasSize(30).allSatisfy(e -> assertThat(e.timestamp()).isAfterOrEqualTo(from));
        // the range is 3 pages; the walk must not go on through the 47 older ones
        assertThat(sim.requestCount(TENANT_EVENTS)).isLessThanOrEqualTo(4);
    }

    @Test
    void readsTheOrganizationScopeWithFilters() {
        start(SimulatorFixture.simulator().seed(23).unifiedEvents(300), b -> b.tenant(null).sources("Identity")
                .targets("User", "Group").types("Login", "Create", "AddMembers").userIds("u-1", "u-2").searchTerm("logged"));
        assertThat(source.url().getPath()).isEqualTo(ORG_EVENTS);

        readAll(AuditLogQuery.builder().from(Instant.parse("2025-12-01T00:00:00Z")).build());

        RecordedRequest first = sim.requests().stream().filter(r -> r.path().equals(ORG_EVENTS)).findFirst().orElseThrow();
        assertThat(first.query()).contains("source%5B%5D=Identity", "target%5B%5D=User", "target%5B%5D=Group",
                "type%5B%5D=Login", "type%5B%5D=Create", "type%5B%5D=AddMembers", "userIds%5B%5D=u-1", "userIds%5B%5D=u-2",
                "searchTerm=logged", "maxCount=200");
    }

    @Test
    void everyPageIsReadWithTheFiltersAlthoughTheDocumentedLinksDoNotCarryThem() {
        start(SimulatorFixture.simulator().seed(31).unifiedEvents(3000), b -> b.sources("Orchestrator").types("Assign", "Start"));
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.now();

        List<UiPathUnifiedAuditEvent> read = readAll(AuditLogQuery.builder().from(from).to(to).pageSize(10).build());

        List<String> expected = sim.unifiedEvents().stream()
                .filter(e -> sim.tenantId().equals(e.tenantId()) && !e.createdOn().isBefore(from) && e.createdOn().isBefore(to))
                .filter(e -> e.eventSource().equalsIgnoreCase("Orchestrator")
                        && (e.eventType().equalsIgnoreCase("Assign") || e.eventType().equalsIgnoreCase("Start")))
                .map(UiPathUnifiedEvent::id).collect(Collectors.toList());
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(read).extracting(UiPathUnifiedAuditEvent::id).containsExactlyInAnyOrderElementsOf(expected);
        List<RecordedRequest> pages = sim.requests().stream().filter(r -> r.path().equals(TENANT_EVENTS))
                .collect(Collectors.toList());
        assertThat(pages).hasSizeGreaterThan(3).allSatisfy(r -> assertThat(r.query())
                .contains("source%5B%5D=Orchestrator", "type%5B%5D=Assign", "type%5B%5D=Start"));
        assertThat(pages.subList(1, pages.size())).allSatisfy(r -> assertThat(r.query()).contains("before="));
    }

    @Test
    void deliversExactlyTheOrganizationEventsOfTheRange() {
        start(SimulatorFixture.simulator().seed(29).unifiedEvents(3000), b -> b.tenant(null));
        Instant from = Instant.parse("2025-12-20T00:00:00Z");
        Instant to = Instant.parse("2025-12-27T00:00:00Z");

        List<UiPathUnifiedAuditEvent> read = readAll(AuditLogQuery.builder().from(from).to(to).build());

        List<String> expected = sim.unifiedEvents().stream()
                .filter(e -> e.tenantId() == null && !e.createdOn().isBefore(from) && e.createdOn().isBefore(to))
                .map(UiPathUnifiedEvent::id).collect(Collectors.toList());
        assertThat(read).extracting(UiPathUnifiedAuditEvent::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).allSatisfy(e -> assertThat(e.tenantId()).isEmpty());
    }

    @Test
    void aResumedReadDeliversOnlyWhatCameSince() {
        start(SimulatorFixture.simulator());
        addTenantEvents(25);
        Checkpoint checkpoint;
        try (AuditLogStream<UiPathUnifiedAuditEvent> stream = source.fetch(AuditLogQuery.builder().from(T0).pageSize(10).build())) {
            assertThat(stream.stream().count()).isEqualTo(25);
            checkpoint = stream.checkpoint();
        }
        // a later event, and one sharing the newest delivered timestamp
        sim.addUnified(UiPathUnifiedEvent.builder().id("late-same-second").createdOn(T0.plusSeconds(24)).tenantId(sim.tenantId()).build(),
                UiPathUnifiedEvent.builder().id("later").createdOn(T0.plusSeconds(90)).tenantId(sim.tenantId()).build());

        List<UiPathUnifiedAuditEvent> next = readAll(AuditLogQuery.builder()
                .resumeFrom(Checkpoint.parse(checkpoint.serialize())).pageSize(10).build());

        assertThat(next).extracting(UiPathUnifiedAuditEvent::id).containsExactlyInAnyOrder("later", "late-same-second");
    }

    @Test
    void aLinkToAnotherHostIsRefused() {
        WireMockServer wm = wireMock();
        try {
            sim = SimulatorFixture.simulator().build().start();
            wm.stubFor(get(urlPathEqualTo(ORG_EVENTS))
                    .willReturn(okJson(
                            "{\"auditEvents\":[],\"next\":null,\"previous\":\"https://elsewhere.example/acme/orgaudit_/api/query/events?before=x\"}")));
            source = UiPathUnifiedAuditLogSource.builder().baseUrl("http://127.0.0.1:" + wm.port()).organization("acme")
                    .identityUrl(sim.identityUrl()).clientCredentials(SimulatorFixture.CLIENT_ID, SimulatorFixture.CLIENT_SECRET)
                    .retryPolicy(SimulatorFixture.FAST_RETRIES).build();

            assertThatThrownBy(() -> readAll(AuditLogQuery.builder().from(T0).build()))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("another host (elsewhere.example)");
        } finally {
            wm.stop();
        }
    }

    @Test
    void eventsOutOfOrderFailInsteadOfBeingDropped() {
        WireMockServer wm = wireMock();
        try {
            sim = SimulatorFixture.simulator().build().start();
            wm.stubFor(get(urlPathEqualTo(ORG_EVENTS))
                    .willReturn(okJson("{\"auditEvents\":["
                            + "{\"id\":\"a\",\"createdOn\":\"2026-01-10T00:00:01Z\"},{\"id\":\"b\",\"createdOn\":\"2026-01-10T00:00:05Z\"}],"
                            + "\"previous\":null}")));
            source = UiPathUnifiedAuditLogSource.builder().baseUrl("http://127.0.0.1:" + wm.port()).organization("acme")
                    .identityUrl(sim.identityUrl()).clientCredentials(SimulatorFixture.CLIENT_ID, SimulatorFixture.CLIENT_SECRET)
                    .build();

            assertThatThrownBy(() -> readAll(AuditLogQuery.builder().from(T0).to(T0.plusSeconds(60)).build()))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("newest first");
        } finally {
            wm.stop();
        }
    }

    private List<UiPathUnifiedAuditEvent> readAll(AuditLogQuery query) {
        try (AuditLogStream<UiPathUnifiedAuditEvent> stream = source.fetch(query)) {
            List<UiPathUnifiedAuditEvent> out = new ArrayList<>();
            stream.forEach(out::add);
            return out;
        }
    }
}
