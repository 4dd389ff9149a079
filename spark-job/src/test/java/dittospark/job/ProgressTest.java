package dittospark.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @Test
    void theLineGivesRowsOutcomesFramesPerSecondAndTimeLeft() {
        Progress progress = new Progress(10, 1, 1, 480);

        assertThat(progress.line(40, 20.0)).as("line after 12 of 40 rows in 20 s")
                .isEqualTo("rendered 12/40 rows (10 succeeded, 1 failed, 1 skipped), 24.0 fps, about 47s left");
    }

    @Test
    void timeLeftIsTheRemainingRowsAtTheMeanPaceOfTheFinishedOnes() {
        assertThat(Progress.timeLeft(10, 40, 100.0)).as("30 rows left at 10 s a row").isEqualTo("about 5m00s left");
    }

    @Test
    void timeLeftIsUnknownBeforeTheFirstRowFinishes() {
        assertThat(Progress.timeLeft(0, 40, 100.0)).as("time left with no row done").isEqualTo("time left unknown");
    }

    @Test
    void timeLeftIsDoneOnceEveryRowIs() {
        assertThat(Progress.timeLeft(40, 40, 100.0)).as("time left with every row done").isEqualTo("done");
    }

    @Test
    void longDurationsShowHoursAndMinutes() {
        assertThat(Progress.duration(3725)).as("3725 s").isEqualTo("1h02m");
    }

    @Test
    void aSpeculativeCopysRowsDoNotTakeTheCountPastTheTotal() {
        Progress twice = new Progress(3, 0, 0, 30);

        assertThat(twice.line(2, 1.0)).as("line with one row reported by two task copies")
                .startsWith("rendered 2/2 rows");
    }

    @Test
    void progressOfTwoTasksAddsUp() {
        assertThat(new Progress(1, 2, 3, 4).plus(new Progress(10, 20, 30, 40))).as("sum")
                .isEqualTo(new Progress(11, 22, 33, 44));
    }
}
