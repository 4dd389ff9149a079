package dittospark.face;

/**
 * The rotated square that Face Mesh looks at, in pixels of the image the detection came from.
 *
 * @param rotation radians in [-pi, pi), positive turning the square's x axis towards +y
 */
public record FaceRoi(double centerX, double centerY, double width, double height, double rotation) {
    /** Face Mesh wants the face with margin: the long side of the box, enlarged by this factor. */
    public static final double SCALE = 1.5;

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
        double rotation = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
        return new FaceRoi((x1 + x2) / 2, (y1 + y2) / 2, side * SCALE, side * SCALE, rotation);
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
