package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ImageCodec;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Pictures and videos told apart by content, as the reference's loader does, whatever the file is named. */
class SourceKindTest {
    @TempDir
    Path dir;

    private Path picture(String format, String name) throws Exception {
        BufferedImage b = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                b.setRGB(x, y, 0x2050F0);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(b, format, file.toFile());
        return file;
    }

    @Test
    void aTiffIsAPictureEvenNamedLikeAVideo() throws Exception {
        try (SourceReader reader = SourceReader.open(picture("tiff", "portrait.mp4"), 0)) {
            Image frame = reader.readAll().get(0);

            assertThat(reader.kind()).as("kind of a TIFF named .mp4").isEqualTo(SourceKind.IMAGE);
            assertThat(new int[] {frame.at(3, 3, 0), frame.at(3, 3, 1), frame.at(3, 3, 2)}).as("R, G, B")
                    .containsExactly(0x20, 0x50, 0xF0);
        }
    }

    /** The reference's loader takes a GIF for a picture, which its OpenCV cannot decode: never a video. */
    @Test
    void aGifIsAPictureThatCannotBeDecodedNotAVideo() throws Exception {
        Path gif = picture("gif", "portrait.mp4");

        RenderException e = catchThrowableOfType(RenderException.class, () -> SourceReader.open(gif, 0));

        assertThat(e).as("opening a GIF").isNotNull();
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).as("message").contains("not a picture OpenCV can decode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GIF89a", "II*\u0000", "MM\u0000*", "8BPS", "\u0000\u0000\u0001\u0000",
            "\u0000\u0000\u0000\u0018ftypheic", "\u0000\u0000\u0000\u001cftypavif", "II\u00bc\u0001"})
    void pictureFormatsAreRecognisedByTheirFirstBytes(String start) {
        assertThat(ImageCodec.recognises(header(start))).as("a file starting %s", hex(start)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0000\u0000\u0018ftypisom", "\u0000\u0000\u0000\u0014ftypqt  ",
            "\u001a\u0045\u00df\u00a3", "RIFF\u0000\u0000\u0000\u0000AVI ", "FLV\u0001"})
    void videoContainersAreNotPictures(String start) {
        assertThat(ImageCodec.recognises(header(start))).as("a file starting %s", hex(start)).isFalse();
    }

    private static byte[] header(String start) {
        return Arrays.copyOf(start.getBytes(StandardCharsets.ISO_8859_1), ImageCodec.HEADER_BYTES);
    }

    private static String hex(String start) {
        return HexFormat.of().formatHex(start.getBytes(StandardCharsets.ISO_8859_1));
    }
}
