package dev.auditsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OcsfActivityTest {

    @Test
    void infersFromTheActionsWordsInAnyCase() {
        assertThat(OcsfActivity.of(OcsfClass.AUTHENTICATION, "Login")).isEqualTo(1);
        assertThat(OcsfActivity.of(OcsfClass.AUTHENTICATION, "LOGOUT")).isEqualTo(2);
        assertThat(OcsfActivity.of(OcsfClass.ENTITY_MANAGEMENT, "create")).isEqualTo(1);
        assertThat(OcsfActivity.of(OcsfClass.API_ACTIVITY, "create")).isEqualTo(1);
        assertThat(OcsfActivity.of(OcsfClass.ACCOUNT_CHANGE, "password-reset")).isEqualTo(4);
        assertThat(OcsfActivity.of(OcsfClass.ENTITY_MANAGEMENT, "start")).isEqualTo(OcsfActivity.OTHER);
        assertThat(OcsfActivity.of(OcsfClass.BASE_EVENT, "create")).isEqualTo(OcsfActivity.OTHER);
    }

    @Test
    void theSameActionGivesTheSameIdPerClassAfterItIsRemembered() {
        for (int round = 0; round < 2; round++) {
            assertThat(OcsfActivity.of(OcsfClass.ACCOUNT_CHANGE, "Disable")).isEqualTo(5);
            assertThat(OcsfActivity.of(OcsfClass.ENTITY_MANAGEMENT, "Disable")).isEqualTo(9);
            assertThat(OcsfActivity.of(OcsfClass.API_ACTIVITY, "Disable")).isEqualTo(OcsfActivity.OTHER);
        }
    }

    @Test
    void actionsBeyondWhatIsRememberedAreStillInferred() {
        // more distinct actions than are remembered, and longer ones than are remembered
        for (int i = 0; i < 3000; i++) {
            assertThat(OcsfActivity.of(OcsfClass.API_ACTIVITY, "delete-" + i)).isEqualTo(4);
            assertThat(OcsfActivity.of(OcsfClass.API_ACTIVITY, "Unknown-Verb-" + i)).isEqualTo(OcsfActivity.OTHER);
        }
        String longAction = "x".repeat(500) + " update";
        assertThat(OcsfActivity.of(OcsfClass.API_ACTIVITY, longAction)).isEqualTo(3);
        assertThat(OcsfActivity.of(OcsfClass.API_ACTIVITY, longAction)).isEqualTo(3);
    }

    @Test
    void anEventsDefaultActivityIsTheInferredOne() {
        AuditEvent e = AuditEvent.builder().vendor("v").id("1").time(Instant.EPOCH).action("Updated")
                .ocsfClass(OcsfClass.ENTITY_MANAGEMENT).build();
        assertThat(e.activityId()).isEqualTo(3);
    }

    @Test
    void captionsAreThoseOfTheClass() {
        assertThat(OcsfActivity.caption(OcsfClass.ACCOUNT_CHANGE, 3)).isEqualTo("Password Change");
        assertThat(OcsfActivity.caption(OcsfClass.ENTITY_MANAGEMENT, 13)).isEqualTo("Resume");
        assertThat(OcsfActivity.caption(OcsfClass.API_ACTIVITY, 5)).isNull();
        assertThat(OcsfActivity.caption(OcsfClass.BASE_EVENT, 99)).isEqualTo("Other");
        assertThat(OcsfActivity.caption(OcsfClass.BASE_EVENT, 0)).isEqualTo("Unknown");
        assertThat(OcsfActivity.caption(OcsfClass.AUTHENTICATION, -1)).isNull();
        assertThat(OcsfActivity.caption(OcsfClass.AUTHENTICATION, 100)).isNull();
        assertThat(OcsfActivity.caption(OcsfClass.AUTHENTICATION, 1000)).isNull();
    }
}
