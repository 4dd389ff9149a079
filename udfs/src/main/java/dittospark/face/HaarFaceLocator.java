package dittospark.face;

import dittospark.image.CascadeDetector;
import dittospark.image.Image;
import dittospark.image.ImageOps;

import java.util.Comparator;
import java.util.Optional;

/**
 * Finds the largest frontal face with OpenCV's bundled Haar cascade: a model-free check that a
 * picture shows a face. Works on a copy whose long side is at most 640 pixels, for speed, and
 * ignores faces narrower than a tenth of the short side. Holds native memory: close it.
 */
public final class HaarFaceLocator implements AutoCloseable {
    private static final String CASCADE = "haarcascade_frontalface_default.xml";
    private static final int WORKING_LONG_SIDE = 640;
    private static final int MIN_NEIGHBORS = 5;
    private static final int MIN_FACE_FRACTION = 10;

    private final CascadeDetector detector;

    public HaarFaceLocator() {
        this.detector = CascadeDetector.bundled(CASCADE);
    }

    /** The largest face box in picture pixels, or empty when there is none. */
    public Optional<FaceBox> largestFace(Image image) {
        int longSide = Math.max(image.width(), image.height());
        double shrink = longSide > WORKING_LONG_SIDE ? (double) WORKING_LONG_SIDE / longSide : 1;
        Image work = shrink < 1
                ? ImageOps.resizeArea(image, (int) Math.round(image.width() * shrink),
                        (int) Math.round(image.height() * shrink))
                : image;
        int minSize = Math.min(work.width(), work.height()) / MIN_FACE_FRACTION;
        return detector.detect(work, minSize, MIN_NEIGHBORS).stream()
                .max(Comparator.comparingLong(CascadeDetector.Box::area))
                .map(b -> new FaceBox((float) (b.x() / shrink), (float) (b.y() / shrink),
                        (float) ((b.x() + b.width()) / shrink), (float) ((b.y() + b.height()) / shrink)));
    }

    @Override
    public void close() {
        detector.close();
    }
}
