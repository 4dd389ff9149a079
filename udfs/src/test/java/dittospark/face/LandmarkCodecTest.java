package dittospark.face;

import dittospark.image.Affine;
import dittospark.image.Image;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LandmarkCodecTest {
    private static Image flat(int w, int h, int r, int g, int b) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return new Image(w, h, px);
    }

    @Test
    void landmark106InputIsRawBgrInsideTheBox() {
        FaceBox box = new FaceBox(100, 100, 200, 220);

        float[] blob = Landmark106Codec.preprocess(flat(400, 400, 10, 20, 30), box).blob();

        int centre = 96 * 192 + 96;
        int plane = 192 * 192;
        assertThat(new float[] {blob[centre], blob[plane + centre], blob[2 * plane + centre]})
                .as("B, G, R planes at the crop centre").containsExactly(30f, 20f, 10f);
    }

    @Test
    void landmark106ZeroOutputLandsOnTheBoxCentre() {
        FaceBox box = new FaceBox(100, 120, 300, 280);
        float[] output = new float[212];

        float[] lmk = Landmark106Codec.postprocess(output, Landmark106Codec.cropTransform(box));

        assertThat(lmk[0]).as("x of a point at the crop centre").isCloseTo(200f, within(1e-3f));
        assertThat(lmk[211]).as("y of the last point at the crop centre").isCloseTo(200f, within(1e-3f));
    }

    @Test
    void landmark106KeepsTheLast106Pairs() {
        FaceBox box = new FaceBox(0, 0, 128, 128);
        float[] output = new float[2 * 106 + 6];
        Arrays.fill(output, 0, 6, 0.5f);

        float[] lmk = Landmark106Codec.postprocess(output, Landmark106Codec.cropTransform(box));

        assertThat(lmk).as("landmark values").hasSize(212);
        assertThat(lmk[0]).as("x of the first kept pair (an output of 0)").isCloseTo(64f, within(1e-3f));
    }

    @Test
    void landmark203InputIsRgbOver255() {
        float[] pts = new float[406];
        for (int i = 0; i < 203; i++) {
            pts[2 * i] = 150 + (i % 20) * 5;
            pts[2 * i + 1] = 150 + (i / 20) * 10;
        }

        float[] blob = Landmark203Codec.preprocess(flat(400, 400, 51, 102, 255), pts).blob();

        int centre = 112 * 224 + 112;
        int plane = 224 * 224;
        assertThat(new float[] {blob[centre], blob[plane + centre], blob[2 * plane + centre]})
                .as("R, G, B planes at the crop centre").containsExactly(0.2f, 0.4f, 1f);
    }

    @Test
    void landmark203OutputIsScaledTo224AndMappedBack() {
        float[] output = new float[406];
        Arrays.fill(output, 0.5f);
        Affine c2o = Affine.of(2, 0, 10, 0, 2, 20);

        float[] lmk = Landmark203Codec.postprocess(output, c2o);

        assertThat(new float[] {lmk[0], lmk[1]}).as("crop point (112, 112) in the picture").containsExactly(234f, 244f);
    }
}
