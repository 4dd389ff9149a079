package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ResizeRule;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import dittospark.media.SourceReader;
import dittospark.motion.Mirror;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Source frames read again in the orders a render asks for them, against a plain read from the start:
 * a video of 50 frames that all differ (a key frame every 12, B-frames), loaded at a smaller size, with
 * blocks of 7 frames.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceFramesTest {
    private static final int FRAMES = 50;
    private static final int MAX_SIZE = 80;
    private static final int BLOCK = 7;

    private Path video;
    private List<Image> plain;
    /** A budget whose quarter holds {@link #BLOCK} frames at the loading size. */
    private long budget;

    @BeforeAll
    void makeVideo(@TempDir Path dir) throws Exception {
        FfmpegCli.assumeInstalled();
        video = dir.resolve("counter.mp4");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-frames:v", Integer.toString(FRAMES),
                "-c:v", "libx264", "-x264-params", "keyint=12:min-keyint=12:bframes=3", "-pix_fmt", "yuv420p",
                video.toString());
        try (SourceReader reader = SourceReader.open(video, 0)) {
            plain = reader.readAll().stream().map(f -> ResizeRule.apply(f, MAX_SIZE)).toList();
        }
        budget = 4L * BLOCK * plain.get(0).rgb().length;
    }

    private SourceFrames open(int frameLimit) throws RenderException {
        return SourceFrames.open(video, frameLimit, MAX_SIZE, budget);
    }

    @Test
    void theVideoIsLongerThanABlockAndItsFramesAllDiffer() throws Exception {
        try (SourceFrames frames = open(0)) {
            assertThat(frames.blockFrames()).as("block of the budget").isEqualTo(BLOCK);
        }
        assertThat(plain.stream().map(f -> Arrays.hashCode(f.rgb())).distinct().count()).as("distinct frames")
                .isEqualTo(FRAMES);
    }

    @Test
    void framesArriveAtTheirLoadingSize() throws Exception {
        try (SourceFrames frames = open(0)) {
            assertThat(frames.width() + "x" + frames.height()).as("size of 160x120 at max_size 80").isEqualTo("80x60");
        }
    }

    @Test
    void mirroredPlaybackLoopingFourTimesMatchesTheReadFromTheStart() throws Exception {
        try (SourceFrames frames = open(0)) {
            for (int i = 0; i < 4 * FRAMES + 17; i++) {
                int k = Mirror.index(i, FRAMES);
                assertThat(frames.again(k).rgb()).as("output frame %d: source frame %d", i, k)
                        .isEqualTo(plain.get(k).rgb());
            }
        }
    }

    @Test
    void framesEitherSideOfEveryBlockBoundaryMatchTheReadFromTheStart() throws Exception {
        try (SourceFrames frames = open(0)) {
            frames.again(FRAMES - 1);
            for (int edge = FRAMES - 1; edge > 0; edge -= BLOCK) {
                for (int k : new int[] {edge, edge - 1, edge + 1, edge}) {
                    if (k < FRAMES) {
                        assertThat(frames.again(k).rgb()).as("frame %d near the block edge %d", k, edge)
                                .isEqualTo(plain.get(k).rgb());
                    }
                }
            }
        }
    }

    @Test
    void aJumpForwardPastTheBlockMatchesTheReadFromTheStart() throws Exception {
        try (SourceFrames frames = open(0)) {
            frames.again(3);

            assertThat(frames.again(40).rgb()).as("frame 40 after frame 3").isEqualTo(plain.get(40).rgb());
        }
    }

    @Test
    void theFrameAfterTheLastIsEmpty() throws Exception {
        try (SourceFrames frames = open(0)) {
            assertThat(frames.frame(FRAMES)).as("frame %d of %d", FRAMES, FRAMES).isEmpty();
        }
    }

    @Test
    void aFrameLimitEndsTheFramesEarly() throws Exception {
        try (SourceFrames frames = open(20)) {
            frames.again(19);
            frames.again(2);

            assertThat(frames.frame(20)).as("frame 20 of template_n_frames 20").isEmpty();
        }
    }

    @Test
    void aSecondReaderReadsTheSameFramesIndependently() throws Exception {
        try (SourceFrames frames = open(0); SourceFrames another = frames.another()) {
            frames.again(45);

            assertThat(another.again(10).rgb()).as("frame 10 of the second reader").isEqualTo(plain.get(10).rgb());
            assertThat(frames.again(44).rgb()).as("frame 44 of the first").isEqualTo(plain.get(44).rgb());
        }
    }

    @Test
    void aPictureIsOneFrame() throws Exception {
        try (SourceFrames frames = SourceFrames.open(Samples.file("portrait.png"), 0, 256, budget * 100)) {
            Image first = frames.again(0);

            assertThat(frames.frame(1)).as("a second frame of a picture").isEmpty();
            assertThat(frames.again(0)).as("the picture asked for again").isSameAs(first);
        }
    }

    @Test
    void aFrameLargerThanTheBudgetIsTooLarge() {
        long frameBytes = plain.get(0).rgb().length;

        RenderException e = catchThrowableOfType(RenderException.class,
                () -> SourceFrames.open(video, 0, MAX_SIZE, frameBytes - 1));

        assertThat(e).as("failure of a frame one byte over the budget").isNotNull();
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(e.getMessage()).as("message").contains("80x60").contains("max_size");
    }

    @Test
    void aFrameWithinTheBudgetOpensWithABlockOfOne() throws Exception {
        long frameBytes = plain.get(0).rgb().length;

        try (SourceFrames frames = SourceFrames.open(video, 0, MAX_SIZE, frameBytes)) {
            frames.again(FRAMES - 1);

            assertThat(frames.blockFrames()).as("block of a budget of one frame").isEqualTo(1);
            assertThat(frames.again(FRAMES - 2).rgb()).as("frame 48 read back after 49 with a block of one")
                    .isEqualTo(plain.get(FRAMES - 2).rgb());
        }
    }
}
