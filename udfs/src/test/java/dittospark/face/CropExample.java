package dittospark.face;

import dittospark.golden.GoldenFiles;
import dittospark.image.Image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The 512 registration crop of the sample portrait, the real picture the face codecs are tried on. */
final class CropExample {
    private CropExample() {
    }

    static Image load() {
        BufferedImage png;
        try {
            png = ImageIO.read(GoldenFiles.file("crop_example_512.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int w = png.getWidth();
        int h = png.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = png.getRGB(x, y);
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (argb >> 16);
                rgb[o + 1] = (byte) (argb >> 8);
                rgb[o + 2] = (byte) argb;
            }
        }
        return new Image(w, h, rgb);
    }
}
