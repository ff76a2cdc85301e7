package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.http.TransportListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsConfigTest {
    private static final VendorRegistry REGISTRY = VendorRegistry.of(VendorRegistry.builtIn());
    private static final String SECRET = "pw-S3CR3T-streams";

    static Map<String, String> twoStreams() {
        Map<String, String> p = new HashMap<>();
        p.put("streams", "boomi-acme, uipath-eu");
        p.put("streams.boomi-acme.vendor", "boomi");
        p.put("streams.boomi-acme.account-id", "acme-A1B2C3");
        p.put("streams.boomi-acme.username", "auditor@acme.example");
        p.put("streams.boomi-acme.password", SECRET);
        p.put("streams.boomi-acme.from", "2026-01-01");
        p.put("streams.boomi-acme.poll.interval", "5m");
        p.put("streams.boomi-acme.output", "/var/log/audit/boomi.ndjson");
        p.put("streams.boomi-acme.topic", "audit-boomi");
        p.put("streams.uipath-eu.vendor", "uipath-unified");
        p.put("streams.uipath-eu.organization", "acme");
        p.put("streams.uipath-eu.client-id", "app");
        p.put("streams.uipath-eu.client-secret", SECRET);
        p.put("streams.uipath-eu.lag", "30s");
        p.put("streams.uipath-eu.checkpoint", "/var/lib/auditlog/uipath.json");
        p.put("name", "not a stream key: the reader's own");
        return p;
    }

    @Test
    void readsEveryStreamWithItsVendorSettingsTimingAndDeliveryKeys() {
        List<StreamDefinition> streams = StreamsConfig.parse(twoStreams(), REGISTRY, StreamsConfigTest::context);

        assertThat(streams).extracting(StreamDefinition::id).containsExactly("boomi-acme", "uipath-eu");
        StreamDefinition boomi = streams.get(0);
        assertThat(boomi.plugin().name()).isEqualTo("boomi");
        assertThat(boomi.from()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(boomi.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(boomi.lag()).isEmpty();
        assertThat(boomi.settings().require("password")).isEqualTo(SECRET);
        assertThat(boomi.delivery(StreamsConfig.OUTPUT)).contains("/var/log/audit/boomi.ndjson");
        assertThat(boomi.delivery(StreamsConfig.TOPIC)).contains("audit-boomi");
        assertThat(boomi.delivery(StreamsConfig.CHECKPOINT)).isEmpty();
        assertThat(boomi.prefix()).isEqualTo("streams.boomi-acme.");
        StreamDefinition uipath = streams.get(1);
        assertThat(uipath.pollInterval()).isEqualTo(StreamsConfig.DEFAULT_POLL_INTERVAL);
        assertThat(uipath.lag()).contains(Duration.ofSeconds(30));
        assertThat(uipath.delivery(StreamsConfig.CHECKPOINT)).contains("/var/lib/auditlog/uipath.json");
        assertThatThrownBy(() -> uipath.delivery("vendor")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a delivery key");
    }

    @Test
    void everyProblemIsReportedOnItsKey() {
        Map<String, String> p = twoStreams();
        p.put("streams", "boomi-acme,uipath-eu,mystery,boomi-acme,bad.name");
        p.put("streams.mystery.vendor", "sap");
        p.remove("streams.boomi-acme.account-id");
        p.put("streams.boomi-acme.acount-id", "x");
        p.put("streams.uipath-eu.poll.interval", "soon");
        p.put("streams.uipath-eu.from", "yesterday");
        p.put("streams.old.vendor", "boomi");

        Map<String, List<String>> problems = StreamsConfig.problems(p, REGISTRY, StreamsConfigTest::context);

        assertThat(problems).containsOnlyKeys("streams", "streams.mystery.vendor", "streams.boomi-acme.account-id",
                "streams.boomi-acme.acount-id", "streams.uipath-eu.poll.interval", "streams.uipath-eu.from",
                "streams.old.vendor");
        assertThat(problems.get("streams")).containsExactly("stream 'boomi-acme' is listed twice",
                "stream name 'bad.name' must be letters, digits, '-' and '_'");
        assertThat(problems.get("streams.mystery.vendor").get(0)).contains("unknown vendor 'sap'").contains("boomi, informatica");
        assertThat(problems.get("streams.boomi-acme.account-id")).containsExactly("missing: vendor boomi needs it");
        assertThat(problems.get("streams.boomi-acme.acount-id").get(0)).contains("vendor boomi has no option 'acount-id'");
        assertThat(problems.get("streams.uipath-eu.poll.interval").get(0))
                .contains("'soon' is not a duration: use 500ms, 60s, 5m, 1h, 1d or PT1M");
        assertThat(problems.get("streams.uipath-eu.from").get(0)).contains("not a time");
        assertThat(problems.get("streams.old.vendor").get(0)).contains("no stream of this name is listed in streams");
        assertThat(problems.toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> StreamsConfig.parse(p, REGISTRY, StreamsConfigTest::context))
                .isInstanceOf(VendorSettingException.class).hasMessageContaining("streams.mystery.vendor: unknown vendor")
                .hasMessageContaining("streams.boomi-acme.account-id: missing").hasMessageNotContaining(SECRET);
    }

    @Test
    void theVendorsOwnRulesAreReportedOnTheKeyOfTheOptionAtFault() {
        Map<String, String> p = twoStreams();
        p.put("streams.boomi-acme.api-token", "tok-S3CR3T");
        p.put("streams.uipath-eu.base-url", "ftp://cloud.uipath.com");

        Map<String, List<String>> problems = StreamsConfig.problems(p, REGISTRY, StreamsConfigTest::context);

        assertThat(problems).containsOnlyKeys("streams.boomi-acme.password", "streams.uipath-eu.base-url");
        assertThat(problems.get("streams.boomi-acme.password")).containsExactly(
                "boomi needs exactly one of streams.boomi-acme.password and streams.boomi-acme.api-token");
        assertThat(problems.toString()).doesNotContain("S3CR3T");
    }

    @Test
    void aMissingOrEmptyStreamListAndAMissingVendorAreProblems() {
        assertThat(StreamsConfig.problems(Map.of("boomi.username", "x"), REGISTRY, StreamsConfigTest::context))
                .containsOnlyKeys("streams");
        assertThat(StreamsConfig.problems(Map.of("streams", " , "), REGISTRY, StreamsConfigTest::context).get("streams"))
                .containsExactly("list at least one stream, e.g. streams=boomi-acme");
        assertThat(StreamsConfig.problems(Map.of("streams", "a"), REGISTRY, StreamsConfigTest::context).get("streams.a.vendor"))
                .singleElement().asString().startsWith("missing: the vendor of stream 'a', one of boomi");
    }

    @Test
    void streamsOfOneAccountShareARateDomain() {
        Map<String, String> p = twoStreams();
        p.put("streams", "boomi-acme,boomi-acme-2,uipath-eu");
        twoStreams().forEach((k, v) -> {
            if (k.startsWith("streams.boomi-acme.")) {
                p.put(k.replace("boomi-acme.", "boomi-acme-2."), v);
            }
        });
        List<StreamDefinition> streams = StreamsConfig.parse(p, REGISTRY, StreamsConfigTest::context);

        assertThat(streams.get(0).rateDomain()).isEqualTo(streams.get(1).rateDomain()).isNotEqualTo(streams.get(2).rateDomain());
    }

    private static VendorContext context(String stream) {
        return new VendorContext() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public char[] promptSecret(String prompt) {
                throw new VendorSettingException("no terminal for stream " + stream);
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public TransportListener transportListener() {
                return TransportListener.NONE;
            }
        };
    }
}
