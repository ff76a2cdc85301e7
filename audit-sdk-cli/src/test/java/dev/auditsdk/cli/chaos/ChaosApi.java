package dev.auditsdk.cli.chaos;

import static dev.auditsdk.cli.chaos.ChaosSettings.DATA_FROM;
import static dev.auditsdk.cli.chaos.ChaosSettings.DATA_TO;
import static dev.auditsdk.cli.chaos.ChaosSettings.FROM;
import static dev.auditsdk.cli.chaos.ChaosSettings.POLL;
import static dev.auditsdk.cli.chaos.ChaosSettings.TO;
import static dev.auditsdk.cli.chaos.ChaosSettings.tuned;

import dev.auditsdk.boomi.BoomiAuditLogSource;
import dev.auditsdk.boomi.BoomiStagedAuditLogExport;
import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.informatica.InformaticaAuditLogSource;
import dev.auditsdk.informatica.InformaticaSecurityLogSource;
import dev.auditsdk.jitterbit.JitterbitApiLogSource;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import dev.auditsdk.uipath.UiPathAuditLogSource;
import dev.auditsdk.uipath.UiPathUnifiedAuditLogSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The eight APIs of the chaos suite, each able to start its simulator with a few hundred entries
 * spread over two weeks and to say how it is read through the SDK and through the command line.
 * The amounts and page sizes are chosen so that every read takes ten or more requests (pages,
 * windows, batches, polls), so that a fault rate of one in five meets every read several times.
 */
