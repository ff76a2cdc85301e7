package dev.auditsdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes through the JUnit launcher and checks what the extension did to their simulators. */
class SimulatorExtensionTest {
    /** What the inner test classes saw, by label. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @Test
    void staticFieldsLiveForTheClassInstanceFieldsForEachTestAndStatisticsAreReset() {
        TestExecutionSummary summary = run(FieldCase.class);

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
        EchoSimulator shared1 = (EchoSimulator) SEEN.get("first.shared");
        EchoSimulator shared2 = (EchoSimulator) SEEN.get("second.shared");
        EchoSimulator perTest1 = (EchoSimulator) SEEN.get("first.perTest");
        EchoSimulator perTest2 = (EchoSimulator) SEEN.get("second.perTest");
        assertThat(shared1).isSameAs(shared2);
        assertThat(perTest1).isNotSameAs(perTest2);
        assertThat(SEEN.get("first.param")).isSameAs(perTest1);
        assertThat(SEEN).containsEntry("first.running", true).containsEntry("second.running", true)
                .containsEntry("second.sharedRequestsAtStart", 0);
        assertThat(List.of(shared1, perTest1, perTest2)).noneMatch(EchoSimulator::running);
    }

    @Test
    void parametersWithoutAFieldGetTheirOwnSimulatorForTheirScope() {
        TestExecutionSummary summary = run(ParameterCase.class);

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(1);
        assertThat(SEEN).containsEntry("param.classRunningInTest", true).containsEntry("param.testRunning", true);
        assertThat((EchoSimulator) SEEN.get("param.class")).isNotSameAs(SEEN.get("param.test"));
        assertThat(List.of((EchoSimulator) SEEN.get("param.class"), (EchoSimulator) SEEN.get("param.test")))
                .noneMatch(EchoSimulator::running);
    }

    @Test
    void initializedFieldsAndBuildersAreStartedAndPerClassInstancesKeepOneSimulator() {
        TestExecutionSummary summary = run(PerClassCase.class);

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
        assertThat(SEEN.get("perClass.a")).isSameAs(SEEN.get("perClass.b"));
        assertThat(SEEN).containsEntry("perClass.configured", "custom").containsEntry("perClass.built", true);
        assertThat((EchoSimulator) SEEN.get("perClass.a")).matches(s -> !s.running());
    }

    @Test
    void aSimulatorThatCannotBeCreatedFailsWithAClearMessage() {
        TestExecutionSummary summary = run(UncreatableCase.class);

        assertThat(summary.getTestsFailedCount() + summary.getContainersFailedCount()).isPositive();
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).hasMessageContaining("cannot create").hasMessageContaining("NoFactorySimulator")
                .hasMessageContaining("initialize the @Simulator field yourself");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        List<String> out = new ArrayList<>();
        summary.getFailures().forEach(f -> out.add(f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
        return String.join("\n", out);
    }

    @SimulatorTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FieldCase {
        @Simulator
        static EchoSimulator shared;
        @Simulator
        EchoSimulator perTest;

        @Test
        @Order(1)
        void first(@Simulator EchoSimulator param) throws Exception {
            SEEN.put("first.shared", shared);
            SEEN.put("first.perTest", perTest);
            SEEN.put("first.param", param);
            SEEN.put("first.running", shared.running() && perTest.running());
            shared.ping();
        }

        @Test
        @Order(2)
        void second() {
            SEEN.put("second.shared", shared);
            SEEN.put("second.perTest", perTest);
            SEEN.put("second.running", shared.running() && perTest.running());
            SEEN.put("second.sharedRequestsAtStart", shared.requestCount());
        }
    }

    @SimulatorTest
    static class ParameterCase {
        private static EchoSimulator classScoped;

        @BeforeAll
        static void startClassScoped(@Simulator EchoSimulator simulator) {
            classScoped = simulator;
            SEEN.put("param.class", simulator);
        }

        @Test
        void test(@Simulator EchoSimulator simulator) {
            SEEN.put("param.test", simulator);
            SEEN.put("param.testRunning", simulator.running());
            SEEN.put("param.classRunningInTest", classScoped.running());
        }
    }

    /** Made by its builder only. */
    public static final class BuiltSimulator extends EchoSimulator {
        private BuiltSimulator() {
        }

        /** @return a builder */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds it. */
        public static final class Builder {
            /** @return the simulator */
            public BuiltSimulator build() {
                return new BuiltSimulator();
            }
        }
    }

    /** Has a name set through its constructor. */
    public static final class ConfiguredSimulator extends EchoSimulator {
        final String name;

        ConfiguredSimulator(String name) {
            this.name = name;
        }
    }

    @SimulatorTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassCase {
        @Simulator
        EchoSimulator perClass;
        @Simulator
        final ConfiguredSimulator configured = new ConfiguredSimulator("custom");
        @Simulator
        BuiltSimulator built;

        @Test
        void a() {
            SEEN.put("perClass.a", perClass);
            SEEN.put("perClass.configured", configured.running() ? configured.name : "not running");
            SEEN.put("perClass.built", built.running());
        }

        @Test
        void b() {
            SEEN.put("perClass.b", perClass);
        }
    }

    /** Neither a no-argument constructor, nor create(), nor a builder. */
    public static final class NoFactorySimulator extends SimulatorServer {
        NoFactorySimulator(String vendor) {
            super(vendor);
        }

        @Override
        protected void handle(SimExchange exchange) {
        }
    }

    @SimulatorTest
    static class UncreatableCase {
        @Simulator
        static NoFactorySimulator simulator;

        @Test
        void test() {
        }
    }
}
