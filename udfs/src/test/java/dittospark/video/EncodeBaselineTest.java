package dittospark.video;

import dittospark.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EncodeBaselineTest {
    @TempDir
    Path dir;

    @Test
    void encodesEveryCopyAndReportsTimePerFrame() throws Exception {
        Path out = dir.resolve("baseline.mp4");

        double ms = EncodeBaseline.msPerFrame(out, Image.blank(128, 96), 20);

        assertThat(ms).as("milliseconds per frame").isPositive().isLessThan(10_000);
        assertThat(SourceProbe.probe(out).frames()).as("frames in the file").isEqualTo(20);
    }
}
