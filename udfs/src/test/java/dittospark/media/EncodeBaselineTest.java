package dittospark.media;

import dittospark.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EncodeBaselineTest {
    @TempDir
    Path dir;

    @Test
    void reencodesEveryFrameAndReportsTimePerFrame() throws Exception {
        Path rendered = dir.resolve("rendered.mp4");
        try (SourceReader clip = SourceReader.open(Samples.file("portrait_clip_3s.mp4"), 30);
             Mp4Writer writer = Mp4Writer.open(rendered, 720, 720, DecodedAudio.silence(16_000, 1, 1.2))) {
            for (Image frame : clip.readAll()) {
                writer.write(frame);
            }
            writer.finish();
        }
        Path out = dir.resolve("baseline.mp4");

        double ms = EncodeBaseline.msPerFrame(rendered, out, Mp4Writer.Encoding.X264_DEFAULTS);

        assertThat(ms).as("milliseconds per frame").isPositive().isLessThan(10_000);
        assertThat(SourceProbe.probe(out).frames()).as("frames in the file").isEqualTo(30);
    }
}
