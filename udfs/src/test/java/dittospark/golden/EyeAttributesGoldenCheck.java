package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.face.EyeAttributes;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code eye_attributes.json}: eye_open and the interleaved eye_ball move for each landmark set in
 * {@code lmk478}. Tolerance: 1e-5 relative (pure float32 arithmetic).
 */
public final class EyeAttributesGoldenCheck extends SingleFileCheck {
    private static final String FILE = "eye_attributes.json";

    public EyeAttributesGoldenCheck() {
        super(FILE);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode golden;
        try {
            golden = new ObjectMapper().readTree(goldenDir.resolve(FILE).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode landmarks = golden.get("lmk478");
        return IntStream.range(0, landmarks.size()).mapToObj(i -> DynamicTest.dynamicTest("landmark set " + i, () -> {
            EyeAttributes attrs = EyeAttributes.fromLandmarks(GoldenFiles.toFloat(GoldenFiles.flat(landmarks.get(i))));
            GoldenFiles.assertClose("eye_open of set " + i, GoldenFiles.toDouble(attrs.eyeOpen()),
                    GoldenFiles.flat(golden.get("LR_open").get(i)));
            GoldenFiles.assertClose("eye_ball of set " + i, GoldenFiles.toDouble(attrs.eyeBall()),
                    GoldenFiles.flat(golden.get("LR_ball_move").get(i)));
        }));
    }
}
