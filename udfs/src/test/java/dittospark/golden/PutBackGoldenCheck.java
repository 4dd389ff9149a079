package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.render.FaceMask;
import dittospark.render.PutBack;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static dittospark.golden.GoldenFiles.assertClose;
import static dittospark.golden.GoldenFiles.toDouble;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * mask_512.npy: the blend-mode mask (1e-5 relative, 1e-6 absolute); putback.json with
 * putback_frame.png, putback_render.npy and putback_result.png: the composited frame (1 grey level,
 * 99.9% exact).
 */
public final class PutBackGoldenCheck implements GoldenCheck {
    private static final String MASK = "mask_512.npy";
    private static final String FILE = "putback.json";
    private static final String FRAME = "putback_frame.png";
    private static final String RENDER = "putback_render.npy";
    private static final String RESULT = "putback_result.png";

    @Override
    public Set<String> claims(Path goldenDir) {
        return Set.of(MASK, FILE, FRAME, RENDER, RESULT);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return Stream.of(
                DynamicTest.dynamicTest("blend mask", PutBackGoldenCheck::checkMask),
                DynamicTest.dynamicTest("put back", () -> checkPutBack(goldenDir)));
    }

    private static void checkMask() {
        Npy expected = GoldenFiles.npy(MASK);
        FloatImage mask = FaceMask.forMode("blend", 1);
        assertThat(new int[] {mask.height(), mask.width()}).as("mask shape").isEqualTo(expected.shape());
        assertClose("mask", toDouble(mask.data()), expected.data());
    }

    private static void checkPutBack(Path goldenDir) {
        JsonNode root = GoldenFiles.json(FILE);
        Npy render = GoldenFiles.npy(RENDER);
        FloatImage renderImage = new FloatImage(render.shape()[1], render.shape()[0], render.shape()[2], render.floats());
        Affine c2o = GoldenFiles.affine(root.get("M_c2o")).toFloat32();
        PutBack putBack = new PutBack(FaceMask.forMode("blend", 1));
        GoldenImages.assertNearlyEqual(RESULT,
                putBack.apply(GoldenImages.read(goldenDir.resolve(FRAME)), renderImage, c2o),
                GoldenImages.read(goldenDir.resolve(RESULT)));
    }
}
