package dittospark.image;

import dittospark.media.FfmpegCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PictureSizeTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));

    @TempDir
    Path dir;

    @Test
    void readsTheSamplePortraitsSizeFromItsHeader() throws IOException {
        assertThat(PictureSize.of(Files.readAllBytes(SAMPLES.resolve("portrait.png"))))
                .as("declared size of the sample portrait").contains(new PictureSize.Size(1432, 1432));
    }

    @Test
    void readsAJpegsStartOfFrameAfterItsOtherSegments() throws IOException {
        Path jpeg = dir.resolve("p.jpg");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=64x48", "-frames:v", "1", jpeg.toString());

        assertThat(PictureSize.of(Files.readAllBytes(jpeg))).as("declared size of a 64x48 jpeg")
                .contains(new PictureSize.Size(64, 48));
    }

    @Test
    void aPngClaiming60000x60000IsRefusedBeforeDecoding() throws IOException {
        Path png = Files.write(dir.resolve("huge.png"), HugePictures.png(60_000, 60_000));

        ImageCodec.TooLargeException e = catchThrowableOfType(ImageCodec.TooLargeException.class, () -> ImageCodec.read(png));

        assertThat(e).as("refusal of a 3.6-gigapixel header").isNotNull();
        assertThat(e.getMessage()).as("message").contains("60000x60000");
    }

    @Test
    void aBmpClaimingAHugeSizeIsRefusedBeforeDecoding() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(64).putInt(0).putInt(54).putInt(40).putInt(50_000).putInt(-50_000);
        Path bmp = Files.write(dir.resolve("huge.bmp"), b.array());

        assertThat(catchThrowableOfType(ImageCodec.TooLargeException.class, () -> ImageCodec.read(bmp)))
                .as("refusal of a 2.5-gigapixel bmp").isNotNull();
    }

    @Test
    void aHeaderCutShortDeclaresNothing() {
        assertThat(PictureSize.of(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).as("size of 4 bytes of png").isEqualTo(Optional.empty());
    }
}
