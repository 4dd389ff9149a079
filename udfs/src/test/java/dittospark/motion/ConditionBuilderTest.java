package dittospark.motion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionBuilderTest {
    private static final ConditionParts ALL = new ConditionParts(true, true, true, true, false);
    private static final float[][] EYE_OPEN = {{0.1f, 0.2f}, {1.1f, 1.2f}, {2.1f, 2.2f}};
    private static final float[][] EYE_BALL = {new float[6], new float[6], new float[6]};
    private static final float[] SC = new float[63];

    static {
        SC[0] = 7f;
    }

    @Test
    void rowIsAudioThenEmotionEyesAndKeypoints() {
        ConditionBuilder b = new ConditionBuilder(ALL, Emotion.labels(2), EYE_OPEN, EYE_BALL, SC);

        float[] row = b.build(new float[][] {{5f, 6f}}, 1)[0];

        assertThat(row).as("row width").hasSize(ALL.width(2));
        assertThat(new float[] {row[0], row[1]}).as("audio part").containsExactly(5f, 6f);
        assertThat(row[2 + 2]).as("emotion weight of label 2").isEqualTo(Emotion.labels(2).at(0)[2]);
        assertThat(new float[] {row[10], row[11]}).as("eye_open of source frame 1").containsExactly(1.1f, 1.2f);
        assertThat(row[18]).as("first sc value").isEqualTo(7f);
    }

    @Test
    void eyesFollowTheMirroredSourceFrame() {
        ConditionBuilder b = new ConditionBuilder(ALL, Emotion.labels(Emotion.NEUTRAL), EYE_OPEN, EYE_BALL, SC);

        float[][] rows = b.build(new float[5][1], 2);

        // output frames 2..6 over 3 source frames play 2, 2, 1, 0, 0
        float[] eyeOpenLeft = new float[5];
        for (int i = 0; i < 5; i++) {
            eyeOpenLeft[i] = rows[i][1 + Emotion.LABELS];
        }
        assertThat(eyeOpenLeft).as("eye_open left per frame").containsExactly(2.1f, 2.1f, 1.1f, 0.1f, 0.1f);
    }

    @Test
    void firstFrameModeKeepsSourceFrameZero() {
        ConditionParts f0 = new ConditionParts(true, true, true, true, true);
        ConditionBuilder b = new ConditionBuilder(f0, Emotion.labels(Emotion.NEUTRAL), EYE_OPEN, EYE_BALL, SC);

        assertThat(b.build(new float[1][1], 4)[0][1 + Emotion.LABELS]).as("eye_open left at frame 4").isEqualTo(0.1f);
    }

    @Test
    void switchedOffPartsAreLeftOut() {
        ConditionParts audioOnly = new ConditionParts(false, false, false, false, false);
        ConditionBuilder b = new ConditionBuilder(audioOnly, null, null, null, null);

        assertThat(b.build(new float[][] {{1f, 2f, 3f}}, 0)[0]).as("audio-only row").containsExactly(1f, 2f, 3f);
    }
}
