package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import dittospark.render.FaceMask;
import dittospark.render.PutBack;
import org.junit.jupiter.api.DynamicTest;

import java.nio.ByteBuffer;
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

    private static void checkPutBack(Path goldenDir) throws InterruptedException {
        JsonNode root = GoldenFiles.json(FILE);
        Npy render = GoldenFiles.npy(RENDER);
        assertThat(render.shape()).as("render shape").containsExactly(FaceMask.SIZE, FaceMask.SIZE, 3);
        Affine c2o = GoldenFiles.affine(root.get("M_c2o")).toFloat32();
        Image frame = GoldenImages.read(goldenDir.resolve(FRAME));
        FrameBuffer out = new FrameBuffer(frame.width(), frame.height(), frame.width() * 3,
                ByteBuffer.allocate(frame.width() * frame.height() * 3));
        try (PutBack putBack = new PutBack(FaceMask.forMode("blend", 1))) {
            putBack.apply(frame, decoderOutput(render.floats()), c2o, out);
        }
        GoldenImages.assertNearlyEqual(RESULT, out.toImage(), GoldenImages.read(goldenDir.resolve(RESULT)));
    }

    /**
     * The decoder output (RGB planes, 0..1) that put back scales to the golden render (interleaved, 0..255):
     * v / 255, which scales back to v itself for most values and to within a float32 step of it for the rest.
     */
    private static float[] decoderOutput(float[] hwc) {
        int plane = hwc.length / 3;
        float[] chw = new float[hwc.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = hwc[p * 3 + c] / 255f;
            }
        }
        return chw;
    }
}
