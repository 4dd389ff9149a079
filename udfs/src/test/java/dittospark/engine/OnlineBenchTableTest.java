package dittospark.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnlineBenchTableTest {
    /** 101 frames of 4 s of audio: the first frame 0.9 s after the first piece, the last 5.9 s after it. */
    private static OnlineBench.Row row() {
        return new OnlineBench.Row("portrait 512x512", OnlineBench.Feed.REAL_TIME, 101, 4.0, 0.9, 1.5, 4.9, "cpu");
    }

    @Test
    void sustainedFpsCountsTheFramesAfterTheFirst() {
        assertThat(row().sustainedFps()).as("sustained fps").isCloseTo(25.0, within(1e-9));
    }

    @Test
    void endLagIsTheLastFrameAfterTheEndOfTheAudio() {
        assertThat(row().endLag()).as("end lag").isCloseTo(0.9, within(1e-9));
    }

    @Test
    void theTablePrintsOneLinePerCaseAndFeed() {
        String table = OnlineBench.table(List.of(row()));
        assertThat(table.lines().filter(l -> l.startsWith("portrait 512x512 ")).findFirst()).as("the case's line")
                .get().asString().contains("real time").contains("0.900").contains("1.500").endsWith("25.00     0.900");
    }

    @Test
    void aSegmentThatNeverCameIsShownAsMissing() {
        OnlineBench.Row none = new OnlineBench.Row("portrait 512x512", OnlineBench.Feed.FAST, 10, 0.4, 0.5,
                Double.NaN, 0.9, "cpu");
        assertThat(OnlineBench.table(List.of(none))).as("the table").contains("NaN");
    }
}
