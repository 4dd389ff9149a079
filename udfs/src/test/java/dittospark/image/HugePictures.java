package dittospark.image;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Picture files whose headers declare sizes their content does not have. */
public final class HugePictures {
    private HugePictures() {
    }

    /** A png header declaring {@code width x height}, with a few bytes of image data. */
    public static byte[] png(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]);
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12);
        b.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(b, "IHDR", ihdr.array());
        chunk(b, "IDAT", new byte[0]);
        chunk(b, "IEND", new byte[0]);
        return b.array();
    }

    private static void chunk(ByteBuffer b, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        b.putInt(data.length).put(type.getBytes()).put(data).putInt((int) crc.getValue());
    }
}
