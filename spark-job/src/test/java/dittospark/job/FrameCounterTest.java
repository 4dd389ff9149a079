package dittospark.job;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCounterTest {
    @Test
    void countsEveryFrameOfTheSampleClip() throws Exception {
        Path clip = Path.of(System.getProperty("samples.dir"), "portrait_clip_3s.mp4");

        assertThat(FrameCounter.count(clip)).as("frames of the 3 s clip at 25 fps").isEqualTo(75);
    }
}
