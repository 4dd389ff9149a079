package dittospark.image;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR_RGB;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Still-image files recognised by their content, as the reference's loader tells pictures from videos,
 * and decoded with OpenCV. A file of a picture format is a picture even where OpenCV cannot decode it
 * (GIF, PSD, ICO, HEIC): the reference then fails to load it, and so does a render here.
 */
public final class ImageCodec {
    /** Bytes of a file's start that {@link #recognises} needs. */
    public static final int HEADER_BYTES = 12;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] BMP = {'B', 'M'};
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] GIF = ascii("GIF8");
    private static final byte[] TIFF_LITTLE = {'I', 'I', 0x2A, 0};
    private static final byte[] TIFF_BIG = {'M', 'M', 0, 0x2A};
    private static final byte[] JPEG_XR = {'I', 'I', (byte) 0xBC};
    private static final byte[] JPEG_2000 = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};
    private static final byte[] PSD = ascii("8BPS");
    private static final byte[] ICO = {0, 0, 1, 0};
    private static final byte[] FTYP = ascii("ftyp");
    /** ISO media brands of still pictures (HEIF, AVIF); other brands of that container are videos. */
    private static final List<String> PICTURE_BRANDS = List.of("heic", "heix", "hevc", "hevx", "mif1", "msf1", "avif");

    private ImageCodec() {
    }

    /** Whether a file starting with {@code header} is in a picture format, whatever its name says. */
    public static boolean recognises(byte[] header) {
        return startsWith(header, 0, PNG) || startsWith(header, 0, JPEG) || startsWith(header, 0, BMP)
                || (startsWith(header, 0, RIFF) && startsWith(header, 8, WEBP))
                || startsWith(header, 0, GIF) || startsWith(header, 0, TIFF_LITTLE) || startsWith(header, 0, TIFF_BIG)
                || startsWith(header, 0, JPEG_XR) || startsWith(header, 0, JPEG_2000) || startsWith(header, 0, PSD)
                || startsWith(header, 0, ICO)
                || (startsWith(header, 4, FTYP) && header.length >= 12
                        && PICTURE_BRANDS.contains(new String(header, 8, 4, StandardCharsets.US_ASCII)));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
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
