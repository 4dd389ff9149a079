package dittospark.face;

import dittospark.image.Affine;
import dittospark.image.Image;
import dittospark.image.ImageOps;

import java.util.Arrays;

/**
 * The reference's landmark-driven square crop: a rectangle aligned with the eye-to-lip axis around
 * the landmarks, scaled and shifted, and the similarity transform that maps it to a
 * {@code dsize x dsize} picture. Points are interleaved (x, y) float32 pairs of a 106- or 203-point
 * layout, or of Face Mesh's 478 points; the arithmetic is float32 where the reference's is.
 */
public final class CropMath {
    private static final int[] EYES_106_LEFT = {33, 35, 40, 39};
    private static final int[] EYES_106_RIGHT = {87, 89, 94, 93};
    private static final int[] LIP_106 = {52, 61};
    private static final int[] EYES_203_LEFT = {0, 6, 12, 18};
    private static final int[] EYES_203_RIGHT = {24, 30, 36, 42};
    private static final int[] LIP_203 = {48, 66};
    /** Face Mesh: the 16-point contour of each eye and the 20 points of the inner lip line. */
    private static final int[] EYES_478_LEFT = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
    private static final int[] EYES_478_RIGHT = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387,
            388, 466};
    private static final int[] LIP_478 = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178,
            88, 95};
    /**
     * The Face Mesh points the crop is sized by: what a 106- or 203-point layout covers (jaw line
     * from ear to ear, brows, eyes, lips), leaving out the forehead, which those layouts do not reach.
     */
    private static final int[] BOX_478 = concat(
            new int[] {127, 234, 93, 132, 58, 172, 136, 150, 149, 176, 148, 152, 377, 400, 378, 379, 365, 397, 288, 361,
                    323, 454, 356},
            new int[] {46, 53, 52, 65, 55, 70, 63, 105, 66, 107, 276, 283, 282, 295, 285, 300, 293, 334, 296, 336},
            EYES_478_LEFT, EYES_478_RIGHT, LIP_478);

    /** Where a layout's crop anchors lie, and which of its points size the crop (null: all). */
    private record Layout(int[] leftEye, int[] rightEye, int[] lip, int[] box) {
    }

    private static final Layout LAYOUT_106 = new Layout(EYES_106_LEFT, EYES_106_RIGHT, LIP_106, null);
    private static final Layout LAYOUT_203 = new Layout(EYES_203_LEFT, EYES_203_RIGHT, LIP_203, null);
    private static final Layout LAYOUT_478 = new Layout(EYES_478_LEFT, EYES_478_RIGHT, LIP_478, BOX_478);

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

    /** Eye centre and lip centre as {eyeX, eyeY, lipX, lipY}, for 106, 203 or 478 (Face Mesh) points. */
    public static float[] anchors(float[] pts) {
        return anchors(pts, layout(pts));
    }

    private static Layout layout(float[] pts) {
        return switch (pts.length / 2) {
            case 106 -> LAYOUT_106;
            case 203 -> LAYOUT_203;
            case FaceMeshCodec.NUM_LANDMARKS -> LAYOUT_478;
            default -> throw new IllegalArgumentException("crop anchors need 106, 203 or 478 landmarks, got "
                    + pts.length + " values");
        };
    }

    private static float[] anchors(float[] pts, Layout layout) {
        float[] out = new float[4];
        for (int axis = 0; axis < 2; axis++) {
            float l = mean(pts, layout.leftEye(), axis);
            float r = mean(pts, layout.rightEye(), axis);
            out[axis] = (l + r) / 2f;
            out[2 + axis] = mean(pts, layout.lip(), axis);
        }
        return out;
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
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
        Layout layout = layout(pts);
        float[] a = anchors(pts, layout);
        pts = layout.box() == null ? pts : select(pts, layout.box());
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

    private static float[] select(float[] pts, int[] indices) {
        float[] out = new float[2 * indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[2 * k] = pts[2 * indices[k]];
            out[2 * k + 1] = pts[2 * indices[k] + 1];
        }
        return out;
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
