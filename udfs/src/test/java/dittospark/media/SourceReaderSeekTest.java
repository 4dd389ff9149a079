package dittospark.media;

import dittospark.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Seeking back to frames already read, checked against a plain read from the start of videos whose
 * frames all differ: with a key frame every 8 frames and B-frames, and with a single key frame.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceReaderSeekTest {
    private static final int FRAMES = 40;

    private Path shortGops;
    private Path oneGop;
    private List<Image> plain;

    @BeforeAll
    void makeVideos(@TempDir Path dir) throws Exception {
        FfmpegCli.assumeInstalled();
        shortGops = video(dir.resolve("gop8.mp4"), "keyint=8:min-keyint=8:bframes=3");
        oneGop = video(dir.resolve("gop1000.mp4"), "keyint=1000:bframes=3");
        try (SourceReader reader = SourceReader.open(shortGops, 0)) {
            plain = reader.readAll();
        }
    }

    private static Path video(Path file, String x264) {
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "testsrc=size=96x64:rate=25", "-frames:v", Integer.toString(FRAMES),
                "-c:v", "libx264", "-x264-params", x264, "-pix_fmt", "yuv420p", file.toString());
        return file;
    }

    @Test
    void everyFrameOfTheTestVideoDiffers() {
        Set<String> distinct = new HashSet<>();
        plain.forEach(frame -> distinct.add(Arrays.toString(frame.rgb())));
        assertThat(distinct).as("distinct frames among the %d read", plain.size()).hasSize(FRAMES);
    }

    @Test
    void seekingBackFromTheEndDeliversEachFrameAsReadFromTheStart() throws Exception {
        try (SourceReader reader = SourceReader.open(shortGops, 0)) {
            reader.readAll();
            for (int k = FRAMES - 1; k >= 0; k--) {
                reader.seek(k);
                assertThat(reader.next().orElseThrow().rgb()).as("frame %d after seeking back to it", k)
                        .isEqualTo(plain.get(k).rgb());
            }
        }
    }

    @Test
    void framesAfterASeekBackFollowInOrder() throws Exception {
        try (SourceReader reader = SourceReader.open(shortGops, 0)) {
            reader.readAll();
            reader.seek(13);
            List<Image> rest = reader.readAll();

            assertThat(rest).as("frames from 13 on").hasSize(FRAMES - 13);
            for (int k = 13; k < FRAMES; k++) {
                assertThat(rest.get(k - 13).rgb()).as("frame %d", k).isEqualTo(plain.get(k).rgb());
            }
        }
    }

    @Test
    void aVideoWithOneKeyFrameSeeksBackExactly() throws Exception {
        List<Image> again = new ArrayList<>();
        List<Image> once;
        try (SourceReader reader = SourceReader.open(oneGop, 0)) {
            once = reader.readAll();
            for (int k : new int[] {FRAMES - 1, 0, 21, 20, 5}) {
                reader.seek(k);
                again.add(reader.next().orElseThrow());
            }
        }

        assertThat(again).extracting(Image::rgb).as("frames 39, 0, 21, 20, 5 after seeks")
                .containsExactly(once.get(FRAMES - 1).rgb(), once.get(0).rgb(), once.get(21).rgb(),
                        once.get(20).rgb(), once.get(5).rgb());
    }

    @Test
    void seekingForwardSkipsToTheFrameNotYetRead() throws Exception {
        try (SourceReader reader = SourceReader.open(shortGops, 0)) {
            reader.seek(30);

            assertThat(reader.next().orElseThrow().rgb()).as("frame 30 without reading the ones before")
                    .isEqualTo(plain.get(30).rgb());
        }
    }

    @Test
    void theFrameLimitHoldsAfterASeek() throws Exception {
        try (SourceReader reader = SourceReader.open(shortGops, 10)) {
            reader.readAll();
            reader.seek(8);

            assertThat(reader.readAll()).as("frames 8 and 9 of the first 10").hasSize(2);
        }
    }

    @Test
    void aPictureDeliversItsFrameAgain() throws Exception {
        try (SourceReader reader = SourceReader.open(Samples.file("portrait.png"), 0)) {
            Image first = reader.next().orElseThrow();
            reader.seek(0);

            assertThat(reader.next()).as("the picture after seeking to 0").containsSame(first);
        }
    }

    @Test
    void aPictureHasNoSecondFrameToSeekTo() throws Exception {
        try (SourceReader reader = SourceReader.open(Samples.file("portrait.png"), 0)) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> reader.seek(1)))
                    .as("seeking past a picture's one frame").isNotNull();
        }
    }
}
