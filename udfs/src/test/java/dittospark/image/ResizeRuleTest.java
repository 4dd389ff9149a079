package dittospark.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResizeRuleTest {
    @Test
    void keepsThePictureItselfWhenNothingChanges() {
        Image even = new Image(640, 480, new byte[640 * 480 * 3]);

        assertThat(ResizeRule.apply(even, ResizeRule.DEFAULT_MAX_SIZE)).as("picture already within the rule")
                .isSameAs(even);
    }

    @Test
    void resizesToTheRuleSize() {
        Image big = new Image(1281, 721, new byte[1281 * 721 * 3]);

        Image out = ResizeRule.apply(big, 640);

        assertThat(new int[] {out.width(), out.height()}).as("640-bounded, even size").containsExactly(640, 360);
    }

    @Test
    void noBoundStillFloorsToEven() {
        assertThat(ResizeRule.fit(1921, 1081, 0)).as("odd size with max_size 0")
                .isEqualTo(new ResizeRule.Size(1920, 1080, true));
    }

    @Test
    void aSquareSourceAboveLevel51ShrinksToItsFrameLimit() {
        ResizeRule.Size size = ResizeRule.fit(8000, 8000, 16384);

        assertThat((long) ((size.width() + 15) / 16) * ((size.height() + 15) / 16)).as("macroblocks of " + size)
                .isLessThanOrEqualTo(ResizeRule.MAX_MACROBLOCKS).isGreaterThan(ResizeRule.MAX_MACROBLOCKS * 95L / 100);
        assertThat(size.width()).as("width of a square source").isEqualTo(size.height());
    }

    @Test
    void aWideSourceStaysWithinTheLevelsSideLimit() {
        ResizeRule.Size size = ResizeRule.fit(16000, 1000, 16384);

        assertThat(size.width()).as("width of " + size).isLessThanOrEqualTo(ResizeRule.MAX_SIDE);
        assertThat((double) size.width() / size.height()).as("aspect ratio").isCloseTo(16.0, org.assertj.core.api.Assertions.within(0.1));
    }

    @Test
    void a4kSourceWithinTheLevelKeepsItsSize() {
        assertThat(ResizeRule.fit(4096, 2304, 0)).as("4096x2304 with max_size 0")
                .isEqualTo(new ResizeRule.Size(4096, 2304, false));
    }
}
