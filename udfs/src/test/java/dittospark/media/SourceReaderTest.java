package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void portraitIsOneRgbFrame() throws Exception {
        try (SourceReader reader = SourceReader.open(Samples.file("portrait.png"), 0)) {
            List<Image> frames = reader.readAll();

            assertThat(reader.kind()).as("kind").isEqualTo(SourceKind.IMAGE);
            assertThat(frames).as("one frame").hasSize(1);
            assertThat(frames.get(0).width() + "x" + frames.get(0).height()).as("size").isEqualTo("1432x1432");
        }
    }

    @Test
    void sampleClipDeliversEveryFrame() throws Exception {
        try (SourceReader reader = SourceReader.open(Samples.file("portrait_clip_3s.mp4"), 0)) {
            List<Image> frames = reader.readAll();

            assertThat(reader.kind()).as("kind").isEqualTo(SourceKind.VIDEO);
            assertThat(frames).as("3 s at 25 fps").hasSize(75);
            assertThat(frames.get(74).width() + "x" + frames.get(74).height()).as("size").isEqualTo("720x720");
        }
    }

    @Test
    void frameLimitStopsEarly() throws Exception {
        try (SourceReader reader = SourceReader.open(Samples.file("portrait_clip_3s.mp4"), 10)) {
            assertThat(reader.readAll()).as("template_n_frames = 10").hasSize(10);
        }
    }

    @Test
    void videoFramesArriveAsRgb() throws Exception {
        FfmpegCli.assumeInstalled();
        Path red = dir.resolve("red.mp4");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=0xDC1E28:s=64x48:r=25:d=0.4", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", red.toString());

        try (SourceReader reader = SourceReader.open(red, 0)) {
            Image frame = reader.next().orElseThrow();

            assertThat(frame.at(32, 24, 0)).as("red of 0xDC1E28 within YUV rounding").isBetween(0xDC - 6, 0xDC + 6);
            assertThat(frame.at(32, 24, 1)).as("green of 0xDC1E28 within YUV rounding").isBetween(0x1E - 6, 0x1E + 6);
            assertThat(frame.at(32, 24, 2)).as("blue of 0xDC1E28 within YUV rounding").isBetween(0x28 - 6, 0x28 + 6);
        }
    }

    @Test
    void rotatedPhoneVideoIsTurnedUpright() throws Exception {
        FfmpegCli.assumeInstalled();
        Path plain = dir.resolve("plain.mp4");
        Path rotated = dir.resolve("rotated.mp4");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x48:r=25:d=0.2,drawbox=x=0:y=0:w=16:h=12:c=blue:t=fill",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", plain.toString());
        FfmpegCli.ffmpeg("-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.toString());

        try (SourceReader reader = SourceReader.open(rotated, 0)) {
            Image frame = reader.next().orElseThrow();

            assertThat(frame.width() + "x" + frame.height()).as("sides swapped").isEqualTo("48x64");
            assertThat(frame.at(2, 61, 2)).as("blue corner turned to the bottom left, as ffmpeg shows it")
                    .isGreaterThan(200);
            assertThat(frame.at(2, 2, 0)).as("top left is red").isGreaterThan(200);
        }
    }

    @Test
    void pngImageDecodesToItsPixels() throws Exception {
        Path png = dir.resolve("blue.dat");
        BufferedImage blue = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                blue.setRGB(x, y, 0x1020F0);
            }
        }
        ImageIO.write(blue, "png", png.toFile());

        try (SourceReader reader = SourceReader.open(png, 0)) {
            Image frame = reader.next().orElseThrow();

            assertThat(reader.kind()).as("a png without a picture file name").isEqualTo(SourceKind.IMAGE);
            assertThat(new int[]{frame.at(5, 5, 0), frame.at(5, 5, 1), frame.at(5, 5, 2)}).as("lossless R,G,B")
                    .containsExactly(0x10, 0x20, 0xF0);
        }
    }

    @Test
    void textNamedPngIsUnreadable() throws Exception {
        Path text = Files.writeString(dir.resolve("face.png"), "no pixels here\n".repeat(50));

        RenderException e = catchThrowableOfType(RenderException.class, () -> SourceReader.open(text, 0));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).as("message names the file").contains(text.toString());
    }

    @Test
    void truncatedJpegIsUnreadable() throws Exception {
        byte[] jpeg = Files.readAllBytes(Samples.file("portrait.png"));
        Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, 200));

        RenderException e = catchThrowableOfType(RenderException.class, () -> SourceReader.open(cut, 0));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
    }
}
