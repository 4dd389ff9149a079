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
}
