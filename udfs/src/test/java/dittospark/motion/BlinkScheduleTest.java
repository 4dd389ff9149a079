package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlinkScheduleTest {
    private static final int BLINK = 15;

    @Test
    void randomGapsLieBetweenSixtyAndOneHundredFrames() {
        int[] idx = BlinkSchedule.of(0).indices(3000, BLINK, new SplittableRandom(9));

        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] == 1) {
                starts.add(i - 1);
            }
        }
        assertThat(starts.get(0)).as("first blink start").isBetween(60, 100);
        for (int b = 1; b < starts.size(); b++) {
            assertThat(starts.get(b) - starts.get(b - 1) - BLINK).as("gap before blink " + b).isBetween(60, 100);
        }
    }

    @Test
    void sameSeedGivesSameSchedule() {
        int[] a = BlinkSchedule.of(0).indices(1000, BLINK, new SplittableRandom(10));
        int[] b = BlinkSchedule.of(0).indices(1000, BLINK, new SplittableRandom(10));

        assertThat(a).as("second schedule from the same seed").containsExactly(b);
    }

    @Test
    void randomGapsNeedAGenerator() {
        assertThatThrownBy(() -> BlinkSchedule.of(0).indices(100, BLINK, null)).as("random schedule without generator")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeGapsAreRejected() {
        assertThatThrownBy(() -> BlinkSchedule.of(List.of(20, -3))).as("list with a negative gap")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
