package dittospark.media;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class StreamResamplerTest {
    private static float[] tone(int samples, int rate) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return out;
    }

    private static float[] inPieces(float[] samples, int piece, int from, int to) {
        float[] out = new float[0];
        try (StreamResampler stream = new StreamResampler(from, to)) {
            for (int at = 0; at < samples.length; at += piece) {
                out = concat(out, stream.push(samples, at, Math.min(piece, samples.length - at)));
            }
            return concat(out, stream.finish());
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aStreamGivesExactlyItsLengthAtTheNewRate() {
        assertThat(inPieces(tone(44_101, 44_100), 1_000, 44_100, 16_000)).as("samples of 44101 at 16 kHz")
                .hasSize((int) Math.ceil(44_101 * 16_000 / 44_100.0));
    }

    @Test
    void piecesOfAnySizeGiveTheSamplesOfTheWholeRecording() {
        float[] tone = tone(100_000, 24_000);
        assertThat(inPieces(tone, 937, 24_000, 16_000)).as("resampled in pieces of 937")
                .containsExactly(StreamResampler.whole(tone, 24_000, 16_000));
    }
}
