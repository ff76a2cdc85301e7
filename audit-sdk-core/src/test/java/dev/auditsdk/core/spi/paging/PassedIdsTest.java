package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassedIdsTest {
    @Test
    void remembersTheLastIdentitiesOldestForgottenFirst() {
        PassedIds ids = new PassedIds(3);
        ids.add("a");
        ids.add("b");
        ids.add("c");
        ids.add("d");
        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.contains("b")).isTrue();
        assertThat(ids.contains("d")).isTrue();
        // with its index built, the ring keeps forgetting the oldest
        ids.add("e");
        assertThat(ids.contains("b")).isFalse();
        assertThat(ids.contains("c")).isTrue();
        assertThat(ids.contains("e")).isTrue();
    }

    @Test
    void answersLikeABoundedInsertionOrderedSetWhetherLookedUpEarlyOrLate() {
        Random random = new Random(5);
        for (int run = 0; run < 200; run++) {
            int capacity = 1 + random.nextInt(16);
            PassedIds ids = new PassedIds(capacity);
            Deque<String> model = new ArrayDeque<>();
            int next = 0;
            for (int step = 0; step < 300; step++) {
                if (random.nextInt(4) == 0) {
                    String probe = "id-" + random.nextInt(next + 1);
                    assertThat(ids.contains(probe)).as("run %d step %d: %s", run, step, probe).isEqualTo(model.contains(probe));
                } else {
                    String id = "id-" + next++;
                    ids.add(id);
                    model.addLast(id);
                    if (model.size() > capacity) {
                        model.removeFirst();
                    }
                }
            }
        }
    }

    @Test
    void anIdentityAddedAgainIsRememberedUntilItsNewestCopyIsForgotten() {
        PassedIds ids = new PassedIds(3);
        ids.add("a");
        ids.add("b");
        ids.add("a"); // no index yet: a second place
        ids.add("c"); // forgets the first "a"
        assertThat(ids.contains("a")).isTrue();
        ids.add("d");
        ids.add("e");
        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.contains("e")).isTrue();
        // with the index: an identity already remembered takes no second place
        ids.add("e");
        ids.add("f");
        assertThat(ids.contains("d")).isTrue();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new PassedIds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be positive, was 0");
    }
}
