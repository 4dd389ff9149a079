package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.WarpTaps;

/**
 * The frame pixels that one crop-to-frame transform pastes a face onto, with what each reads: per frame
 * row the span from the first to the last pixel whose warped, clipped mask is above 0, and for each
 * pixel of a span its mask value and its bilinear taps into the (padded) render, both as OpenCV's warp
 * of the mask and of the render would have them ({@link WarpTaps}). Built again in place for another
 * transform or frame size; each build has its own {@link #build() number}.
 */
final class FaceGather {
    private final FloatImage paddedMask;
    private final float[] weights = WarpTaps.weightTable();
    private final boolean[] ones;
    private final int maskWidth;
    private final int maskHeight;
    private Affine c2o;
    private int frameWidth;
    private int frameHeight;
    private int build;

    /** Frame rows top .. top + rows - 1 may hold face pixels. */
    private int top;
    private int rows;
    /** Per row from top: the face span's columns and where its first pixel's data is. */
    private int[] spanFrom = new int[0];
    private int[] spanTo = new int[0];
    private int[] rowStart = new int[0];
    /** Per row from top, and one more: the pixels of the spans of the rows before it, for even strips. */
    private long[] pixelsBefore = new long[1];
    /** Per pixel: its {@link WarpTaps} taps and its warped, clipped mask. */
    private int[] taps = new int[0];
    private float[] alphas = new float[0];

    FaceGather(FloatImage mask) {
        this.paddedMask = WarpTaps.pad(mask);
        this.maskWidth = mask.width();
        this.maskHeight = mask.height();
        this.ones = blocksOfOne(paddedMask);
    }

    /**
     * Per padded mask pixel: whether the 2x2 block it starts holds only 1s, so that a pixel reading that
     * block is 1 without summing (its weights are multiples of 1/1024 that add up to exactly 1).
     */
    private static boolean[] blocksOfOne(FloatImage padded) {
        float[] m = padded.data();
        int w = padded.width();
        boolean[] ones = new boolean[m.length];
        for (int k = 0; k + w + 1 < m.length; k++) {
            ones[k] = m[k] == 1f && m[k + 1] == 1f && m[k + w] == 1f && m[k + w + 1] == 1f;
        }
        return ones;
    }

    boolean isFor(Affine transform, int width, int height) {
        return transform.equals(c2o) && width == frameWidth && height == frameHeight;
    }

    /** Which build this is: a buffer painted with an earlier one may hold face pixels this one does not write. */
    int build() {
        return build;
    }

    void rebuild(Affine transform, int width, int height, StripWorkers workers) throws InterruptedException {
        // a build that does not finish is for no transform, and no buffer was painted with it
        c2o = null;
        build++;
        WarpTaps warp = new WarpTaps(transform, maskWidth, maskHeight, width);
        WarpTaps.Span[] reach = new WarpTaps.Span[height];
        int first = height;
        int last = -1;
        for (int y = 0; y < height; y++) {
            reach[y] = warp.reach(y);
            if (!reach[y].isEmpty()) {
                first = Math.min(first, y);
                last = y;
            }
        }
        top = Math.min(first, height);
        rows = Math.max(0, last - top + 1);
        long[] reachBefore = new long[rows + 1];
        for (int r = 0; r < rows; r++) {
            WarpTaps.Span s = reach[top + r];
            reachBefore[r + 1] = reachBefore[r] + Math.max(0, s.to() - s.from());
        }
        ensureCapacity(rows, Math.toIntExact(reachBefore[rows]));
        workers.run((index, count) -> {
            for (int r = evenStrip(reachBefore, rows, index, count); r < evenStrip(reachBefore, rows, index + 1, count); r++) {
                fillRow(warp, r, reach[top + r], (int) reachBefore[r]);
            }
        });
        for (int r = 0; r < rows; r++) {
            pixelsBefore[r + 1] = pixelsBefore[r] + (spanTo[r] - spanFrom[r]);
        }
        c2o = transform;
        frameWidth = width;
        frameHeight = height;
    }

    /** Taps and mask over the row's reach, then its span trimmed to the pixels whose mask is above 0. */
    private void fillRow(WarpTaps warp, int r, WarpTaps.Span reach, int at) {
        int n = Math.max(0, reach.to() - reach.from());
        spanFrom[r] = reach.from();
        spanTo[r] = reach.from();
        rowStart[r] = at;
        warp.row(top + r, reach.from(), n, taps, at);
        float[] m = paddedMask.data();
        int down = paddedMask.width();
        int firstFace = -1;
        int lastFace = -1;
        for (int i = 0; i < n; i++) {
            int t = taps[at + i];
            float a = 0f;
            if (t != WarpTaps.OUTSIDE) {
                int k = WarpTaps.tap(t);
                int e = WarpTaps.entry(t) * 4;
                // the bilinear sum in OpenCV's order, clipped
                a = ones[k] ? 1f : Math.min(1f, Math.max(0f, m[k] * weights[e] + m[k + 1] * weights[e + 1]
                        + m[k + down] * weights[e + 2] + m[k + down + 1] * weights[e + 3]));
            }
            alphas[at + i] = a;
            if (a > 0f) {
                if (firstFace < 0) {
                    firstFace = i;
                }
                lastFace = i;
            }
        }
        if (firstFace >= 0) {
            spanFrom[r] = reach.from() + firstFace;
            spanTo[r] = reach.from() + lastFace + 1;
            rowStart[r] = at + firstFace;
        }
    }

    private void ensureCapacity(int rowCount, int pixels) {
        if (spanFrom.length < rowCount) {
            spanFrom = new int[rowCount];
            spanTo = new int[rowCount];
            rowStart = new int[rowCount];
            pixelsBefore = new long[rowCount + 1];
        }
        if (taps.length < pixels) {
            taps = new int[pixels];
            alphas = new float[pixels];
        }
    }

    /** The first row of strip {@code index} of {@code count} for blending: strips share the face pixels evenly. */
    int blendStrip(int index, int count) {
        return evenStrip(pixelsBefore, rows, index, count);
    }

    /**
     * The first of {@code rows} rows that strip {@code index} of {@code count} takes, where {@code before[r]}
     * counts the pixels of the rows before row r: the strips share the pixels evenly, strip {@code count}
     * starts past the last row.
     */
    private static int evenStrip(long[] before, int rows, int index, int count) {
        if (index == count) {
            return rows;
        }
        long target = before[rows] * index / count;
        int lo = 0;
        int hi = rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int top() {
        return top;
    }

    int spanFrom(int r) {
        return spanFrom[r];
    }

    int spanTo(int r) {
        return spanTo[r];
    }

    int rowStart(int r) {
        return rowStart[r];
    }

    int[] taps() {
        return taps;
    }

    float[] alphas() {
        return alphas;
    }
}
