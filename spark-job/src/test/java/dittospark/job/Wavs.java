package dittospark.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Short WAV clips cut from a longer one, to keep rendering tests quick. */
final class Wavs {
    private Wavs() {
    }

    /** Writes the first {@code seconds} of the PCM WAV {@code source} to {@code target}. */
    static Path head(Path source, double seconds, Path target) throws IOException {
        byte[] wav = Files.readAllBytes(source);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int byteRate = -1;
        int blockAlign = 1;
        int at = 12;
        while (at + 8 <= wav.length) {
            int id = b.getInt(at);
            int length = b.getInt(at + 4);
            if (id == 0x20746d66) {
                byteRate = b.getInt(at + 16);
                blockAlign = b.getShort(at + 20);
            } else if (id == 0x61746164) {
                int keep = Math.min(length, (int) (byteRate * seconds) / blockAlign * blockAlign);
                byte[] out = Arrays.copyOf(wav, at + 8 + keep);
                ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
                o.putInt(4, out.length - 8);
                o.putInt(at + 4, keep);
                return Files.write(target, out);
            }
            at += 8 + length + (length & 1);
        }
        throw new IOException(source + " has no data chunk");
    }
}
