package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.registry.VendorRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskAssignmentTest {

    /** Boomi streams of two accounts (acme twice, through two users) and three UiPath tenants of one org. */
    static List<StreamConfig> streams() {
        Map<String, String> p = new HashMap<>();
        p.put("streams", "acme-a,acme-b,globex,eu-1,eu-2,eu-3");
        p.put("topic", "audit");
        for (String[] b : new String[][] {{"acme-a", "acme-A1", "a@acme.example"}, {"acme-b", "acme-A1", "b@acme.example"},
                {"globex", "globex-G1", "g@globex.example"}}) {
            p.put("streams." + b[0] + ".vendor", "boomi");
            p.put("streams." + b[0] + ".account-id", b[1]);
            p.put("streams." + b[0] + ".username", b[2]);
            p.put("streams." + b[0] + ".password", "pw");
        }
        for (String t : new String[] {"eu-1", "eu-2", "eu-3"}) {
            p.put("streams." + t + ".vendor", "uipath-unified");
            p.put("streams." + t + ".organization", "acme");
            p.put("streams." + t + ".tenant", t);
            p.put("streams." + t + ".client-id", "app-" + t);
            p.put("streams." + t + ".client-secret", "secret");
        }
        return AuditLogConnectorConfig.parse(p, VendorRegistry.discover()).streams();
    }

    @Test
    void streamsSharingARateLimitStayInOneTask() {
        assertThat(TaskAssignment.assign(streams(), 10)).containsExactly(
                List.of("eu-1", "eu-2", "eu-3"), List.of("acme-a", "acme-b"), List.of("globex"));
    }

    @Test
    void groupsAreBalancedOverFewerTasks() {
        assertThat(TaskAssignment.assign(streams(), 2)).containsExactly(
                List.of("eu-1", "eu-2", "eu-3"), List.of("acme-a", "acme-b", "globex"));
        assertThat(TaskAssignment.assign(streams(), 1)).hasSize(1).first().satisfies(g -> assertThat(g).hasSize(6));
    }

    @Test
    void atLeastOneTask() {
        assertThatThrownBy(() -> TaskAssignment.assign(streams(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
