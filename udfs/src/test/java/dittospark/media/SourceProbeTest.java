package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.video.SourceInfo;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SourceProbeTest {
    @TempDir
    Path dir;

    @Test
    void sampleClipIsAVideoWithItsFramesAndRate() throws Exception {
        SourceInfo info = SourceProbe.probe(Samples.file("portrait_clip_3s.mp4"));

        assertThat(info).as("3 s of 720x720 at 25 fps")
                .isEqualTo(new SourceInfo(SourceKind.VIDEO, 720, 720, 75, 25.0));
    }

    @Test
    void portraitNamedPngIsAJpegImage() throws Exception {
        SourceInfo info = SourceProbe.probe(Samples.file("portrait.png"));

        assertThat(info).as("the JPEG content decides, not the .png name")
                .isEqualTo(new SourceInfo(SourceKind.IMAGE, 1432, 1432, 1, 0));
    }

    @Test
    void videoNamedPngIsStillAVideo() throws Exception {
        Path renamed = Files.copy(Samples.file("portrait_clip_3s.mp4"), dir.resolve("clip.png"));

        assertThat(SourceProbe.probe(renamed).kind()).as("kind by content").isEqualTo(SourceKind.VIDEO);
    }

    @Test
    void rotatedVideoReportsItsDisplayedSize() throws Exception {
        FfmpegCli.assumeInstalled();
        Path plain = dir.resolve("plain.mp4");
        Path rotated = dir.resolve("rotated.mp4");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x48:r=25:d=0.2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                plain.toString());
        FfmpegCli.ffmpeg("-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=270", rotated.toString());

        SourceInfo info = SourceProbe.probe(rotated);

        assertThat(info.width() + "x" + info.height()).as("displayed size").isEqualTo("48x64");
    }

    @Test
    void textNamedPngIsUnreadable() throws Exception {
        Path text = Files.writeString(dir.resolve("face.png"), "just some words, no pixels\n".repeat(50));

        RenderException e = catchThrowableOfType(RenderException.class, () -> SourceProbe.probe(text));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).as("message names the file and what is wrong with it")
                .contains(text.toString()).contains("neither a picture nor a video");
    }

    @Test
    void aTiffIsProbedAsAPicture() throws Exception {
        FfmpegCli.assumeInstalled();
        Path tiff = dir.resolve("face.tiff");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=32x30", "-frames:v", "1", tiff.toString());

        SourceInfo info = SourceProbe.probe(tiff);

        assertThat(info.kind()).as("kind of a TIFF").isEqualTo(SourceKind.IMAGE);
        assertThat(new int[] {info.width(), info.height()}).as("size of the TIFF").containsExactly(32, 30);
    }

    @Test
    void aGifIsAPictureThatCannotBeRead() throws Exception {
        FfmpegCli.assumeInstalled();
        Path gif = dir.resolve("face.gif");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", gif.toString());

        RenderException e = catchThrowableOfType(RenderException.class, () -> SourceProbe.probe(gif));

        assertThat(e).as("failure of a GIF").isNotNull();
        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).as("message names the file").contains(gif.toString());
    }

    @Test
    void missingSourceIsUnreadable() {
        Path absent = dir.resolve("absent.mp4");

        RenderException e = catchThrowableOfType(RenderException.class, () -> SourceProbe.probe(absent));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).as("message says why").contains("does not exist");
    }

    @Test
    void audioOnlyFileIsUnreadable() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> SourceProbe.probe(Samples.file("speech_24k.wav")));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).as("message says why").contains("no video stream");
    }
}
