package dittospark.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Pixel statistics of decoded RGB frames for comparing renders: mean absolute differences over a
 * region, and the regions themselves (the pixels that move across a render, a frame's outer band).
 * A region is one flag per pixel.
 */
final class FrameRegions {
    private FrameRegions() {
    }

    /** Mean absolute difference of all RGB values, in 8-bit levels. */
    static double diff(byte[] a, byte[] b) {
        boolean[] all = new boolean[a.length / 3];
        Arrays.fill(all, true);
        return diff(a, b, all);
    }

    /** Mean absolute difference of the RGB values of the region's pixels, in 8-bit levels. */
    static double diff(byte[] a, byte[] b, boolean[] region) {
        long sum = 0;
        long count = 0;
        for (int p = 0; p < region.length; p++) {
            if (region[p]) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs(Byte.toUnsignedInt(a[3 * p + c]) - Byte.toUnsignedInt(b[3 * p + c]));
                }
                count += 3;
            }
        }
        return sum / (double) Math.max(count, 1);
    }

    /** Pixels whose grey level spans more than {@code levels} across the frames: what moves in a render. */
    static boolean[] moving(List<byte[]> frames, int levels) {
        int pixels = frames.get(0).length / 3;
        int[] min = new int[pixels];
        int[] max = new int[pixels];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
        for (byte[] frame : frames) {
            for (int p = 0; p < pixels; p++) {
                int grey = grey(frame, p);
                min[p] = Math.min(min[p], grey);
                max[p] = Math.max(max[p], grey);
            }
        }
        boolean[] out = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            out[p] = max[p] - min[p] > levels;
        }
        return out;
    }

    /** The band of {@code margin} pixels along the frame's edges: far outside the face crop. */
    static boolean[] border(int width, int height, int margin) {
        boolean[] out = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = x < margin || y < margin || x >= width - margin || y >= height - margin;
            }
        }
        return out;
    }

    /** Pixels whose grey level differs between the two frames by more than {@code levels}. */
    static boolean[] changed(byte[] a, byte[] b, int levels) {
        boolean[] out = new boolean[a.length / 3];
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.abs(grey(a, p) - grey(b, p)) > levels;
        }
        return out;
    }

    static int count(boolean[] region) {
        int n = 0;
        for (boolean b : region) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The region's centre of mass {x, y} in pixels. */
    static double[] centre(boolean[] region, int width) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int p = 0; p < region.length; p++) {
            if (region[p]) {
                sx += p % width;
                sy += p / width;
                n++;
            }
        }
        return new double[] {sx / n, sy / n};
    }

    private static int grey(byte[] rgb, int p) {
        return (Byte.toUnsignedInt(rgb[3 * p]) * 299 + Byte.toUnsignedInt(rgb[3 * p + 1]) * 587
                + Byte.toUnsignedInt(rgb[3 * p + 2]) * 114) / 1000;
    }
}
