package dittospark.media;

import dittospark.image.FrameBuffer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MiddleFrameThumbnailTest {
    private static final int FRAMES = 9;

    @Test
    void isAJpegWhoseLongerSideIs160() throws Exception {
        BufferedImage thumbnail = decode(offeredAll(640, 360));

        assertThat(thumbnail).as("decoded thumbnail").isNotNull();
        assertThat(List.of(thumbnail.getWidth(), thumbnail.getHeight())).as("thumbnail size").containsExactly(160, 90);
    }

    @Test
    void showsTheFrameAtHalfTheFrameCount() throws Exception {
        BufferedImage thumbnail = decode(offeredAll(320, 240));
        int red = (thumbnail.getRGB(80, 60) >> 16) & 0xFF;

        assertThat(red).as("red of the thumbnail's centre (frame i has red 20 * i)").isBetween(
                20 * (FRAMES / 2) - 6, 20 * (FRAMES / 2) + 6);
    }

    @Test
    void keepsASmallFrameAtItsOwnSize() throws Exception {
        BufferedImage thumbnail = decode(offeredAll(64, 48));

        assertThat(List.of(thumbnail.getWidth(), thumbnail.getHeight())).as("thumbnail size").containsExactly(64, 48);
    }

    @Test
    void keepsTheMiddleFrameAsItWasWhenOffered() throws Exception {
        MiddleFrameThumbnail thumbnail = new MiddleFrameThumbnail(FRAMES);
        FrameBuffer reused = flat(64, 48, 200);
        thumbnail.offer(FRAMES / 2, reused);
        Arrays.fill(reused.pixels().array(), (byte) 0);

        int red = (decode(thumbnail.jpeg()).getRGB(32, 24) >> 16) & 0xFF;

        assertThat(red).as("red of the thumbnail after its buffer was filled again").isBetween(194, 206);
    }

    @Test
    void needsTheMiddleFrame() {
        MiddleFrameThumbnail thumbnail = new MiddleFrameThumbnail(FRAMES);
        thumbnail.offer(0, flat(64, 48, 0));

        assertThatThrownBy(thumbnail::jpeg).as("thumbnail without its frame").isInstanceOf(IllegalStateException.class);
    }

    private static byte[] offeredAll(int width, int height) throws Exception {
        MiddleFrameThumbnail thumbnail = new MiddleFrameThumbnail(FRAMES);
        for (int i = 0; i < FRAMES; i++) {
            thumbnail.offer(i, flat(width, height, 20 * i));
        }
        return thumbnail.jpeg();
    }

    private static BufferedImage decode(byte[] jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    /** A flat frame in a buffer whose rows are padded, as an encoder's may be. */
    private static FrameBuffer flat(int width, int height, int red) {
        int stride = width * 3 + 8;
        ByteBuffer pixels = ByteBuffer.allocate(stride * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels.put(y * stride + x * 3, (byte) red);
                pixels.put(y * stride + x * 3 + 1, (byte) 100);
                pixels.put(y * stride + x * 3 + 2, (byte) 50);
            }
        }
        return new FrameBuffer(width, height, stride, pixels);
    }
}
