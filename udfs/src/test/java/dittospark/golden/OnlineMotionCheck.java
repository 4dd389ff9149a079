package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.audio.OfflineFeatures;
import dittospark.motion.Audio2Motion;
import dittospark.motion.ConditionBuilder;
import dittospark.motion.ConditionParts;
import dittospark.motion.DdimSampler;
import dittospark.motion.DdimSchedule;
import dittospark.motion.Emotion;
import dittospark.motion.LegacyRandom;
import dittospark.motion.Lmdm;
import dittospark.motion.MotionSettings;
import dittospark.motion.OnlineMotion;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audio2motion_online.json}: the streaming motion loop, from audio to the rows handed out after
 * each window's features, within 1e-5 relative. The encoder and the LMDM are the file's scripted ones;
 * each call's kp_cond and the sums of its condition rows pin down where a difference starts.
 */
public final class OnlineMotionCheck implements GoldenCheck {
    private static final String FILE = "audio2motion_online.json";
    private static final int SEQ_FRAMES = 80;
    private static final int MOTION_DIM = 265;
    private static final int WINDOW_FRAMES = 5;
    private static final double COND_SUM_REL = 1e-5;
    private static final double COND_SUM_ABS = 1e-4;

    @Override
    public Set<String> claims(Path goldenDir) {
        Set<String> files = new HashSet<>(Set.of(FILE));
        for (JsonNode c : GoldenFiles.json(FILE).get("cases")) {
            for (String key : List.of("audio", "rows", "kp_cond_per_call", "cond_sums_per_call")) {
                files.add(c.get(key).asText());
            }
        }
        return files;
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return StreamSupport.stream(GoldenFiles.json(FILE).get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
    }

    /** The file's LMDM; records each call's kp_cond and per-row condition sums. */
    private static final class ScriptedLmdm implements Lmdm {
        final List<float[]> kpConds = new ArrayList<>();
        final List<double[]> condSums = new ArrayList<>();

        @Override
        public Prediction predict(float[] x, float[] kpCond, float[] cond, int time) {
            int k = kpConds.size();
            int width = cond.length / SEQ_FRAMES;
            kpConds.add(kpCond.clone());
            double[] sums = new double[SEQ_FRAMES];
            float[] out = new float[SEQ_FRAMES * MOTION_DIM];
            for (int t = 0; t < SEQ_FRAMES; t++) {
                for (int i = 0; i < width; i++) {
                    sums[t] += cond[t * width + i];
                }
                for (int j = 0; j < MOTION_DIM; j++) {
                    long m = Math.floorMod(7919L * k + 104729L * t + 1299709L * j, 2001L) - 1000;
                    float base = (float) (m / 5000.0);
                    out[t * MOTION_DIM + j] = base + 0.25f * kpCond[j] + 0.01f * cond[t * width + j];
                }
            }
            condSums.add(sums);
            return new Prediction(x, out);
        }
    }

    private static void check(JsonNode c) {
        JsonNode setup = c.get("setup");
        JsonNode src = c.get("source");
        MotionSettings settings = new MotionSettings(setup.get("overlap_v2").asInt(), setup.get("smo_k_d").asInt(),
                setup.get("fix_kp_cond").asInt(),
                setup.has("fix_kp_cond_dim") ? new int[] {setup.get("fix_kp_cond_dim").get(0).asInt(),
                        setup.get("fix_kp_cond_dim").get(1).asInt()} : null,
                setup.has("v_min_max_for_clip") ? rows(setup.get("v_min_max_for_clip")) : null);
        ConditionParts parts = new ConditionParts(src.get("use_emo").asBoolean(), src.get("use_eye_open").asBoolean(),
                src.get("use_eye_ball").asBoolean(), src.get("use_sc").asBoolean(), src.get("eye_f0_mode").asBoolean());
        ConditionBuilder conditions = new ConditionBuilder(parts, Emotion.fromJson(src.get("emo")),
                rows(src.get("eye_open")), rows(src.get("eye_ball")), GoldenRows.floats(src.get("sc")));
        ScriptedLmdm lmdm = new ScriptedLmdm();
        DdimSampler sampler = new DdimSampler(lmdm, new DdimSchedule(1), new LegacyRandom(0), SEQ_FRAMES, MOTION_DIM);
        Audio2Motion clips = Audio2Motion.online(sampler, sourceMotion(c.get("x_s_info")), settings);
        float[][] leadIn = new OfflineFeatures(OfflineFeaturesCheck.FAKE_ENCODER)
                .extract(new float[settings.overlap() * OfflineFeatures.SAMPLES_PER_FRAME]);
        OnlineMotion motion = new OnlineMotion(clips, conditions, leadIn);

        float[][] features = OnlineFeaturesCheck.stream(GoldenFiles.npy(c.get("audio").asText()).floats());
        assertThat(features.length).as("feature frames").isEqualTo(c.get("feature_frames").asInt());
        List<Integer> bursts = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int from = 0; from < features.length; from += WINDOW_FRAMES) {
            float[][] burst = motion.push(Arrays.copyOfRange(features, from, from + WINDOW_FRAMES));
            bursts.add(burst.length);
            rows.addAll(Arrays.asList(burst));
        }
        float[][] last = motion.finish();
        bursts.add(last.length);
        rows.addAll(Arrays.asList(last));

        Npy kpExpected = GoldenFiles.npy(c.get("kp_cond_per_call").asText());
        assertThat(lmdm.kpConds).as("LMDM calls").hasSize(kpExpected.shape()[0]);
        GoldenFiles.assertClose("kp_cond per call", GoldenRows.flat(lmdm.kpConds.toArray(float[][]::new)),
                kpExpected.data());
        GoldenFiles.assertClose("condition row sums per call",
                lmdm.condSums.stream().flatMapToDouble(Arrays::stream).toArray(),
                GoldenFiles.npy(c.get("cond_sums_per_call").asText()).data(), COND_SUM_REL, COND_SUM_ABS);
        assertThat(bursts).as("rows handed out after each window, then at the end")
                .containsExactlyElementsOf(intList(c.get("bursts")));
        Npy expected = GoldenFiles.npy(c.get("rows").asText());
        GoldenFiles.assertClose("rows handed out, as motion dicts", asDicts(rows), expected.data());
        assertThat(motion.frameCount(features.length)).as("frames counted ahead").isEqualTo(rows.size());
        if (!c.get("d0").isNull()) {
            GoldenFiles.assertClose("d0 as motion dict", asDicts(List.of(motion.d0())),
                    GoldenFiles.flat(c.get("d0")));
        }
    }

    /** x_s_info as the reference's motion vector: scale-1, then the other keys. */
    private static float[] sourceMotion(JsonNode info) {
        List<float[]> parts = new ArrayList<>();
        for (String k : List.of("scale", "pitch", "yaw", "roll", "t", "exp")) {
            parts.add(GoldenRows.floats(info.get(k)));
        }
        float[] v = GoldenRows.concat(parts.toArray(float[][]::new));
        v[0] -= 1f;
        return v;
    }

    /** Motion rows in dict form (scale + 1), flattened. */
    private static double[] asDicts(List<float[]> rows) {
        double[] out = new double[rows.size() * MOTION_DIM];
        for (int r = 0; r < rows.size(); r++) {
            float[] v = rows.get(r).clone();
            v[0] += 1f;
            System.arraycopy(GoldenFiles.toDouble(v), 0, out, r * MOTION_DIM, MOTION_DIM);
        }
        return out;
    }

    private static float[][] rows(JsonNode array) {
        float[][] out = new float[array.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = GoldenRows.floats(array.get(r));
        }
        return out;
    }

    private static List<Integer> intList(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
