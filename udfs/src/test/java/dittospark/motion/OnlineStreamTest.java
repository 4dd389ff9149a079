package dittospark.motion;

import dittospark.audio.OfflineFeatures;
import dittospark.audio.OnlineFeatures;
import dittospark.audio.SpeechEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Audio in, motion out: the rows of a stream do not depend on how its audio was cut into pieces. */
class OnlineStreamTest {
    private static final int SEQ = 80;
    private static final int DIM = 265;
    private static final int OVERLAP = 70;
    private static final int SAMPLES = 24000;

    /** Two channels per 50 Hz frame: the mean and the mean square of its 400 samples. */
    private static final SpeechEncoder MOMENTS = chunk -> {
        float[][] out = new float[(chunk.length - 400) / 320 + 1][2];
        for (int t = 0; t < out.length; t++) {
            for (int i = 0; i < 400; i++) {
                float v = chunk[t * 320 + i];
                out[t][0] += v / 400;
                out[t][1] += v * v / 400;
            }
        }
        return out;
    };

    /** Clip k: its conditions, spread over the motion values, plus k. */
    private static Lmdm followsConditions() {
        int[] calls = {0};
        return (x, condFrame, cond, time) -> {
            float[] start = new float[x.length];
            for (int i = 0; i < start.length; i++) {
                start[i] = cond[i % cond.length] + calls[0];
            }
            calls[0]++;
            return new Lmdm.Prediction(start, start);
        };
    }

    private static float[] speech() {
        float[] audio = new float[SAMPLES];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (float) (Math.sin(i * 0.05) * Math.sin(i * 0.0007));
        }
        return audio;
    }

    private static float[][] render(float[] audio, int piece) {
        DdimSampler sampler = new DdimSampler(followsConditions(), new DdimSchedule(1), new LegacyRandom(0), SEQ, DIM);
        Audio2Motion clips = Audio2Motion.online(sampler, new float[DIM], new MotionSettings(OVERLAP, 3, 1, null, null));
        ConditionBuilder conditions = new ConditionBuilder(new ConditionParts(true, false, false, false, false),
                Emotion.labels(Emotion.NEUTRAL), null, null, null);
        OnlineMotion motion = new OnlineMotion(clips, conditions,
                new OfflineFeatures(MOMENTS).extract(new float[OVERLAP * OfflineFeatures.SAMPLES_PER_FRAME]));
        OnlineFeatures features = new OnlineFeatures(MOMENTS);
        List<float[]> rows = new ArrayList<>();
        for (int from = 0; from < audio.length; from += piece) {
            rows.addAll(Arrays.asList(motion.push(features.push(audio, from, Math.min(piece, audio.length - from)))));
        }
        rows.addAll(Arrays.asList(motion.push(features.finish())));
        rows.addAll(Arrays.asList(motion.finish()));
        return rows.toArray(float[][]::new);
    }

    @ParameterizedTest(name = "pieces of {0} samples")
    @ValueSource(ints = {1, 100, 3200, 7000})
    void motionDoesNotDependOnHowTheAudioIsCut(int piece) {
        float[] audio = speech();
        float[][] whole = render(audio, audio.length);

        float[][] cut = render(audio, piece);

        assertThat(cut).as("motion of the audio in pieces").isDeepEqualTo(whole);
        assertThat(whole).as("rows of 45 feature frames: 5 more")
                .hasNumberOfRows(OnlineFeatures.frameCount(SAMPLES) + 5);
    }
}
