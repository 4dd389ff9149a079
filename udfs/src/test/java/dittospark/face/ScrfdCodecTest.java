package dittospark.face;

import dittospark.image.Image;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScrfdCodecTest {
    private static final int PLANE = 512 * 512;

    private static float[][] emptyOutputs() {
        float[][] out = new float[9][];
        int[] strides = {8, 16, 32};
        for (int k = 0; k < 3; k++) {
            int n = (512 / strides[k]) * (512 / strides[k]) * 2;
            out[k] = new float[n];
            out[3 + k] = new float[4 * n];
            out[6 + k] = new float[10 * n];
        }
        return out;
    }

    /** Anchor {@code index} of stride 8 gets a score and a box of distances d (in stride units). */
    private static void face(float[][] out, int index, float score, float d) {
        out[0][index] = score;
        for (int j = 0; j < 4; j++) {
            out[3][4 * index + j] = d;
        }
    }

    @Test
    void detScaleIsTheLetterboxHeightOverThePictureHeight() {
        assertThat(ScrfdCodec.detScale(640, 480)).as("640x480").isEqualTo(384.0 / 480);
        assertThat(ScrfdCodec.detScale(480, 640)).as("480x640").isEqualTo(512.0 / 640);
    }

    @Test
    void preprocessPutsBlueFirstAndPadsBottomRight() {
        byte[] red = new byte[64 * 32 * 3];
        for (int i = 0; i < red.length; i += 3) {
            red[i] = (byte) 255;
        }

        float[] blob = ScrfdCodec.preprocess(new Image(64, 32, red)).blob();

        assertThat(blob).as("blob length").hasSize(3 * PLANE);
        assertThat(blob[2 * PLANE]).as("third plane (red) at the top-left").isEqualTo((255 - 127.5f) / 128f);
        assertThat(blob[0]).as("first plane (blue) at the top-left").isEqualTo(-127.5f / 128f);
        assertThat(blob[2 * PLANE + 511 * 512]).as("red plane in the padding below the letterbox")
                .isEqualTo(-127.5f / 128f);
    }

    @Test
    void decodesABoxAroundItsAnchorInPicturePixels() {
        float[][] out = emptyOutputs();
        int cell = 3 * 64 + 5;
        face(out, 2 * cell + 1, 0.9f, 2f);

        List<ScrfdCodec.Detection> found = ScrfdCodec.decode(out, 0.5);

        assertThat(found).as("detections").hasSize(1);
        FaceBox box = found.get(0).box();
        assertThat(new float[] {box.x1(), box.y1(), box.x2(), box.y2()}).as("box of anchor (40, 24), 16 px each way, / 0.5")
                .containsExactly(48f, 16f, 112f, 80f);
    }

    @Test
    void dropsScoresBelowOneHalf() {
        float[][] out = emptyOutputs();
        face(out, 10, 0.49f, 2f);

        assertThat(ScrfdCodec.decode(out, 1)).as("detections").isEmpty();
    }

    @Test
    void suppressesAnOverlappingWeakerBox() {
        float[][] out = emptyOutputs();
        face(out, 100, 0.9f, 3f);
        face(out, 101, 0.8f, 3f);
        face(out, 1000, 0.7f, 1f);

        List<ScrfdCodec.Detection> found = ScrfdCodec.decode(out, 1);

        assertThat(found).extracting(ScrfdCodec.Detection::score).as("scores kept, best first")
                .containsExactly(0.9f, 0.7f);
    }

    @Test
    void largestPicksTheBiggestArea() {
        float[][] out = emptyOutputs();
        face(out, 100, 0.9f, 1f);
        face(out, 1000, 0.6f, 3f);

        ScrfdCodec.Detection largest = ScrfdCodec.largest(ScrfdCodec.decode(out, 1)).orElseThrow();

        assertThat(largest.box().width()).as("width of the largest box").isCloseTo(48f, within(1e-4f));
    }
}
