package dittospark.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The width and height a png, jpeg, webp or bmp file declares, read from its header without decoding,
 * so that a file claiming an enormous picture is refused before a decoder allocates for it.
 */
public final class PictureSize {
    /** A declared size. */
    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    private PictureSize() {
    }

    /** The declared size, or empty when the header is not one of the four formats or is cut short. */
    public static Optional<Size> of(byte[] file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(file);
            if (file.length >= 24 && (file[0] & 0xFF) == 0x89 && file[1] == 'P') {
                return Optional.of(new Size(unsigned(b.order(ByteOrder.BIG_ENDIAN).getInt(16)), unsigned(b.getInt(20))));
            }
            if (file.length >= 26 && file[0] == 'B' && file[1] == 'M') {
                b.order(ByteOrder.LITTLE_ENDIAN);
                return Optional.of(new Size(Math.abs((long) b.getInt(18)), Math.abs((long) b.getInt(22))));
            }
            if (file.length >= 30 && file[0] == 'R' && file[8] == 'W') {
                return webp(b.order(ByteOrder.LITTLE_ENDIAN), file);
            }
            if (file.length >= 4 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8) {
                return jpeg(b.order(ByteOrder.BIG_ENDIAN), file);
            }
        } catch (IndexOutOfBoundsException e) {
            // a header cut short declares nothing
        }
        return Optional.empty();
    }

    private static Optional<Size> webp(ByteBuffer b, byte[] file) {
        String chunk = new String(file, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> Optional.of(new Size(1 + uint24(file, 24), 1 + uint24(file, 27)));
            case "VP8L" -> {
                long bits = unsigned(b.getInt(21));
                yield Optional.of(new Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)));
            }
            case "VP8 " -> Optional.of(new Size(b.getShort(26) & 0x3FFF, b.getShort(28) & 0x3FFF));
            default -> Optional.empty();
        };
    }

    /** Walks the segments to the first start-of-frame marker; each step moves forward by a declared length. */
    private static Optional<Size> jpeg(ByteBuffer b, byte[] file) {
        int at = 2;
        while (at + 9 < file.length) {
            if ((file[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return Optional.of(new Size(b.getShort(at + 7) & 0xFFFF, b.getShort(at + 5) & 0xFFFF));
            }
            int length = b.getShort(at + 2) & 0xFFFF;
            if (length < 2) {
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static long uint24(byte[] f, int at) {
        return (f[at] & 0xFF) | (f[at + 1] & 0xFF) << 8 | (long) (f[at + 2] & 0xFF) << 16;
    }

    private static long unsigned(int v) {
        return v & 0xFFFFFFFFL;
    }
}
