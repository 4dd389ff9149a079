package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.bytedeco.javacv.Frame;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/** Decodes any audio FFmpeg reads (wav, flac, mp3, m4a, ogg, ...) to float samples at the file's own rate and channels. */
public final class AudioDecoder {
    private AudioDecoder() {
    }

    public static DecodedAudio decode(Path file) throws RenderException {
        try (AudioFile audio = AudioFile.open(file)) {
            int channels = audio.channels();
            Samples samples = new Samples();
            for (Frame block = audio.nextSamples(); block != null; block = audio.nextSamples()) {
                if (block.samples == null) {
                    continue;
                }
                if (block.audioChannels != channels) {
                    throw AudioFile.unreadable(file, "its channel count changes from " + channels + " to "
                            + block.audioChannels + " mid-stream", null);
                }
                samples.append(block, channels);
            }
            if (samples.size == 0) {
                throw new RenderException(ErrorKind.AUDIO_EMPTY, "audio file " + file + " decodes to no samples");
            }
            return new DecodedAudio(audio.sampleRate(), channels, samples.toArray());
        }
    }

    /** A growing interleaved float array. */
    private static final class Samples {
        private float[] data = new float[1 << 16];
        private int size;

        void append(Frame block, int channels) {
            if (block.samples.length == 1) {
                FloatBuffer packed = (FloatBuffer) block.samples[0];
                int n = packed.remaining();
                ensure(n);
                packed.duplicate().get(data, size, n);
                size += n;
            } else {
                int frames = block.samples[0].remaining();
                ensure(frames * channels);
                for (int c = 0; c < channels; c++) {
                    FloatBuffer plane = ((FloatBuffer) block.samples[c]).duplicate();
                    for (int i = 0; i < frames; i++) {
                        data[size + i * channels + c] = plane.get();
                    }
                }
                size += frames * channels;
            }
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
