package dittospark.image;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * An OpenCV Haar cascade shipped inside the OpenCV native jar, run on a grey, histogram-equalised
 * copy of a picture. Holds native memory: close it.
 */
public final class CascadeDetector implements AutoCloseable {
    /** An axis-aligned detection in pixels of the picture given to {@link #detect}. */
    public record Box(int x, int y, int width, int height) {
        public long area() {
            return (long) width * height;
        }
    }

    private final CascadeClassifier classifier;

    private CascadeDetector(CascadeClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Loads {@code share/opencv4/haarcascades/<name>} (e.g. {@code haarcascade_frontalface_default.xml})
     * from the OpenCV jar of this platform.
     */
    public static CascadeDetector bundled(String name) {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + name;
        String xml;
        try (InputStream in = CascadeDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no cascade " + resource + " on the class path");
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CascadeClassifier classifier = new CascadeClassifier();
        try (FileStorage fs = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY)) {
            if (!classifier.read(fs.getFirstTopLevelNode())) {
                classifier.close();
                throw new IllegalStateException("OpenCV cannot read cascade " + resource);
            }
        }
        return new CascadeDetector(classifier);
    }

    /**
     * Every detection at least {@code minSize} pixels wide ({@code scaleFactor} 1.1 between scales,
     * {@code minNeighbors} overlapping hits required).
     */
    public synchronized List<Box> detect(Image image, int minSize, int minNeighbors) {
        try (Mat rgb = Mats.of(image); Mat grey = new Mat(); RectVector found = new RectVector();
             Size min = new Size(minSize, minSize); Size max = new Size()) {
            cvtColor(rgb, grey, COLOR_RGB2GRAY);
            equalizeHist(grey, grey);
            classifier.detectMultiScale(grey, found, 1.1, minNeighbors, 0, min, max);
            List<Box> boxes = new ArrayList<>();
            for (long i = 0; i < found.size(); i++) {
                try (Rect r = found.get(i)) {
                    boxes.add(new Box(r.x(), r.y(), r.width(), r.height()));
                }
            }
            return boxes;
        }
    }

    @Override
    public synchronized void close() {
        classifier.close();
    }
}
