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

    /**
     * One second of 16 kHz mono PCM with a chunk {@code id} declaring {@code declaredLength} bytes (as an
     * unsigned 32-bit value) before the data chunk, the way a corrupt or hostile file would.
     */
    static byte[] withChunkBeforeData(String id, long declaredLength) {
        byte[] pcm = new byte[32_000];
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 12 + 8 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000)
                .putShort((short) 2).putShort((short) 16);
        b.put(id.getBytes()).putInt((int) declaredLength).put("abcd".getBytes());
        b.put("data".getBytes()).putInt(pcm.length).put(pcm);
        return b.array();
    }
}
