package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopSignalTest {
    @Test
    void theEmergencyCommitOfEveryRunningStreamRunsUntilItIsRemoved() {
        StopSignal stop = new StopSignal();
        List<String> committed = new ArrayList<>();
        Runnable a = () -> committed.add("a");
        Runnable b = () -> committed.add("b");
        stop.addEmergency(a);
        stop.addEmergency(b);

        stop.runEmergencyCommit();
        assertThat(committed).containsExactlyInAnyOrder("a", "b");

        stop.removeEmergency(a);
        committed.clear();
        stop.runEmergencyCommit();
        assertThat(committed).containsExactly("b");
    }
}
