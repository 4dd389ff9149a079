package dittospark.motion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyRandomTest {
    /** First two MT19937 outputs for init_genrand(5489), from the generator's reference implementation. */
    private static final long MT_5489_FIRST = 3499211612L;
    private static final long MT_5489_SECOND = 581869302L;

    @Test
    void doublesCombineTwoMersenneTwisterOutputs() {
        double expected = ((MT_5489_FIRST >>> 5) * 67108864.0 + (MT_5489_SECOND >>> 6)) / 9007199254740992.0;

        assertThat(new LegacyRandom(5489).nextDouble()).as("random_sample after seed 5489").isEqualTo(expected);
    }

    @Test
    void sameSeedDrawsTheSameSequence() {
        assertThat(new LegacyRandom(7).randn(1000)).as("second run with seed 7").containsExactly(new LegacyRandom(7).randn(1000));
    }

    @Test
    void floatDrawsAreRoundedDoubleDraws() {
        LegacyRandom doubles = new LegacyRandom(3);
        float[] floats = new LegacyRandom(3).randn(5);

        for (float f : floats) {
            assertThat(f).as("float draw").isEqualTo((float) doubles.nextGaussian());
        }
    }

    @Test
    void rejectsSeedsOutsideThirtyTwoBits() {
        assertThatThrownBy(() -> new LegacyRandom(1L << 32)).as("seed 2^32").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LegacyRandom(-1)).as("seed -1").isInstanceOf(IllegalArgumentException.class);
    }
}
