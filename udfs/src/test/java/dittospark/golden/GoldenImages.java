package dittospark.golden;

import dittospark.image.Image;
import dittospark.image.ImageOps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden pictures and the image tolerance of GOLDEN.md: within 1 grey level, at least 99.9% exact. */
public final class GoldenImages {
    public static final int MAX_LEVEL_DIFF = 1;
    public static final double MIN_EXACT_FRACTION = 0.999;

    private GoldenImages() {
    }

    public static Image read(Path file) {
        try {
            return ImageOps.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertNearlyEqual(String what, Image actual, Image expected) {
        assertThat(actual.width()).as(what + ": width").isEqualTo(expected.width());
        assertThat(actual.height()).as(what + ": height").isEqualTo(expected.height());
        byte[] a = actual.rgb();
        byte[] e = expected.rgb();
        int maxDiff = 0;
        long exactPixels = 0;
        for (int p = 0; p < a.length; p += 3) {
            int pixelDiff = 0;
            for (int c = 0; c < 3; c++) {
                pixelDiff = Math.max(pixelDiff, Math.abs((a[p + c] & 0xFF) - (e[p + c] & 0xFF)));
            }
            maxDiff = Math.max(maxDiff, pixelDiff);
            if (pixelDiff == 0) {
                exactPixels++;
            }
        }
        double exactFraction = exactPixels / (a.length / 3.0);
        assertThat(maxDiff).as(what + ": largest channel difference (grey levels)").isLessThanOrEqualTo(MAX_LEVEL_DIFF);
        assertThat(exactFraction).as(what + ": fraction of exact pixels").isGreaterThanOrEqualTo(MIN_EXACT_FRACTION);
    }
}
