package dittospark.media;

import dittospark.image.Image;

/**
 * The turn a player applies to a video whose stream carries a display matrix (phone recordings): we apply
 * it while decoding, as the FFmpeg command line does, so faces arrive upright.
 */
final class DisplayRotation {
    private final int clockwiseQuarters;

    /** {@code matrixDegrees} is the matrix's counter-clockwise angle; only multiples of 90 degrees are honoured. */
    DisplayRotation(double matrixDegrees) {
        this.clockwiseQuarters = Math.floorMod(-(int) Math.round(matrixDegrees / 90.0), 4);
    }

    boolean swapsSides() {
        return clockwiseQuarters % 2 == 1;
    }

    Image apply(Image image) {
        if (clockwiseQuarters == 0) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        int outW = swapsSides() ? h : w;
        int outH = swapsSides() ? w : h;
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int target = switch (clockwiseQuarters) {
                    case 1 -> (x * outW + (h - 1 - y)) * 3;
                    case 2 -> ((h - 1 - y) * outW + (w - 1 - x)) * 3;
                    default -> ((w - 1 - x) * outW + y) * 3;
                };
                int source = (y * w + x) * 3;
                out[target] = in[source];
                out[target + 1] = in[source + 1];
                out[target + 2] = in[source + 2];
            }
        }
        return new Image(outW, outH, out);
    }
}
