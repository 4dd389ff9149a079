package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Audio2MotionTest {
    private static final int SEQ = 8;
    private static final int DIM = 265;

    /** A model whose clips are all the call number: clip k has every value equal to k. */
    private static DdimSampler countingSampler() {
        int[] calls = {0};
        Lmdm model = (x, condFrame, cond, time) -> {
            float[] start = new float[x.length];
            Arrays.fill(start, calls[0]++);
            return new Lmdm.Prediction(start, start);
        };
        return new DdimSampler(model, new DdimSchedule(1), new LegacyRandom(0), SEQ, DIM);
    }

    private static MotionSettings settings(int overlap, int smooth, float[][] range) {
        return new MotionSettings(overlap, smooth, 0, null, range);
    }

    @Test
    void offlineReturnsOneRowPerConditionFrame() {
        Audio2Motion a2m = new Audio2Motion(countingSampler(), new float[DIM], settings(2, 3, null));

        assertThat(a2m.offline(new float[13][1])).as("motion rows").hasNumberOfRows(13);
    }

    @Test
    void laterClipCrossFadesOverTheOverlap() {
        Audio2Motion a2m = new Audio2Motion(countingSampler(), new float[DIM], settings(4, 1, null));

        float[][] first = a2m.addClip(null, new float[SEQ][1]);
        float[][] both = a2m.addClip(first, new float[SEQ][1]);

        float[] fade = new float[4];
        for (int i = 0; i < 4; i++) {
            fade[i] = both[SEQ - 4 + i][0];
        }
        assertThat(fade).as("overlap rows fading from clip 0 to clip 1").containsExactly(0f, 0.25f, 0.5f, 0.75f);
        assertThat(both).as("rows after two clips").hasNumberOfRows(SEQ + 4);
        assertThat(first[SEQ - 1][0]).as("first sequence left untouched").isEqualTo(0f);
    }

    @Test
    void onlineClipCrossFadesOnlyOverTheFramesItAdds() {
        Audio2Motion a2m = Audio2Motion.online(countingSampler(), new float[DIM], settings(6, 1, null));

        float[][] first = a2m.addClip(null, new float[SEQ][1]);
        float[][] both = a2m.addClip(first, new float[SEQ][1]);

        float[] tail = new float[4];
        for (int i = 0; i < 4; i++) {
            tail[i] = both[SEQ - 4 + i][0];
        }
        assertThat(tail).as("rows 4..7: clip 0, then fading to clip 1 over 2 rows").containsExactly(0f, 0f, 0f, 0.5f);
        assertThat(both).as("rows after two clips").hasNumberOfRows(SEQ + 2);
    }

    @Test
    void kpCondContinuesFromTheRowBeforeTheOverlap() {
        Audio2Motion a2m = new Audio2Motion(countingSampler(), new float[DIM], settings(3, 1, null));

        float[][] motion = a2m.addClip(null, new float[SEQ][1]);

        assertThat(a2m.kpCond()).as("kp_cond after one clip").containsExactly(motion[SEQ - 3 - 1]);
    }

    @Test
    void resetRestoresSourceMotionExceptKeptColumns() {
        float[] source = new float[DIM];
        Arrays.fill(source, 9f);
        MotionSettings reset = new MotionSettings(3, 1, 1, new int[] {0, 2}, null);
        Audio2Motion a2m = new Audio2Motion(countingSampler(), source, reset);

        a2m.addClip(null, new float[SEQ][1]);

        float[] kp = a2m.kpCond();
        assertThat(new float[] {kp[0], kp[1], kp[2]}).as("kept columns then source").containsExactly(0f, 0f, 9f);
    }

    @Test
    void limitClipsEachColumnToItsRange() {
        float[][] range = {new float[DIM], new float[DIM]};
        Arrays.fill(range[0], -1f);
        Arrays.fill(range[1], 0.5f);
        Audio2Motion a2m = new Audio2Motion(countingSampler(), new float[DIM], settings(2, 1, range));

        float[][] motion = a2m.offline(new float[SEQ + 3][1]);

        assertThat(motion[motion.length - 1][0]).as("value of clip 1, limited").isEqualTo(0.5f);
    }

    @Test
    void rejectsOverlapOfAWholeClip() {
        assertThatThrownBy(() -> new Audio2Motion(countingSampler(), new float[DIM], settings(SEQ, 1, null)))
                .as("overlap = clip length").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedThreadStopsBeforeTheNextClip() {
        Audio2Motion a2m = new Audio2Motion(countingSampler(), new float[DIM], settings(2, 3, null));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> a2m.offline(new float[13][1])).as("motion on an interrupted thread")
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
