package dittospark.image;

import dittospark.media.Samples;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageOpsTest {
    private static Image gradient(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) x;
                rgb[i + 1] = (byte) y;
                rgb[i + 2] = (byte) (x + y);
            }
        }
        return new Image(w, h, rgb);
    }

    /** PNG bytes written by the JDK, not by the OpenCV under test. */
    private static byte[] png(Image image) throws IOException {
        BufferedImage picture = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                picture.setRGB(x, y, image.at(x, y, 0) << 16 | image.at(x, y, 1) << 8 | image.at(x, y, 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }

    @Test
    void decodesAPngInRgbOrder() throws Exception {
        Image original = gradient(37, 23);

        Image decoded = ImageOps.decode(png(original));

        assertThat(decoded.rgb()).as("decoded PNG pixels").isEqualTo(original.rgb());
    }

    @Test
    void decodesTheJpegPortraitWhateverItsName() throws Exception {
        Image portrait = ImageOps.read(Samples.file("portrait.png"));

        assertThat(new int[] {portrait.width(), portrait.height()}).as("portrait size").containsExactly(1432, 1432);
    }

    @Test
    void rejectsBytesThatAreNoPicture() {
        assertThatThrownBy(() -> ImageOps.decode(new byte[] {1, 2, 3, 4}))
                .as("decoding garbage").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityWarpKeepsThePicture() {
        Image src = gradient(40, 30);

        Image out = ImageOps.warpAffine(src, Affine.of(1, 0, 0, 0, 1, 0), 40, 30);

        assertThat(out.rgb()).as("pixels after an identity warp").isEqualTo(src.rgb());
    }

    @Test
    void warpFillsOutsideTheSourceWithBlack() {
        FloatImage ones = new FloatImage(4, 1, 1, new float[] {1, 1, 1, 1});

        FloatImage shifted = ImageOps.warpAffine(ones, Affine.of(1, 0, 2, 0, 1, 0), 8, 1);

        assertThat(shifted.data()).as("a 4-pixel row moved right by 2 into an 8-pixel row")
                .containsExactly(0, 0, 1, 1, 1, 1, 0, 0);
    }

    @Test
    void areaResizeAveragesBlocks() {
        Image src = new Image(2, 2, new byte[] {0, 0, 0, 100, 100, 100, 50, 50, 50, (byte) 250, (byte) 250, (byte) 250});

        Image out = ImageOps.resizeArea(src, 1, 1);

        assertThat(out.at(0, 0, 0)).as("mean of 0, 100, 50, 250").isEqualTo(100);
    }

    @Test
    void bilinearResizeGivesTheRequestedSize() {
        Image out = ImageOps.resize(gradient(64, 48), 32, 20);

        assertThat(new int[] {out.width(), out.height()}).as("resized size").containsExactly(32, 20);
    }

    @Test
    void repeatedWarpsReleaseTheirNativeMemory() {
        FloatImage frame = new FloatImage(1920, 1080, 3, new float[1920 * 1080 * 3]);
        Affine shift = Affine.of(1, 0, 3, 0, 1, 2);
        for (int i = 0; i < 5; i++) {
            ImageOps.warpAffine(frame, shift, 1920, 1080);
        }
        long before = outsideTheHeap();

        for (int i = 0; i < 40; i++) {
            ImageOps.warpAffine(frame, shift, 1920, 1080);
        }

        long grownMb = (outsideTheHeap() - before) >> 20;
        assertThat(grownMb).as("resident memory growth outside the Java heap over 40 full-HD float warps"
                        + " (a leak would be ~2000 MB)")
                .isLessThan(500);
    }

    /**
     * Resident bytes less the Java heap's committed size: each warp's result is a 25 MB float array on the
     * heap, and the heap growing to hold them before a collection is not a native leak.
     */
    private static long outsideTheHeap() {
        return Pointer.physicalBytes() - java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
