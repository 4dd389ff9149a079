package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.ConditionBuilder;
import dittospark.motion.ConditionParts;
import dittospark.motion.Emotion;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code condition_handler.json}: label rows and, per case and call, the condition columns after the
 * audio features (emo, eye_open, eye_ball, sc), within 1e-5 relative. The audio part is checked to be
 * copied through: its first column comes from the file, the rest is zero.
 */
public final class ConditionCheck extends SingleFileCheck {
    private static final String FILE = "condition_handler.json";
    /** All parts, eyes following the source frames: the released model's layout. */
    private static final ConditionParts RELEASE_PARTS = new ConditionParts(true, true, true, true, false);

    public ConditionCheck() {
        super(FILE);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode root = GoldenFiles.json(FILE);
        JsonNode avg = root.get("emo_avg");
        Stream<DynamicTest> labels = StreamSupport.stream(((Iterable<String>) avg::fieldNames).spliterator(), false)
                .map(k -> DynamicTest.dynamicTest("emotion label " + k, () -> GoldenFiles.assertClose("label " + k + " row",
                        GoldenFiles.toDouble(Emotion.labels(Integer.parseInt(k)).at(0)), GoldenFiles.flat(avg.get(k)))));
        DynamicTest pair = DynamicTest.dynamicTest("emotion labels [3, 4]", () -> GoldenFiles.assertClose("labels 3 and 4 row",
                GoldenFiles.toDouble(Emotion.labels(3, 4).at(0)), GoldenFiles.flat(root.get("emo_avg_list_3_4"))));
        Stream<DynamicTest> cases = StreamSupport.stream(root.get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        return Stream.concat(Stream.concat(labels, Stream.of(pair)), cases);
    }

    private static void check(JsonNode c) {
        ConditionBuilder builder = new ConditionBuilder(RELEASE_PARTS, Emotion.fromJson(c.get("emo")),
                perSourceFrame(c.get("eye_open_lst")), perSourceFrame(c.get("eye_ball_lst")), GoldenRows.floats(c.get("sc")));
        for (JsonNode call : c.get("calls")) {
            String what = "frame " + call.get("idx").asInt() + " +" + call.get("frame_num").asInt();
            float[] firstColumn = GoldenRows.floats(call.get("aud_first_col"));
            int audioDim = call.get("cond_shape").get(1).asInt() - RELEASE_PARTS.width(0);
            float[][] audio = new float[call.get("frame_num").asInt()][audioDim];
            for (int r = 0; r < audio.length; r++) {
                audio[r][0] = firstColumn[r];
            }

            float[][] cond = builder.build(audio, call.get("idx").asInt());

            JsonNode shape = call.get("cond_shape");
            assertThat(new int[] {cond.length, cond[0].length}).as(what + ": shape")
                    .containsExactly(shape.get(0).asInt(), shape.get(1).asInt());
            float[][] audioPart = Arrays.stream(cond).map(r -> Arrays.copyOf(r, audioDim)).toArray(float[][]::new);
            assertThat(audioPart).as(what + ": audio columns").isDeepEqualTo(audio);
            float[][] tail = Arrays.stream(cond).map(r -> Arrays.copyOfRange(r, audioDim, r.length)).toArray(float[][]::new);
            GoldenFiles.assertClose(what + ": condition tail", GoldenRows.flat(tail), GoldenFiles.flat(call.get("cond_tail_79")));
        }
    }

    /** The reference's per-source-frame list of [1, d] arrays as rows [n][d]. */
    private static float[][] perSourceFrame(JsonNode frames) {
        return StreamSupport.stream(frames.spliterator(), false).map(GoldenRows::floats).toArray(float[][]::new);
    }
}
