package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.audio.OnlineFeatures;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wav2feat_online.json}: the online audio windows (silence in front, a window every 5 frames,
 * the last one completed with silence), frame selection and pair averaging, within 1e-5 relative, with
 * the file's scripted encoder in place of HuBERT. The audio goes in pieces of {@link #PIECE} samples,
 * a size that divides neither the window nor its step.
 */
public final class OnlineFeaturesCheck implements GoldenCheck {
    private static final String FILE = "wav2feat_online.json";
    private static final int PIECE = 1000;

    @Override
    public Set<String> claims(Path goldenDir) {
        return GoldenFiles.withCaseFiles(FILE, "audio", "features");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return StreamSupport.stream(GoldenFiles.json(FILE).get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("len").asInt() + " samples", () -> check(c)));
    }

    /** All features of a stream, its samples pushed in pieces of {@link #PIECE}. */
    static float[][] stream(float[] audio) {
        OnlineFeatures online = new OnlineFeatures(OfflineFeaturesCheck.FAKE_ENCODER);
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < audio.length; from += PIECE) {
            out.addAll(Arrays.asList(online.push(audio, from, Math.min(PIECE, audio.length - from))));
        }
        out.addAll(Arrays.asList(online.finish()));
        return out.toArray(float[][]::new);
    }

    private static void check(JsonNode c) {
        float[] audio = GoldenFiles.npy(c.get("audio").asText()).floats();
        Npy expected = GoldenFiles.npy(c.get("features").asText());
        assertThat(audio).as("audio length").hasSize(c.get("len").asInt());

        float[][] features = stream(audio);

        assertThat(features.length).as("frame count").isEqualTo(expected.shape()[0])
                .isEqualTo(OnlineFeatures.frameCount(audio.length));
        GoldenFiles.assertClose("features", GoldenRows.flat(features), expected.data());
    }
}
