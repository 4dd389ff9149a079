package dittospark.media;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MiddleFrameThumbnailTest {
    private static final Path CLIP = Path.of(System.getProperty("samples.dir"), "portrait_clip_3s.mp4");

    @Test
    void isAJpegWhoseLongerSideIsTheRequestedSize() throws Exception {
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(MiddleFrameThumbnail.jpeg(CLIP, 96)));

        assertThat(thumb).as("decoded thumbnail").isNotNull();
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).as("longer side").isEqualTo(96);
    }

    @Test
    void isNotABlankFrame() throws Exception {
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(MiddleFrameThumbnail.jpeg(CLIP, 64)));
        long distinct = java.util.Arrays.stream(thumb.getRGB(0, 0, thumb.getWidth(), thumb.getHeight(), null, 0,
                thumb.getWidth())).distinct().count();

        assertThat(distinct).as("distinct colours in the thumbnail").isGreaterThan(100);
    }
}
