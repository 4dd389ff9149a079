package dittospark.face;

/**
 * The rotated square that Face Mesh looks at, in pixels of the image the detection came from.
 *
 * @param rotation radians in [-pi, pi), positive turning the square's x axis towards +y
 */
public record FaceRoi(double centerX, double centerY, double width, double height, double rotation) {
    /** Face Mesh wants the face with margin: the long side of the box, enlarged by this factor. */
    public static final double SCALE = 1.5;
    /** Face Mesh's outer eye corners, the image's left one first on a frontal face. */
    private static final int[] OUTER_EYE_CORNERS = {33, 263};

    /**
     * The ROI of a detection on an image of the given size: the box scaled from detector pixels to the
     * image, squared on its long side and enlarged by {@link #SCALE}, turned so that the line from the
     * first to the second keypoint (the eyes) is horizontal.
     */
    public static FaceRoi fromDetection(BlazeDetection det, int imageWidth, int imageHeight) {
        double sx = imageWidth / (double) BlazeFaceCodec.INPUT_SIZE;
        double sy = imageHeight / (double) BlazeFaceCodec.INPUT_SIZE;
        double x1 = det.xMin() * sx;
        double y1 = det.yMin() * sy;
        double x2 = det.xMax() * sx;
        double y2 = det.yMax() * sy;
        double side = Math.max(x2 - x1, y2 - y1);
        double ex0 = det.keypointX(0) * imageWidth;
        double ey0 = det.keypointY(0) * imageHeight;
        double ex1 = det.keypointX(1) * imageWidth;
        double ey1 = det.keypointY(1) * imageHeight;
        double angle = -Math.atan2(ey0 - ey1, ex1 - ex0);
        return new FaceRoi((x1 + x2) / 2, (y1 + y2) / 2, side * SCALE, side * SCALE, normalised(angle));
    }

    /** The upright ROI of a face box without keypoints (the cascade's): squared on its long side, enlarged. */
    public static FaceRoi fromBox(FaceBox box) {
        double side = Math.max(box.width(), box.height()) * SCALE;
        return new FaceRoi((box.x1() + box.x2()) / 2.0, (box.y1() + box.y2()) / 2.0, side, side, 0);
    }

    /**
     * Face Mesh's region on the next frame from its points on this one, as MediaPipe tracks a face:
     * the points' bounding box squared on its long side and enlarged, turned so that the line between
     * the outer eye corners (33 and 263) is horizontal.
     *
     * @param xy interleaved (x, y) of the 478 points, in image pixels
     */
    public static FaceRoi fromLandmarks(float[] xy) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        double side = Math.max(maxX - minX, maxY - minY) * SCALE;
        double angle = -Math.atan2(xy[2 * OUTER_EYE_CORNERS[0] + 1] - xy[2 * OUTER_EYE_CORNERS[1] + 1],
                xy[2 * OUTER_EYE_CORNERS[1]] - xy[2 * OUTER_EYE_CORNERS[0]]);
        return new FaceRoi((minX + maxX) / 2, (minY + maxY) / 2, side, side, normalised(angle));
    }

    /** This ROI in the pixels of a picture in which the one it lies in appears scaled by {@code s}, then moved by (dx, dy). */
    public FaceRoi mapped(double s, double dx, double dy) {
        return new FaceRoi(centerX * s + dx, centerY * s + dy, width * s, height * s, rotation);
    }

    private static double normalised(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /**
     * The ROI's corners in the image, in the order top-left, top-right, bottom-right, bottom-left of the
     * upright ROI, as x0, y0, ... x3, y3.
     */
    public double[] corners() {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double[] ux = {-0.5, 0.5, 0.5, -0.5};
        double[] uy = {-0.5, -0.5, 0.5, 0.5};
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            double tx = ux[i] * width;
            double ty = uy[i] * height;
            out[2 * i] = centerX + tx * cos - ty * sin;
            out[2 * i + 1] = centerY + tx * sin + ty * cos;
        }
        return out;
    }
}
