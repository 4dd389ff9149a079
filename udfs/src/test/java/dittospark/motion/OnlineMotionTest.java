package dittospark.motion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnlineMotionTest {
    private static final int SEQ = 8;
    private static final int DIM = 265;
    private static final ConditionParts AUDIO_ONLY = new ConditionParts(false, false, false, false, false);
    private static final ConditionBuilder FEATURES = new ConditionBuilder(AUDIO_ONLY, null, null, null, null);

    /**
     * A model whose clip k has value k + (the clip's first feature) everywhere, and which records each
     * clip's conditions.
     */
    private static final class Counting implements Lmdm {
        final List<float[]> conds = new ArrayList<>();

        @Override
        public Prediction predict(float[] x, float[] condFrame, float[] cond, int time) {
            float[] start = new float[x.length];
            Arrays.fill(start, conds.size() + cond[0]);
            conds.add(cond.clone());
            return new Prediction(start, start);
        }
    }

    private static Audio2Motion clips(Lmdm lmdm, int seq, int overlap, float[][] range) {
        DdimSampler sampler = new DdimSampler(lmdm, new DdimSchedule(1), new LegacyRandom(0), seq, DIM);
        return Audio2Motion.online(sampler, new float[DIM], new MotionSettings(overlap, 1, 0, null, range));
    }

    private static OnlineMotion stream(Lmdm lmdm, int overlap) {
        return new OnlineMotion(clips(lmdm, SEQ, overlap, null), FEATURES, frames(overlap, -overlap));
    }

    /** n one-value features, numbered from {@code first}. */
    private static float[][] frames(int n, int first) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new float[] {first + i};
        }
        return out;
    }

    private static float[][] firstColumnOf(List<float[]> rows) {
        return rows.stream().map(r -> new float[] {r[0]}).toArray(float[][]::new);
    }

    @Test
    void theFirstClipHandsOutNothingAndFixesD0() {
        Counting lmdm = new Counting();
        OnlineMotion motion = stream(lmdm, 5);

        float[][] rows = motion.push(frames(3, 0));

        assertThat(rows).as("rows after the first clip").isEmpty();
        assertThat(lmdm.conds).as("clips run").hasSize(1);
        assertThat(motion.d0()[0]).as("d0: the first clip's first row (clip 0 on lead-in feature -5)").isEqualTo(-5f);
    }

    @Test
    void aClipRunsOnceValidNewFramesAreBuffered() {
        Counting lmdm = new Counting();
        OnlineMotion motion = stream(lmdm, 5);

        motion.push(frames(2, 0));

        assertThat(lmdm.conds).as("clips run with 2 of 3 new frames").isEmpty();
    }

    @Test
    void laterClipsHandOutTheRowsTheyCrossFaded() {
        OnlineMotion motion = stream(new Counting(), 5);
        motion.push(frames(3, 0));

        float[][] rows = motion.push(frames(3, 3));

        // clip 0 is -5 (its first feature), clip 1 is 1 - 2; its 3 rows fade from clip 0 to clip 1
        float third = 1f / 3;
        float twoThirds = 2f / 3;
        assertThat(firstColumnOf(Arrays.asList(rows))).as("rows of clip 1").isDeepEqualTo(new float[][] {
            {-5f}, {-5f * (1 - third) + -1f * third}, {-5f * (1 - twoThirds) + -1f * twoThirds}});
    }

    @Test
    void clipsAreConditionedFromTheLeadIn() {
        Counting lmdm = new Counting();
        OnlineMotion motion = stream(lmdm, 5);

        motion.push(frames(6, 0));

        assertThat(lmdm.conds.get(0)).as("clip 0: the lead-in, then the first 3 frames")
                .containsExactly(-5f, -4f, -3f, -2f, -1f, 0f, 1f, 2f);
        assertThat(lmdm.conds.get(1)[0]).as("clip 1 starts 3 frames later").isEqualTo(-2f);
        assertThat(lmdm.conds.get(1)[SEQ - 1]).as("clip 1's last frame").isEqualTo(5f);
    }

    @Test
    void theLastClipIsPaddedWithItsLastFeature() {
        Counting lmdm = new Counting();
        OnlineMotion motion = stream(lmdm, 5);
        motion.push(frames(4, 0));

        motion.finish();

        float[] last = lmdm.conds.get(lmdm.conds.size() - 1);
        assertThat(Arrays.copyOfRange(last, 4, SEQ)).as("the last clip's tail").containsExactly(2f, 3f, 3f, 3f);
    }

    @Test
    void aStreamThatFitsInTheFirstClipSaysWhyItHandsOutNoRow() {
        OnlineMotion motion = stream(new Counting(), 5);
        motion.push(frames(2, 0));

        assertThat(motion.finish()).as("rows of a stream of two features, one fewer than a clip's new frames")
                .isEmpty();
        assertThat(motion.noRowsReason(2)).as("reason").contains("overlap_v2 = 5").contains("of 2 feature frames")
                .contains("at least 3");
    }

    @Test
    void conditionsNumberTheLeadInBelowZero() {
        float[][] eyeOpen = new float[20][];
        for (int i = 0; i < eyeOpen.length; i++) {
            eyeOpen[i] = new float[] {i, 0};
        }
        ConditionBuilder eyes = new ConditionBuilder(new ConditionParts(false, true, false, false, false), null, eyeOpen,
                null, null);
        Counting lmdm = new Counting();
        OnlineMotion motion = new OnlineMotion(clips(lmdm, SEQ, 5, null), eyes, frames(5, -5));

        motion.push(frames(6, 0));

        float[] clip1 = lmdm.conds.get(1);
        float[] eyeOfRow = new float[SEQ];
        for (int r = 0; r < SEQ; r++) {
            eyeOfRow[r] = clip1[r * 3 + 1];
        }
        assertThat(eyeOfRow).as("clip 1: frames -2 .. 5, the lead-in on source frame 0")
                .containsExactly(0f, 0f, 0f, 1f, 2f, 3f, 4f, 5f);
    }

    @Test
    void handedOutRowsAndD0AreLimitedToTheValueRange() {
        float[][] range = {new float[DIM], new float[DIM]};
        Arrays.fill(range[0], -0.5f);
        Arrays.fill(range[1], 0.5f);
        OnlineMotion motion = new OnlineMotion(clips(new Counting(), SEQ, 5, range), FEATURES, frames(5, -5));

        motion.push(frames(3, 0));
        float[][] rows = motion.push(frames(3, 3));

        assertThat(motion.d0()[0]).as("d0 limited").isEqualTo(-0.5f);
        assertThat(rows[2][0]).as("a handed-out row limited").isEqualTo(-0.5f);
    }

    @ParameterizedTest(name = "{0} features, overlap {1}")
    @CsvSource({"5, 70", "10, 70", "40, 70", "105, 70", "110, 70", "45, 10", "105, 10", "105, 40", "120, 79", "3, 1"})
    void frameCountMatchesTheRowsHandedOut(int features, int overlap) {
        OnlineMotion motion = new OnlineMotion(clips(new Counting(), 80, overlap, null), FEATURES, frames(overlap, -overlap));

        int rows = motion.push(frames(features, 0)).length + motion.finish().length;

        assertThat(motion.frameCount(features)).as("rows counted ahead").isEqualTo(rows);
    }

    @Test
    void theReferenceOverlapHandsOutFiveOrTenFramesMore() {
        OnlineMotion motion = new OnlineMotion(clips(new Counting(), 80, 70, null), FEATURES, frames(70, -70));

        assertThat(new int[] {motion.frameCount(105), motion.frameCount(110)}).as("rows for 105 and 110 features")
                .containsExactly(110, 120);
    }

    @Test
    void rowsDoNotDependOnHowTheFeaturesArrive() {
        float[][] features = frames(40, 0);
        OnlineMotion whole = stream(new Counting(), 5);
        List<float[]> expected = new ArrayList<>(Arrays.asList(whole.push(features)));
        expected.addAll(Arrays.asList(whole.finish()));

        OnlineMotion single = stream(new Counting(), 5);
        List<float[]> actual = new ArrayList<>();
        for (float[] f : features) {
            actual.addAll(Arrays.asList(single.push(new float[][] {f})));
        }
        actual.addAll(Arrays.asList(single.finish()));

        assertThat(actual.toArray(float[][]::new)).as("rows from one feature at a time")
                .isDeepEqualTo(expected.toArray(float[][]::new));
    }

    @Test
    void rejectsALeadInThatIsNotTheOverlap() {
        assertThatThrownBy(() -> new OnlineMotion(clips(new Counting(), SEQ, 5, null), FEATURES, frames(6, -6)))
                .as("6 lead-in frames for an overlap of 5").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPushAfterFinish() {
        OnlineMotion motion = stream(new Counting(), 5);
        motion.finish();

        assertThatThrownBy(() -> motion.push(frames(1, 0))).as("push after finish")
                .isInstanceOf(IllegalStateException.class);
    }
}
