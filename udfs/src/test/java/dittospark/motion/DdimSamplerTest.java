package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DdimSamplerTest {
    private static final int SEQ = 4;
    private static final int DIM = 3;
    private static final float PRED_NOISE = 0.5f;
    private static final float X_START = 2f;

    private final List<float[]> xs = new ArrayList<>();
    private final List<Integer> times = new ArrayList<>();
    private final Lmdm constant = (x, condFrame, cond, time) -> {
        xs.add(x.clone());
        times.add(time);
        float[] noise = new float[x.length];
        float[] start = new float[x.length];
        Arrays.fill(noise, PRED_NOISE);
        Arrays.fill(start, X_START);
        return new Lmdm.Prediction(noise, start);
    };

    @Test
    void setupNoiseComesFirstThenTheClipStart() {
        DdimSchedule schedule = new DdimSchedule(3);
        LegacyRandom expected = new LegacyRandom(11);
        float[][] noise = schedule.drawNoise(expected, SEQ * DIM);
        float[] start = expected.randn(SEQ * DIM);

        new DdimSampler(constant, schedule, new LegacyRandom(11), SEQ, DIM).sample(new float[DIM], new float[SEQ][2]);

        assertThat(noise).as("one noise array per renoising pair").hasNumberOfRows(2);
        assertThat(xs.get(0)).as("x of the first call").containsExactly(start);
    }

    @Test
    void renoisesBetweenCallsAndEndsWithXStart() {
        DdimSchedule schedule = new DdimSchedule(2);
        float[] noise = schedule.drawNoise(new LegacyRandom(5), SEQ * DIM)[0];

        float[][] motion = new DdimSampler(constant, schedule, new LegacyRandom(5), SEQ, DIM)
                .sample(new float[DIM], new float[SEQ][2]);

        assertThat(times).as("model times").containsExactly(schedule.time(0), schedule.time(1));
        float expected0 = X_START * schedule.alphaNextSqrt(0) + schedule.c(0) * PRED_NOISE + schedule.sigma(0) * noise[0];
        assertThat(xs.get(1)[0]).as("x of the second call").isEqualTo(expected0);
        assertThat(motion).as("clip motion").hasNumberOfRows(SEQ);
        assertThat(motion[SEQ - 1]).as("last row is x_start").containsExactly(X_START, X_START, X_START);
    }
}
