package dittospark.image;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Copies between our Java pixel arrays and OpenCV matrices, for every class of this package that calls
 * OpenCV. Every Mat returned is owned by the caller, who closes it.
 */
final class Mats {
    private Mats() {
    }

    static Mat of(Image image) {
        Mat mat = new Mat(image.height(), image.width(), CV_8UC3);
        mat.data().put(image.rgb());
        return mat;
    }

    static Mat of(FloatImage image) {
        Mat mat = new Mat(image.height(), image.width(), CV_32FC(image.channels()));
        try (FloatPointer data = new FloatPointer(mat.data())) {
            data.put(image.data());
        }
        return mat;
    }

    static Mat of(double[] values, int rows, int cols) {
        Mat mat = new Mat(rows, cols, CV_64F);
        try (DoublePointer data = new DoublePointer(mat.data())) {
            data.put(values);
        }
        return mat;
    }

    static Mat bytes(byte[] encoded) {
        Mat mat = new Mat(1, encoded.length, CV_8UC1);
        mat.data().put(encoded);
        return mat;
    }

    static Image image(Mat mat) {
        if (mat.type() != CV_8UC3) {
            throw new IllegalStateException("expected an 8-bit 3-channel matrix, got type " + mat.type());
        }
        requireContinuous(mat);
        byte[] rgb = new byte[mat.cols() * mat.rows() * 3];
        mat.data().get(rgb);
        return new Image(mat.cols(), mat.rows(), rgb);
    }

    static FloatImage floatImage(Mat mat) {
        requireContinuous(mat);
        float[] data = new float[mat.cols() * mat.rows() * mat.channels()];
        try (FloatPointer pixels = new FloatPointer(mat.data())) {
            pixels.get(data);
        }
        return new FloatImage(mat.cols(), mat.rows(), mat.channels(), data);
    }

    private static void requireContinuous(Mat mat) {
        if (!mat.isContinuous()) {
            throw new IllegalStateException("OpenCV returned a non-continuous matrix");
        }
    }
}
