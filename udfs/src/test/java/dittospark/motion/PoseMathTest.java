package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoseMathTest {

    @Test
    void uniformBinsGiveTheMiddleAngle() {
        assertThat(PoseMath.degrees(new float[PoseMath.BINS])).as("degrees of equal logits")
                .isCloseTo(0f, within(1e-4f));
    }

    @Test
    void oneDominantBinGivesItsAngle() {
        float[] bins = new float[PoseMath.BINS];
        bins[40] = 100f;

        assertThat(PoseMath.degrees(bins)).as("degrees with bin 40 dominant").isCloseTo(40 * 3 - 97.5f, within(1e-3f));
    }

    @Test
    void zeroAnglesGiveIdentityRotation() {
        assertThat(PoseMath.rotation(0f, 0f, 0f)).as("rotation at zero pose")
                .containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void float32ExpStaysWithinThreeUlpsOfTheTrueValue() {
        Random r = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            float x = -87f + 100f * r.nextFloat();
            float expected = (float) Math.exp(x);
            assertThat(FloatOps.exp(x)).as("exp(" + x + ")").isCloseTo(expected, within(3 * Math.ulp(expected)));
        }
    }
}
