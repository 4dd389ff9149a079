package dittospark.face;

import dittospark.image.Affine;
import dittospark.image.Image;
import dittospark.image.ImageOps;

/**
 * The reference's landmark-driven square crop: a rectangle aligned with the eye-to-lip axis around
 * the landmarks, scaled and shifted, and the similarity transform that maps it to a
 * {@code dsize x dsize} picture. Points are interleaved (x, y) float32 pairs of a 106- or 203-point
 * layout; the arithmetic is float32 where the reference's is.
 */
public final class CropMath {
    private static final int[] EYES_106_LEFT = {33, 35, 40, 39};
    private static final int[] EYES_106_RIGHT = {87, 89, 94, 93};
    private static final int[] LIP_106 = {52, 61};
    private static final int[] EYES_203_LEFT = {0, 6, 12, 18};
    private static final int[] EYES_203_RIGHT = {24, 30, 36, 42};
    private static final int[] LIP_203 = {48, 66};

    /** The rotated square: centre, side length, and the x axis angle in radians (clockwise positive). */
    public record Rect(float cx, float cy, float size, double angle) {
    }

    /** Original-to-crop and crop-to-original transforms, both float32 as the reference keeps them. */
    public record Transform(Affine o2c, Affine c2o) {
    }

    /** A cropped picture with its transforms. */
    public record Crop(Image image, Affine o2c, Affine c2o) {
    }

    private CropMath() {
    }

    /** Eye centre and lip centre as {eyeX, eyeY, lipX, lipY}, for 106 or 203 points. */
    public static float[] anchors(float[] pts) {
        int n = pts.length / 2;
        if (n == 106) {
            return anchors(pts, EYES_106_LEFT, EYES_106_RIGHT, LIP_106);
        }
        if (n == 203) {
            return anchors(pts, EYES_203_LEFT, EYES_203_RIGHT, LIP_203);
        }
        throw new IllegalArgumentException("crop anchors need 106 or 203 landmarks, got " + pts.length + " values");
    }

    private static float[] anchors(float[] pts, int[] left, int[] right, int[] lip) {
        float[] out = new float[4];
        for (int axis = 0; axis < 2; axis++) {
            float l = mean(pts, left, axis);
            float r = mean(pts, right, axis);
            out[axis] = (l + r) / 2f;
            out[2 + axis] = (pts[2 * lip[0] + axis] + pts[2 * lip[1] + axis]) / 2f;
        }
        return out;
    }

    private static float mean(float[] pts, int[] idx, int axis) {
        float sum = 0f;
        for (int i : idx) {
            sum += pts[2 * i + axis];
        }
        return sum / idx.length;
    }

    /** {@code parse_rect_from_landmark(pts, scale, need_square=True, vx_ratio, vy_ratio)}. */
    public static Rect rect(float[] pts, double scale, double vxRatio, double vyRatio) {
        float[] a = anchors(pts);
        float uyx = a[2] - a[0];
        float uyy = a[3] - a[1];
        float norm = (float) Math.sqrt(uyx * uyx + uyy * uyy);
        if (norm <= 1e-3f) {
            uyx = 0f;
            uyy = 1f;
        } else {
            uyx /= norm;
            uyy /= norm;
        }
        float uxx = uyy;
        float uxy = -uyx;
        double angle = Math.acos(uxx);
        if (uxy < 0) {
            angle = -angle;
        }

        int n = pts.length / 2;
        float sumX = 0f;
        float sumY = 0f;
        for (int i = 0; i < n; i++) {
            sumX += pts[2 * i];
            sumY += pts[2 * i + 1];
        }
        float c0x = sumX / n;
        float c0y = sumY / n;
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float dx = pts[2 * i] - c0x;
            float dy = pts[2 * i + 1] - c0y;
            // NumPy's float32 matmul runs on BLAS kernels that fuse the second product into the sum
            float rx = Math.fma(dy, uxy, dx * uxx);
            float ry = Math.fma(dy, uyy, dx * uyx);
            minX = Math.min(minX, rx);
            maxX = Math.max(maxX, rx);
            minY = Math.min(minY, ry);
            maxY = Math.max(maxY, ry);
        }
        float c1x = (minX + maxX) / 2f;
        float c1y = (minY + maxY) / 2f;
        float size = Math.max(maxX - minX, maxY - minY) * (float) scale;
        float cx = c0x + uxx * c1x + uyx * c1y;
        float cy = c0y + uxy * c1x + uyy * c1y;
        float vx = (float) vxRatio * size;
        float vy = (float) vyRatio * size;
        cx = cx + uxx * vx + uyx * vy;
        cy = cy + uxy * vx + uyy * vy;
        return new Rect(cx, cy, size, angle);
    }

    /**
     * The transforms of {@code crop_image(pts, dsize, scale, vy_ratio, flag_do_rot)}. There is no
     * horizontal shift: the reference's crop_image does not pass vx_ratio on to the rectangle.
     */
    public static Transform transform(float[] pts, int dsize, double scale, double vyRatio, boolean rotate) {
        return transform(pts, dsize, scale, 0, vyRatio, rotate);
    }

    /**
     * The reference's crop moved sideways by {@code vxRatio} of its size along the face's x axis. The
     * reference accepts crop_vx_ratio but never applies it; the product does, so that the option moves
     * the crop as its name says. With {@code vxRatio} 0 this is exactly the reference's transform.
     */
    public static Transform transform(float[] pts, int dsize, double scale, double vxRatio, double vyRatio,
                                      boolean rotate) {
        Rect r = rect(pts, scale, vxRatio, vyRatio);
        // NumPy computes these entries from float32 scalars in float32, the cosine and sine rounded to
        // float32 first; a double computation rounded at the end differs in the translations' last bits,
        // and those move OpenCV's fixed-point sample positions across a rounding boundary.
        float s = dsize / r.size();
        float t = dsize / 2f;
        Affine o2c;
        if (rotate) {
            float cos = (float) Math.cos(r.angle());
            float sin = (float) Math.sin(r.angle());
            o2c = Affine.of(s * cos, s * sin, t - s * (cos * r.cx() + sin * r.cy()),
                    -s * sin, s * cos, t - s * (-sin * r.cx() + cos * r.cy()));
        } else {
            o2c = Affine.of(s, 0, t - s * r.cx(), 0, s, t - s * r.cy());
        }
        return new Transform(o2c, o2c.inverse().toFloat32());
    }

    /** {@code crop_image}: the {@code dsize x dsize} crop (bilinear, black border) and its transforms. */
    public static Crop crop(Image image, float[] pts, int dsize, double scale, double vyRatio, boolean rotate) {
        return crop(image, pts, dsize, scale, 0, vyRatio, rotate);
    }

    /** {@link #crop} moved sideways by {@code vxRatio} of its size, as {@link #transform(float[], int, double, double, double, boolean)}. */
    public static Crop crop(Image image, float[] pts, int dsize, double scale, double vxRatio, double vyRatio,
                            boolean rotate) {
        Transform t = transform(pts, dsize, scale, vxRatio, vyRatio, rotate);
        return new Crop(ImageOps.warpAffine(image, t.o2c(), dsize, dsize), t.o2c(), t.c2o());
    }
}
