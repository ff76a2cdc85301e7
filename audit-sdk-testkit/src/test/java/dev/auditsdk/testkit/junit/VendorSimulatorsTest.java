package dev.auditsdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testkit.SimulatorServer;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import org.junit.jupiter.api.Test;

/** Every vendor simulator can be left to the extension: created with its defaults, started and stopped. */
@SimulatorTest
class VendorSimulatorsTest {
    @Simulator
    static BoomiSimulator boomi;
    @Simulator
    static InformaticaSimulator informatica;
    @Simulator
    JitterbitSimulator jitterbit;
    @Simulator
    UiPathSimulator uipath;
    @Simulator
    LifecycleSimulator lifecycle;

    @Test
    void everyVendorSimulatorIsCreatedAndStarted() {
        for (SimulatorServer s : new SimulatorServer[] {boomi, informatica, jitterbit, lifecycle, uipath}) {
            assertThat(s).isNotNull();
            assertThat(s.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(s.port()).isPositive();
            assertThat(s.requestCount()).isZero();
        }
    }
}
