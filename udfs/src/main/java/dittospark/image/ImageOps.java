package dittospark.image;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * The OpenCV operations the pipeline needs, on our own pixel types. Results equal the reference's
 * because they are OpenCV's own: bilinear interpolation, constant zero border. No native memory
 * outlives a call.
 */
public final class ImageOps {
    private ImageOps() {
    }

    /**
     * Sizes OpenCV's pool for its parallel loops (warps, resizes of large frames): one pool for the
     * whole process, which OpenCV otherwise makes as large as the machine.
     */
    public static void useThreads(int threads) {
        setNumThreads(threads);
    }

    /** {@code cv2.warpAffine(src, M, (width, height), INTER_LINEAR, BORDER_CONSTANT, 0)}. */
    public static Image warpAffine(Image src, Affine m, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat()) {
            warpAffine(in, out, m, width, height);
            return Mats.image(out);
        }
    }

    /** The same warp for float pictures of any channel count (renders, masks). */
    public static FloatImage warpAffine(FloatImage src, Affine m, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat()) {
            warpAffine(in, out, m, width, height);
            return Mats.floatImage(out);
        }
    }

    private static void warpAffine(Mat in, Mat out, Affine m, int width, int height) {
        try (Mat matrix = Mats.of(m.coefficients(), 2, 3); Size size = new Size(width, height);
             Scalar zero = new Scalar(0.0)) {
            org.bytedeco.opencv.global.opencv_imgproc.warpAffine(in, out, matrix, size, INTER_LINEAR, BORDER_CONSTANT,
                    zero);
        }
    }

    /** {@code cv2.resize(src, (width, height))}: bilinear. */
    public static Image resize(Image src, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat()) {
            resize(in, out, width, height, INTER_LINEAR);
            return Mats.image(out);
        }
    }

    /** {@code cv2.resize(src, (width, height), interpolation=INTER_AREA)}: area averaging. */
    public static Image resizeArea(Image src, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat()) {
            resize(in, out, width, height, INTER_AREA);
            return Mats.image(out);
        }
    }

    /** Bilinear resize of a float picture. */
    public static FloatImage resize(FloatImage src, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat()) {
            resize(in, out, width, height, INTER_LINEAR);
            return Mats.floatImage(out);
        }
    }

    /** Area-averaging resize of a float picture. */
    public static FloatImage resizeArea(FloatImage src, int width, int height) {
        try (Mat in = Mats.of(src); Mat out = new Mat()) {
            resize(in, out, width, height, INTER_AREA);
            return Mats.floatImage(out);
        }
    }

    private static void resize(Mat in, Mat out, int width, int height, int interpolation) {
        try (Size size = new Size(width, height)) {
            org.bytedeco.opencv.global.opencv_imgproc.resize(in, out, size, 0, 0, interpolation);
        }
    }

    /** Decodes an encoded still picture (PNG, JPEG, ...) to RGB, whatever its file name says. */
    public static Image decode(byte[] encoded) {
        try (Mat bytes = Mats.bytes(encoded); Mat bgr = imdecode(bytes, IMREAD_COLOR)) {
            if (bgr == null || bgr.empty()) {
                throw new IllegalArgumentException("not a decodable picture (" + encoded.length + " bytes)");
            }
            try (Mat rgb = new Mat()) {
                cvtColor(bgr, rgb, COLOR_BGR2RGB);
                return Mats.image(rgb);
            }
        }
    }

    /** Reads and decodes a picture file to RGB. */
    public static Image read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

}
