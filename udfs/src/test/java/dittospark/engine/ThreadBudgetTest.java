package dittospark.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadBudgetTest {

    private static List<ThreadBudget> everySplitUpTo(int maxCores) {
        List<ThreadBudget> all = new ArrayList<>();
        for (int cores = 1; cores <= maxCores; cores++) {
            for (int rows = 1; rows <= cores; rows++) {
                all.add(ThreadBudget.split(cores, rows));
            }
        }
        return all;
    }

    @Test
    void oneCoreRunsEverythingOnOneThread() {
        assertThat(ThreadBudget.split(1, 1)).as("split of one core")
                .isEqualTo(new ThreadBudget(1, 1, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void twoCoresForOneRow() {
        assertThat(ThreadBudget.split(2, 1)).as("split of two cores for one row")
                .isEqualTo(new ThreadBudget(2, 1, 2, 2, 2, 1, 1, 2));
    }

    @Test
    void eightCoresForTwoRows() {
        assertThat(ThreadBudget.split(8, 2)).as("split of eight cores for two rows")
                .isEqualTo(new ThreadBudget(8, 2, 8, 4, 4, 2, 2, 4));
    }

    @Test
    void theJvmWidePoolsNeverExceedTheCores() {
        assertThat(everySplitUpTo(64)).as("splits of 1..64 cores")
                .allSatisfy(b -> assertThat(Math.max(b.modelThreads(), b.opencvThreads()))
                        .as("larger JVM-wide pool of %s", b).isBetween(1, b.cores()));
    }

    @Test
    void rowsTimesTheirThreadsNeverExceedTheCores() {
        assertThat(everySplitUpTo(64)).as("splits of 1..64 cores").allSatisfy(b -> {
            int perRow = Math.max(b.encoderThreads(), Math.max(b.warpWorkers(), Math.max(b.decodeWorkers(),
                    b.putBackThreads())));
            assertThat(perRow).as("largest per-row pool of %s", b).isPositive();
            assertThat(b.rows() * perRow).as("rows times the largest per-row pool of %s", b)
                    .isLessThanOrEqualTo(b.cores());
        });
    }

    @Test
    void moreRowsThanCoresIsRefused() {
        assertThatThrownBy(() -> ThreadBudget.split(2, 3)).as("three rows on two cores")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
