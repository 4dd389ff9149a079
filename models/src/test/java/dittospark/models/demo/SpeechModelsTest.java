package dittospark.models.demo;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

class SpeechModelsTest {
    private static final int WIDTH = 1024;
    private static final int FRAMES = 80;
    private static final int MOTION = 265;
    private static final int COND = 1103;
    /** t starts after scale-1 and three 66-bin angles, exp after t; lips 6..20 own 3 values each. */
    private static final int T = 1 + 3 * 66;
    private static final int EXP = T + 3;
    private static final int[] UPPER_LIP_Y = {EXP + 3 * 6 + 1, EXP + 3 * 12 + 1, EXP + 3 * 14 + 1};
    private static final int[] LOWER_LIP_Y = {EXP + 3 * 17 + 1, EXP + 3 * 19 + 1, EXP + 3 * 20 + 1};

    @ParameterizedTest
    @ValueSource(ints = {400, 719, 720, 6480, 16000, 23999})
    void hubertGivesOneFramePerHopOfTheWindow(int length) throws OrtException {
        float[] features = hubert(sine(length, 0.1f));

        assertThat(features.length).as("output values for L = %d", length).isEqualTo(((length - 400) / 320 + 1) * WIDTH);
    }

    @Test
    void hubertLoudnessRisesWithAmplitude() throws OrtException {
        float quiet = hubert(sine(6480, 0.02f))[5 * WIDTH];
        float loud = hubert(sine(6480, 0.2f))[5 * WIDTH];
        float[] silence = hubert(new float[6480]);

        assertThat(silence).as("silence").containsOnly(0f);
        assertThat(quiet).as("quiet sine RMS").isCloseTo(0.02f / (float) Math.sqrt(2), within(1e-3f));
        assertThat(loud).as("loud sine RMS").isCloseTo(0.2f / (float) Math.sqrt(2), within(1e-2f));
        assertThat(hubert(sine(6480, 0.2f))).as("one frame's channels").startsWith(loud, loud, loud);
    }

    @Test
    void lmdmOpensTheMouthWithTheLoudnessChannel() throws OrtException {
        float[] loudness = new float[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            loudness[f] = f * 0.004f;
        }
        float[] condFrame = new float[MOTION];
        for (int i = 0; i < MOTION; i++) {
            condFrame[i] = 0.01f * (i % 7);
        }

        float[] xStart = lmdm(new float[FRAMES * MOTION], condFrame, cond(loudness), 999).get(1);

        assertThat(xStart[UPPER_LIP_Y[1]]).as("upper lip at silence").isZero();
        assertThat(xStart[LOWER_LIP_Y[1]]).as("lower lip at silence").isZero();
        for (int f = 1; f < FRAMES; f++) {
            for (int i = 0; i < 3; i++) {
                assertThat(xStart[f * MOTION + LOWER_LIP_Y[i]]).as("lower lip %d, frame %d", i, f)
                        .isGreaterThanOrEqualTo(xStart[(f - 1) * MOTION + LOWER_LIP_Y[i]]);
                assertThat(xStart[f * MOTION + UPPER_LIP_Y[i]]).as("upper lip %d, frame %d", i, f)
                        .isLessThanOrEqualTo(xStart[(f - 1) * MOTION + UPPER_LIP_Y[i]]);
            }
        }
        assertThat(xStart[(FRAMES - 1) * MOTION + LOWER_LIP_Y[1]]).as("lower lip when loud").isGreaterThan(0.03f);
        assertThat(xStart[(FRAMES - 1) * MOTION + 7]).as("a pose value follows cond_frame").isEqualTo(condFrame[7]);
    }

    @Test
    void lmdmNoiseAndStartRecomposeItsInput() throws OrtException {
        Random random = new Random(3);
        float[] x = gaussian(random, FRAMES * MOTION);
        float[] alphas = CosineSchedule.alphasCumprod();
        for (int t : new int[] {0, 500, 999}) {
            List<float[]> out = lmdm(x, new float[MOTION], cond(new float[FRAMES]), t);
            float a = alphas[t];
            for (int i = 0; i < x.length; i += 97) {
                float recomposed = (float) (Math.sqrt(a) * out.get(1)[i] + Math.sqrt(1 - a) * out.get(0)[i]);
                assertThat(recomposed).as("sqrt(a) x_start + sqrt(1-a) pred_noise at t %d, value %d", t, i)
                        .isCloseTo(x[i], within(2e-3f));
            }
        }
    }

