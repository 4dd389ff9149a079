package dittospark.face;

import dittospark.image.Image;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaceMeshCodecTest {
    private static final int N = FaceMeshCodec.INPUT_SIZE;

    @Test
    void preprocessGivesOneNhwcValuePerChannelInZeroToOne() {
        Image crop = CropExample.load();
        FaceRoi roi = new FaceRoi(270, 290, 280, 280, 0.3);

        float[] input = FaceMeshCodec.preprocess(crop, roi);

        assertThat(input).as("256x256x3 input").hasSize(N * N * 3);
        for (float v : input) {
            assertThat(v).as("normalised value").isBetween(0f, 1f);
        }
    }

    @Test
    void uprightRoiOverTheWholeCropSamplesEveryOtherPixel() {
        Image crop = CropExample.load();
        FaceRoi whole = new FaceRoi(crop.width() / 2.0, crop.height() / 2.0, crop.width(), crop.height(), 0);

        float[] input = FaceMeshCodec.preprocess(crop, whole);

        assertSamples(crop, input, (u, v) -> new int[] {2 * u, 2 * v});
    }

    @Test
    void quarterTurnRoiSamplesTheCropTurned() {
        Image crop = CropExample.load();
        FaceRoi turned = new FaceRoi(crop.width() / 2.0, crop.height() / 2.0, crop.width(), crop.height(), Math.PI / 2);

        float[] input = FaceMeshCodec.preprocess(crop, turned);

        // The ROI's x axis points down the crop: input (u, v) comes from crop (512 - 2v, 2u).
        assertSamples(crop, input, (u, v) -> new int[] {crop.width() - 2 * v, 2 * u});
    }

    @Test
    void projectionSendsInputPixelsBackWhereTheWarpTookThem() {
        FaceRoi turned = new FaceRoi(256, 256, 512, 512, Math.PI / 2);
        float[] mesh = new float[FaceMeshCodec.NUM_LANDMARKS * 3];
        mesh[0] = 10;
        mesh[1] = 100;
        mesh[2] = 8;

        double[] projected = FaceMeshCodec.projectLandmarks(mesh, turned);

        assertThat(projected[0]).as("x in the crop").isCloseTo(512 - 2 * 100, within(1e-9));
        assertThat(projected[1]).as("y in the crop").isCloseTo(2 * 10, within(1e-9));
        assertThat(projected[2]).as("z scaled like x").isCloseTo(16, within(1e-9));
    }

    @Test
    void landmarksAreProjectionsOverImageSize() {
        FaceRoi roi = new FaceRoi(300, 200, 400, 400, 0);
        float[] mesh = new float[FaceMeshCodec.NUM_LANDMARKS * 3];
        mesh[0] = 128;
        mesh[1] = 64;
        mesh[2] = 32;

        float[] lmk = FaceMeshCodec.landmarks(mesh, roi, 600, 400);

        assertThat(lmk[0]).as("x / width").isCloseTo(300f / 600, within(1e-6f));
        assertThat(lmk[1]).as("y / height").isCloseTo(100f / 400, within(1e-6f));
        assertThat(lmk[2]).as("z / width").isCloseTo(50f / 600, within(1e-6f));
    }

    private interface SourceOf {
        int[] at(int u, int v);
    }

    /** Every interior input pixel equals its source pixel within one grey level. */
    private static void assertSamples(Image crop, float[] input, SourceOf source) {
        for (int v = 1; v < N; v++) {
            for (int u = 1; u < N; u++) {
                int[] s = source.at(u, v);
                for (int c = 0; c < 3; c++) {
                    double grey = input[(v * N + u) * 3 + c] * 255.0;
                    assertThat(grey).as("input (%d,%d) channel %d from crop (%d,%d)", u, v, c, s[0], s[1])
                            .isCloseTo(crop.at(s[0], s[1], c), within(1.0 + 1e-4));
                }
            }
        }
    }
}
