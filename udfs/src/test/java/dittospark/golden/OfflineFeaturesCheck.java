package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.audio.OfflineFeatures;
import dittospark.audio.SpeechEncoder;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wav2feat_offline.json}: offline chunking, frame selection and pair averaging, within 1e-5
 * relative, with the file's scripted encoder in place of HuBERT.
 */
public final class OfflineFeaturesCheck implements GoldenCheck {
    private static final String FILE = "wav2feat_offline.json";
    private static final int FEATURE_DIM = 1024;
    private static final int WINDOW = 400;
    private static final int HOP = 320;
    private static final double CHANNEL_STEP = 1e-4;

    /** The golden's fake encoder: frame t, channel c = mean(w) + c * 1e-4 * std(w), w the frame's window. */
    static final SpeechEncoder FAKE_ENCODER = chunk -> {
        float[][] out = new float[(chunk.length - WINDOW) / HOP + 1][FEATURE_DIM];
        for (int t = 0; t < out.length; t++) {
            double mean = 0;
            for (int i = 0; i < WINDOW; i++) {
                mean += chunk[t * HOP + i];
            }
            mean /= WINDOW;
            double var = 0;
            for (int i = 0; i < WINDOW; i++) {
                double d = chunk[t * HOP + i] - mean;
                var += d * d;
            }
            double std = Math.sqrt(var / WINDOW);
            for (int ch = 0; ch < FEATURE_DIM; ch++) {
                out[t][ch] = (float) (mean + ch * CHANNEL_STEP * std);
            }
        }
        return out;
    };

    @Override
    public Set<String> claims(Path goldenDir) {
        return GoldenFiles.withCaseFiles(FILE, "audio", "features");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return StreamSupport.stream(GoldenFiles.json(FILE).get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("len").asInt() + " samples", () -> check(c)));
    }

    private static void check(JsonNode c) {
        float[] audio = GoldenFiles.npy(c.get("audio").asText()).floats();
        Npy expected = GoldenFiles.npy(c.get("features").asText());
        assertThat(audio).as("audio length").hasSize(c.get("len").asInt());

        float[][] features = new OfflineFeatures(FAKE_ENCODER).extract(audio);

        assertThat(features.length).as("frame count").isEqualTo(expected.shape()[0]);
        GoldenFiles.assertClose("features", GoldenRows.flat(features), expected.data());
    }
}
