package dittospark.image;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

/**
 * The OpenCV resamplings that feed the MediaPipe face models: a plain bilinear resize and the
 * perspective warp of a (rotated) region of interest onto an upright square.
 */
public final class RoiWarp {
    private RoiWarp() {
    }

    /** OpenCV bilinear resize ({@code INTER_LINEAR}) to width x height. */
    public static Image resize(Image src, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat(); Size size = new Size(width, height)) {
            opencv_imgproc.resize(in, out, size, 0, 0, INTER_LINEAR);
            return Mats.image(out);
        }
    }

    /**
     * Samples the quadrilateral {@code corners} (x0, y0, ... x3, y3: the points that become the output's
     * top-left, top-right, bottom-right and bottom-left corners) into a width x height image with the
     * perspective transform through those four points, bilinear, black outside the source. The corners
     * are fitted in float32, as OpenCV's Python binding does with float32 point arrays.
     */
    public static Image warpQuad(Image src, double[] corners, int width, int height) {
        if (corners.length != 8) {
            throw new IllegalArgumentException("expected 4 corners (8 values), got " + corners.length);
        }
        double[] target = {0, 0, width, 0, width, height, 0, height};
        try (Point2f from = points(corners);
             Point2f to = points(target);
             Mat m = getPerspectiveTransform(from, to);
             Mat in = Mats.of(src);
             Mat out = new Mat();
             Size size = new Size(width, height);
             Scalar black = new Scalar(0.0)) {
            warpPerspective(in, out, m, size, INTER_LINEAR, BORDER_CONSTANT, black);
            return Mats.image(out);
        }
    }

    private static Point2f points(double[] xy) {
        Point2f p = new Point2f(xy.length / 2);
        for (int i = 0; i < xy.length / 2; i++) {
            p.position(i).x((float) xy[2 * i]).y((float) xy[2 * i + 1]);
        }
        return p.position(0);
    }
}