    @Test
    void ddimLandsOnXStart() throws OrtException {
        Random random = new Random(4);
        float[] alphas = CosineSchedule.alphasCumprod();
        int[] times = {999, 799, 599, 399, 199, 0};
        float[] loudness = new float[FRAMES];
        Arrays.fill(loudness, 0.1f);
        float[] x = gaussian(random, FRAMES * MOTION);
        float[] xStart = null;
        float[] lastInput = null;
        for (int s = 0; s < times.length; s++) {
            lastInput = x.clone();
            List<float[]> out = lmdm(x, new float[MOTION], cond(loudness), times[s]);
            xStart = out.get(1);
            if (s + 1 < times.length) {
                float a = alphas[times[s]];
                float next = alphas[times[s + 1]];
                double sigma = Math.sqrt((1 - a / next) * (1 - next) / (1 - a));
                double c = Math.sqrt(Math.max(1 - next - sigma * sigma, 0));
                float[] noise = gaussian(random, x.length);
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (xStart[i] * Math.sqrt(next) + c * out.get(0)[i] + sigma * noise[i]);
                }
            }
        }
        float[] direct = lmdm(new float[x.length], new float[MOTION], cond(loudness), 0).get(1);

        for (int i = 0; i < xStart.length; i++) {
            int column = i % MOTION;
            float sway = column >= T && column < EXP ? SpeechModels.SWAY * lastInput[i] : 0f;
            assertThat(xStart[i]).as("x_start[%d] after the last DDIM step: the loudness function plus the sway", i)
                    .isCloseTo(direct[i] + sway, within(1e-6f));
        }
        assertThat(xStart[LOWER_LIP_Y[1]]).as("lower lip opening for loudness 0.1")
                .isCloseTo((0.1f - SpeechModels.LOUDNESS_FLOOR) * SpeechModels.OPENING_GAIN, within(1e-6f));
    }

    @Test
    void scheduleMatchesTheGoldenAlphasCumprod() throws IOException {
        Path file = Path.of(System.getProperty("golden.dir", "../udfs/src/test/golden"), "ddim_schedule.json");
        assumeThat(Files.isRegularFile(file)).as("golden schedule present").isTrue();
        JsonNode golden = new ObjectMapper().readTree(file.toFile()).get("alphas_cumprod_float32");
        float[] alphas = CosineSchedule.alphasCumprod();

        assertThat(alphas).as("schedule length").hasSize(golden.size());
        for (int t = 0; t < alphas.length; t++) {
            assertThat(alphas[t]).as("alphas_cumprod[%d] (1e-5 relative)", t)
                    .isCloseTo((float) golden.get(t).asDouble(), within((float) Math.abs(golden.get(t).asDouble()) * 1e-5f));
        }
    }

    private static float[] hubert(float[] audio) throws OrtException {
        return DemoRuntime.run("hubert", Map.of("input_values", DemoRuntime.floats(audio, 1, audio.length))).get(0);
    }

    private static List<float[]> lmdm(float[] x, float[] condFrame, float[] cond, long t) throws OrtException {
        return DemoRuntime.run("lmdm_v0.4_hubert", Map.of(
                "x", DemoRuntime.floats(x, 1, FRAMES, MOTION),
                "cond_frame", DemoRuntime.floats(condFrame, 1, MOTION),
                "cond", DemoRuntime.floats(cond, 1, FRAMES, COND),
                "time_cond", DemoRuntime.longs(new long[] {t}, 1)));
    }

    /** A condition whose audio channels carry the given loudness per frame. */
    private static float[] cond(float[] loudness) {
        float[] cond = new float[FRAMES * COND];
        for (int f = 0; f < FRAMES; f++) {
            Arrays.fill(cond, f * COND, f * COND + WIDTH, loudness[f]);
        }
        return cond;
    }

    private static float[] sine(int length, float amplitude) {
        float[] s = new float[length];
        for (int i = 0; i < length; i++) {
            s[i] = amplitude * (float) Math.sin(2 * Math.PI * 200 * i / 16000.0);
        }
        return s;
    }

    private static float[] gaussian(Random random, int n) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) random.nextGaussian();
        }
        return g;
    }
}
