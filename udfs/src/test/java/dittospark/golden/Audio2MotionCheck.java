package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.Audio2Motion;
import dittospark.motion.DdimSampler;
import dittospark.motion.DdimSchedule;
import dittospark.motion.LegacyRandom;
import dittospark.motion.Lmdm;
import dittospark.motion.MotionSettings;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audio2motion.json}: clip fusion, smoothing, kp_cond updates and the final motion, within 1e-5
 * relative. The LMDM is scripted: with one sampling step the clip's motion is the model's x_start, so
 * call k answers preds[k] and records the kp_cond it was given. Offline cases run the offline loop; an
 * online case fuses one clip per prediction as the streaming pipeline does and compares the whole
 * sequence.
 *
 * <p>The stored preds[0] is not what the reference's LMDM returned: the generator's scripted model handed
 * out views of its array, and the reference smooths the first clip and later cross-fades it with clip 2
 * in place, writing through them. The check undoes both (un-fades with preds[1], then solves the moving
 * mean) to recover the first prediction; the file's kp_cond and final motion then match the reference.
 */
public final class Audio2MotionCheck implements GoldenCheck {
    private static final String FILE = "audio2motion.json";
    private static final String[] MOTION_KEYS = {"scale", "pitch", "yaw", "roll", "t", "exp"};
    private static final Pattern RANGE = Pattern.compile("clip\\[([^,]+),([^\\]]+)]");
    private static final int COND_WIDTH = 3;

    @Override
    public Set<String> claims(Path goldenDir) {
        Set<String> files = new HashSet<>(Set.of(FILE));
        for (JsonNode c : GoldenFiles.json(FILE).get("cases")) {
            files.addAll(List.of(c.get("preds").asText(), c.get("kp_cond_per_call").asText(), c.get("final_res").asText()));
        }
        return files;
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return StreamSupport.stream(GoldenFiles.json(FILE).get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        JsonNode setup = c.get("setup");
        Npy preds = GoldenFiles.npy(c.get("preds").asText());
        int seqFrames = preds.shape()[1];
        int motionDim = preds.shape()[2];
        float[][] range = valueRange(setup, motionDim);
        MotionSettings settings = new MotionSettings(setup.get("overlap_v2").asInt(), setup.get("smo_k_d").asInt(),
                setup.get("fix_kp_cond").asInt(), setup.has("fix_kp_cond_dim") ? intPair(setup.get("fix_kp_cond_dim")) : null,
                range);
        float[][][] answers = new float[preds.shape()[0]][][];
        for (int k = 0; k < answers.length; k++) {
            answers[k] = GoldenRows.slab(preds, k);
        }
        boolean online = setup.path("online_mode").asBoolean(false);
        int overlap = settings.overlap();
        int fuse = online ? Math.min(overlap, seqFrames - overlap) : overlap;
        answers[0] = FirstClipRecovery.firstPrediction(answers, settings, fuse);
        List<float[]> kpConds = new ArrayList<>();
        Lmdm replay = (x, condFrame, cond, time) -> {
            assertThat(cond).as("clip conditions").hasSize(seqFrames * COND_WIDTH);
            kpConds.add(condFrame.clone());
            return new Lmdm.Prediction(x, GoldenRows.concat(answers[kpConds.size() - 1]));
        };
        DdimSampler sampler = new DdimSampler(replay, new DdimSchedule(1), new LegacyRandom(0), seqFrames, motionDim);
        float[] source = motionVector(c.get("x_s_info"));

        float[][] expected = GoldenRows.slab(GoldenFiles.npy(c.get("final_res").asText()), 0);
        float[][] motion;
        Audio2Motion a2m;
        if (online) {
            a2m = Audio2Motion.online(sampler, source, settings);
            motion = null;
            for (int k = 0; k < answers.length; k++) {
                motion = a2m.addClip(motion, new float[seqFrames][COND_WIDTH]);
            }
            GoldenFiles.assertClose("sequence after the last clip", GoldenRows.flat(motion), GoldenRows.flat(expected));
            motion = a2m.limit(motion);
        } else {
            a2m = new Audio2Motion(sampler, source, settings);
            motion = a2m.offline(new float[c.get("num_frames").asInt()][COND_WIDTH]);
            // the value range itself is checked against the reference's converted first and last frames below
            GoldenFiles.assertClose("final motion, limited to the value range", GoldenRows.flat(motion),
                    GoldenRows.flat(a2m.limit(expected)));
        }

        Npy kpExpected = GoldenFiles.npy(c.get("kp_cond_per_call").asText());
        assertThat(kpConds).as("LMDM calls").hasSize(kpExpected.shape()[0]);
        GoldenFiles.assertClose("kp_cond per call", GoldenRows.flat(kpConds.toArray(float[][]::new)), kpExpected.data());
        GoldenFiles.assertClose("first frame as motion dict", asDict(motion[0]), dictVector(c.get("x_d_first")));
        GoldenFiles.assertClose("last frame as motion dict", asDict(motion[motion.length - 1]), dictVector(c.get("x_d_last")));
    }

    /** The golden spells a constant range as "clip[lo,hi]". */
    private static float[][] valueRange(JsonNode setup, int motionDim) {
        if (!setup.has("v_min_max_for_clip")) {
            return null;
        }
        Matcher m = RANGE.matcher(setup.get("v_min_max_for_clip").asText());
        assertThat(m.matches()).as("value range spelling " + setup.get("v_min_max_for_clip")).isTrue();
        float[][] range = new float[2][motionDim];
        Arrays.fill(range[0], Float.parseFloat(m.group(1)));
        Arrays.fill(range[1], Float.parseFloat(m.group(2)));
        return range;
    }

    private static int[] intPair(JsonNode pair) {
        return new int[] {pair.get(0).asInt(), pair.get(1).asInt()};
    }

    /** x_s_info as the reference's motion vector: scale-1, then the other keys; kp left out. */
    private static float[] motionVector(JsonNode info) {
        float[] v = dictValues(info);
        v[0] -= 1f;
        return v;
    }

    /** A motion row in dict form (scale + 1), for comparison with the reference's converted frames. */
    private static double[] asDict(float[] row) {
        float[] v = row.clone();
        v[0] += 1f;
        return GoldenFiles.toDouble(v);
    }

    private static double[] dictVector(JsonNode dict) {
        return GoldenFiles.toDouble(dictValues(dict));
    }

    private static float[] dictValues(JsonNode dict) {
        List<float[]> parts = new ArrayList<>();
        for (String k : MOTION_KEYS) {
            parts.add(GoldenRows.floats(dict.get(k)));
        }
        return GoldenRows.concat(parts.toArray(float[][]::new));
    }
}
