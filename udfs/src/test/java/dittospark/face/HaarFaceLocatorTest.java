package dittospark.face;

import dittospark.image.Image;
import dittospark.image.ImageOps;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HaarFaceLocatorTest {
    private static HaarFaceLocator locator;

    @BeforeAll
    static void load() {
        locator = new HaarFaceLocator();
    }

    @AfterAll
    static void release() {
        locator.close();
    }

    @Test
    void findsTheFaceInThePortrait() throws Exception {
        Image portrait = ImageOps.read(Samples.file("portrait.png"));

        Optional<FaceBox> face = locator.largestFace(portrait);

        assertThat(face).as("face found in the sample portrait").isPresent();
        FaceBox box = face.get();
        assertThat(box.x1()).as("left edge inside the picture").isGreaterThanOrEqualTo(0f);
        assertThat(box.y1()).as("top edge inside the picture").isGreaterThanOrEqualTo(0f);
        assertThat(box.x2()).as("right edge inside the picture").isLessThanOrEqualTo(portrait.width());
        assertThat(box.y2()).as("bottom edge inside the picture").isLessThanOrEqualTo(portrait.height());
        assertThat(box.width()).as("face width, a portrait's face is large").isGreaterThan(portrait.width() / 8f);
    }

    @Test
    void findsNoFaceInFlatGrey() {
        byte[] grey = new byte[640 * 480 * 3];
        Arrays.fill(grey, (byte) 128);

        assertThat(locator.largestFace(new Image(640, 480, grey))).as("face in a flat grey picture").isEmpty();
    }
}
