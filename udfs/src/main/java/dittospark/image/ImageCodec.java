package dittospark.image;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR_RGB;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/** Still-image files (png, jpeg, webp, bmp) recognised by their content and decoded with OpenCV. */
public final class ImageCodec {
    /** Bytes of a file's start that {@link #recognises} needs. */
    public static final int HEADER_BYTES = 12;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] BMP = {'B', 'M'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private ImageCodec() {
    }

    /** Whether a file starting with {@code header} is a png, jpeg, webp or bmp picture, whatever its name says. */
    public static boolean recognises(byte[] header) {
        return startsWith(header, 0, PNG) || startsWith(header, 0, JPEG) || startsWith(header, 0, BMP)
                || (startsWith(header, 0, RIFF) && startsWith(header, 8, WEBP));
    }

    /**
     * The most pixels a source picture may declare: 100 megapixels decode to 300 MB of RGB, well within
     * an executor; OpenCV's own bound (2^30 pixels) would let a 3 GB allocation through.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    /** A picture whose header declares more than {@link #MAX_PIXELS}. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * Decodes a picture to RGB the way OpenCV's {@code imread} does (EXIF orientation applied, alpha
     * dropped, grey expanded, 16-bit reduced to 8). The declared size is checked before decoding.
     */
    public static Image read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Optional<PictureSize.Size> declared = PictureSize.of(bytes);
        if (declared.isPresent() && declared.get().pixels() > MAX_PIXELS) {
            throw new TooLargeException("it declares a picture of " + declared.get().width() + "x"
                    + declared.get().height() + " pixels, more than the " + MAX_PIXELS / 1_000_000
                    + " megapixels a source may have; scale it down first");
        }
        try (Mat encoded = Mats.bytes(bytes); Mat decoded = imdecode(encoded, IMREAD_COLOR_RGB)) {
            if (decoded == null || decoded.empty() || decoded.type() != CV_8UC3 || !decoded.isContinuous()) {
                throw new IOException(file + " is not a picture OpenCV can decode");
            }
            return Mats.image(decoded);
        } catch (RuntimeException e) {
            // OpenCV reports a corrupt or oversized header as a failed assertion
            throw new IOException("OpenCV cannot decode it: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int error = text.indexOf("error: ");
        return (error >= 0 ? text.substring(error + 7) : text).lines().findFirst().orElse(text);
    }

    private static boolean startsWith(byte[] header, int offset, byte[] magic) {
        return header.length >= offset + magic.length
                && Arrays.equals(header, offset, offset + magic.length, magic, 0, magic.length);
    }
}