enum ChaosApi {
    /** Sonatype Lifecycle {@code GET /api/v2/auditLogs}: 300 events, one request per UTC day (16), JSON Lines streamed. */
    LIFECYCLE("lifecycle") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            LifecycleSimulator sim = LifecycleSimulator.builder().seed(seed).storedEvents(300)
                    .range(DATA_FROM, DATA_TO).exportEvents(false).build().start();
            return new ChaosTarget(sim,
                    () -> tuned(LifecycleAuditLogSource.builder(), 0).baseUrl(sim.baseUrl())
                            .credentials(LifecycleSimulator.DEFAULT_USERNAME, LifecycleSimulator.DEFAULT_PASSWORD)
                            .build(),
                    List.of("pull", "lifecycle"),
                    Map.of("base-url", sim.baseUrl().toString(), "username", LifecycleSimulator.DEFAULT_USERNAME,
                            "password", LifecycleSimulator.DEFAULT_PASSWORD),
                    () -> (int) sim.lines(FROM, TO).count(), List.of());
        }
    },
    /** UiPath classic audit log: OAuth token, then 300 entries in {@code top}/{@code skip} pages of 20. */
    UIPATH_CLASSIC("uipath") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            UiPathSimulator sim = UiPathSimulator.builder().seed(seed).classicEntries(300).unifiedEvents(0)
                    .dataBetween(DATA_FROM, DATA_TO).build().start();
            return new ChaosTarget(sim,
                    () -> tuned(UiPathAuditLogSource.builder(), 0).baseUrl(sim.baseUrl())
                            .organization(sim.organization()).tenant(sim.tenant())
                            .clientCredentials(sim.clientId(), sim.clientSecret()).pageSize(PAGE).build(),
                    List.of("pull", "uipath", "--page-size", String.valueOf(PAGE)), uiPathSettings(sim),
                    () -> sim.classicEntries().size(), List.of());
        }
    },
    /** UiPath unified audit API: OAuth token, then the tenant's events (about 270 of 1,000) in cursor pages of 20. */
    UIPATH_UNIFIED("uipath-unified") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            UiPathSimulator sim = UiPathSimulator.builder().seed(seed).classicEntries(0).unifiedEvents(1000)
                    .dataBetween(DATA_FROM, DATA_TO).build().start();
            return new ChaosTarget(sim,
                    () -> tuned(UiPathUnifiedAuditLogSource.builder(), 0).baseUrl(sim.baseUrl())
                            .organization(sim.organization()).tenant(sim.tenant())
                            .clientCredentials(sim.clientId(), sim.clientSecret()).pageSize(PAGE).build(),
                    List.of("pull", "uipath-unified", "--page-size", String.valueOf(PAGE)), uiPathSettings(sim),
                    () -> (int) sim.unifiedEvents().stream().filter(e -> sim.tenantId().equals(e.tenantId())).count(), List.of());
        }
    },
    /** Informatica v2 audit log: login, then 300 entries in newest-first batches of 20, logout. */
    INFORMATICA_V2("informatica") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            InformaticaSimulator sim = informatica(seed, 300, 10);
            return new ChaosTarget(sim,
                    () -> tuned(InformaticaAuditLogSource.builder(), 0).baseUrl(sim.loginUrl())
                            .credentials(sim.username(), sim.password()).batchSize(PAGE).build(),
                    List.of("pull", "informatica"),
                    Map.of("login-url", sim.loginUrl().toString(), "username", sim.username(),
                            "password", sim.password(), "batch-size", String.valueOf(PAGE)),
                    () -> sim.auditEntries(FROM, TO).size(), List.of());
        }
    },
    /** Informatica v3 security log: login, then 2,000 entries in time windows paged by {@code skip}, logout. */
    INFORMATICA_SECURITY("informatica-security") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            InformaticaSimulator sim = informatica(seed, 10, 2000);
            return new ChaosTarget(sim,
                    () -> tuned(InformaticaSecurityLogSource.builder(), 0).baseUrl(sim.loginUrl())
                            .credentials(sim.username(), sim.password()).build(),
                    List.of("pull", "informatica-security"),
                    Map.of("login-url", sim.loginUrl().toString(), "username", sim.username(),
                            "password", sim.password()),
                    () -> sim.securityEntries(FROM, TO).size(), List.of());
        }
    },
    /** Jitterbit API log export: login, then for each day of 300 entries an async export submitted, polled, downloaded. */
    JITTERBIT("jitterbit") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            JitterbitSimulator sim = JitterbitSimulator.builder().seed(seed).entries(300).span(DATA_FROM, DATA_TO)
                    .build();
            sim.start();
            return new ChaosTarget(sim,
                    () -> tuned(JitterbitApiLogSource.builder(), 0).baseUrl(sim.baseUrl())
                            .credentials(sim.email(), sim.password())
                            .exportJob(ExportJobOptions.builder().pollInterval(POLL, POLL.multipliedBy(5)).build()).build(),
                    List.of("pull", "jitterbit"),
                    Map.of("base-url", sim.baseUrl().toString(), "email", sim.email(), "password", sim.password(),
                            "poll-interval", POLL.toMillis() + "ms"),
                    () -> sim.records().size(), List.of());
        }
    },
    /** Boomi {@code AuditLog/query} and {@code queryMore}: 1,000 entries in pages of 100, 10 requests a second. */
    BOOMI_QUERY("boomi") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            BoomiSimulator sim = boomi(seed);
            return new ChaosTarget(sim,
                    () -> tuned(BoomiAuditLogSource.builder(), BOOMI_RATE).baseUrl(sim.baseUrl())
                            .accountId(sim.accountId())
                            .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD).build(),
                    List.of("pull", "boomi"), boomiSettings(sim), () -> sim.entriesBetween(FROM, TO).size(),
                    boomiThrottles());
        }
    },
    /**
     * Boomi Audit Log Staging ({@code auditlog export boomi}): JWT, submit, status polls, download
     * of a 1,000-entry archive. Only a handful of requests: the SDK run is made to poll four times;
     * the CLI polls every 5 s (not configurable), so its archive is ready at the first poll.
     */
    BOOMI_STAGING("boomi-staging") {
        @Override
        ChaosTarget start(long seed, ChaosRoute route) {
            BoomiSimulator sim = boomi(seed);
            if (route == ChaosRoute.SDK) {
                sim.setStagingReadyAfter(Duration.ZERO, 4);
            }
            return new ChaosTarget(sim,
                    () -> tuned(BoomiStagedAuditLogExport.builder(), BOOMI_RATE).baseUrl(sim.baseUrl())
                            .accountId(sim.accountId())
                            .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                            .exportJob(BoomiStagedAuditLogExport.DEFAULT_EXPORT_JOB.toBuilder()
                                    .pollInterval(POLL, POLL.multipliedBy(5)).build()).build(),
                    List.of("export", "boomi"), boomiSettings(sim), () -> sim.entriesBetween(FROM, TO).size(),
                    boomiThrottles());
        }
    };

    /** Entries per page or batch where the client chooses. */
    private static final int PAGE = 20;
    /** Boomi's published limit is 10 requests a second; stay under it. */
    private static final double BOOMI_RATE = 8;

    /** The name in test names and case keys. */
    final String id;

    ChaosApi(String id) {
        this.id = id;
    }

    /**
     * @param seed the seed of the simulator's data
     * @param route how the API will be read under chaos
     * @return the started simulator and the ways to read it
     */
    abstract ChaosTarget start(long seed, ChaosRoute route);

    @Override
    public String toString() {
        return id;
    }

    private static Map<String, String> uiPathSettings(UiPathSimulator sim) {
        return Map.of("base-url", sim.baseUrl().toString(), "organization", sim.organization(), "tenant", sim.tenant(),
                "client-id", sim.clientId(), "client-secret", sim.clientSecret());
    }

    private static InformaticaSimulator informatica(long seed, int auditEntries, int securityEntries) {
        return InformaticaSimulator.builder().seed(seed).auditEntries(auditEntries).securityEntries(securityEntries)
                .endingAt(DATA_TO).span(Duration.between(DATA_FROM, DATA_TO)).build().start();
    }

    private static BoomiSimulator boomi(long seed) {
        BoomiSimulator sim = BoomiSimulator.builder().seed(seed).entries(1000).startingAt(DATA_FROM)
                .spacing(Duration.between(DATA_FROM, DATA_TO).dividedBy(1001)).build();
        sim.start();
        return sim;
    }

    private static Map<String, String> boomiSettings(BoomiSimulator sim) {
        return Map.of("base-url", sim.baseUrl().toString(), "account-id", sim.accountId(),
                "username", BoomiSimulator.DEFAULT_USER, "password", BoomiSimulator.DEFAULT_PASSWORD);
    }

    /** Boomi documents 503 as its throttle answer; 429 may come from a gateway in front. */
    private static List<Fault> boomiThrottles() {
        return List.of(Fault.status(503, Map.of(), BoomiSimulator.THROTTLED_MESSAGE),
                Fault.status(429, Map.of("Retry-After", "0"), "Too Many Requests"));
    }

    /** @return the key of one case, e.g. {@code jitterbit/cli/seed=2} */
    static String key(ChaosApi api, ChaosRoute route, long seed) {
        return api.id + "/" + route.id + "/seed=" + seed;
    }
}
