package dittospark.render;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripWorkersTest {
    @Test
    void everyStripRunsOnceWithItsIndex() throws Exception {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        try (StripWorkers workers = new StripWorkers(3)) {
            workers.run((index, count) -> ran.add(index + "/" + count));
        }

        assertThat(ran).as("strips run").containsExactlyInAnyOrder("0/3", "1/3", "2/3");
    }

    @Test
    void aFailingStripFailsTheRun() {
        try (StripWorkers workers = new StripWorkers(2)) {
            assertThatThrownBy(() -> workers.run((index, count) -> {
                if (index == 1) {
                    throw new IllegalStateException("strip 1 broke");
                }
            })).as("run whose second strip throws").isInstanceOf(IllegalStateException.class)
                    .hasMessage("strip 1 broke");
        }
    }

    @Test
    void evenStartsShareTheItemsWithoutGapOrOverlap() {
        assertThat(new int[] {StripWorkers.evenStart(10, 0, 3), StripWorkers.evenStart(10, 1, 3),
                StripWorkers.evenStart(10, 2, 3), StripWorkers.evenStart(10, 3, 3)})
                .as("starts of 3 strips over 10 items, and the end").containsExactly(0, 3, 6, 10);
    }
}
