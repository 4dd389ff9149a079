package dittospark.face;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EyeAttributesTest {
    private static final int[] LEFT_LIDS = {145, 159, 144, 160, 153, 158};
    private static final int[] RIGHT_LIDS = {374, 386, 373, 387, 380, 385};

    @Test
    void openessIsTheSumOfLidGapsOverEyeWidth() {
        float[] lmk = levelEyes();
        openLids(lmk, LEFT_LIDS, 0.40f, 0.02f);
        openLids(lmk, RIGHT_LIDS, 0.60f, 0.01f);

        float[] open = EyeAttributes.fromLandmarks(lmk).eyeOpen();

        assertThat(open[0]).as("left: three 0.02 gaps over width 0.1").isCloseTo(0.6f, within(1e-5f));
        assertThat(open[1]).as("right: three 0.01 gaps over width 0.1").isCloseTo(0.3f, within(1e-5f));
    }

    @Test
    void irisAtTheEyeCentreDoesNotMove() {
        float[] ball = EyeAttributes.fromLandmarks(levelEyes()).eyeBall();

        assertThat(ball).as("eye_ball").containsExactly(new float[6], within(1e-7f));
    }

    @Test
    void ballMoveIsInterleavedLeftRightPerAxis() {
        float[] lmk = levelEyes();
        // Left iris 0.01 above its centre; the left eye points along +x (inner 133 -> outer 33).
        set(lmk, 468, 0.40f, 0.49f, 0f);

        float[] ball = EyeAttributes.fromLandmarks(lmk).eyeBall();

        assertThat(ball).as("[Lx, Rx, Ly, Ry, Lz, Rz]")
                .containsExactly(new float[] {-0.01f, 0f, -0.01f, 0f, 0f, 0f}, within(1e-6f));
    }

    /** Both eyes level at y 0.5, 0.1 wide, lids closed, irises at the eye centres. */
    private static float[] levelEyes() {
        float[] lmk = new float[FaceMeshCodec.NUM_LANDMARKS * 3];
        set(lmk, 33, 0.45f, 0.5f, 0f);
        set(lmk, 133, 0.35f, 0.5f, 0f);
        set(lmk, 263, 0.55f, 0.5f, 0f);
        set(lmk, 362, 0.65f, 0.5f, 0f);
        set(lmk, 468, 0.40f, 0.5f, 0f);
        set(lmk, 473, 0.60f, 0.5f, 0f);
        openLids(lmk, LEFT_LIDS, 0.40f, 0f);
        openLids(lmk, RIGHT_LIDS, 0.60f, 0f);
        return lmk;
    }

    private static void openLids(float[] lmk, int[] lids, float x, float gap) {
        for (int i = 0; i < lids.length; i += 2) {
            set(lmk, lids[i], x, 0.5f + gap / 2, 0f);
            set(lmk, lids[i + 1], x, 0.5f - gap / 2, 0f);
        }
    }

    private static void set(float[] lmk, int index, float x, float y, float z) {
        lmk[3 * index] = x;
        lmk[3 * index + 1] = y;
        lmk[3 * index + 2] = z;
    }
}
