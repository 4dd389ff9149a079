package dittospark.media;

import java.util.Arrays;

/**
 * Audio as decoded from its file: native sample rate and channel count, samples interleaved
 * (frame after frame, one float per channel), nominally in [-1, 1].
 */
public final class DecodedAudio {
    /** The rate the speech models hear. */
    public static final int MODEL_RATE = 16_000;

    private final int sampleRate;
    private final int channels;
    private final float[] interleaved;

    public DecodedAudio(int sampleRate, int channels, float[] interleaved) {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sample rate and channels must be positive, got " + sampleRate + " Hz, "
                    + channels + " channels");
        }
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException(interleaved.length + " samples do not split into " + channels + " channels");
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.interleaved = interleaved;
    }

    /** {@code seconds} of silence (rounded to whole sample frames). */
    public static DecodedAudio silence(int sampleRate, int channels, double seconds) {
        return new DecodedAudio(sampleRate, channels, new float[framesFor(seconds, sampleRate) * channels]);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** The samples themselves, not a copy: callers must not write to them. */
    public float[] interleaved() {
        return interleaved;
    }

    /** Samples per channel. */
    public int frames() {
        return interleaved.length / channels;
    }

    public double seconds() {
        return (double) frames() / sampleRate;
    }

    /**
     * The speech-model input: channels averaged (as the reference's loader does) and resampled to
     * {@value #MODEL_RATE} Hz; length ceil(frames * 16000 / rate).
     */
    public float[] mono16k() {
        float[] mono = downmix();
        return sampleRate == MODEL_RATE ? mono : StreamResampler.whole(mono, sampleRate, MODEL_RATE);
    }

    /** This audio with silence added before and after, each rounded to whole sample frames. */
    public DecodedAudio padded(double frontSeconds, double backSeconds) {
        if (frontSeconds < 0 || backSeconds < 0) {
            throw new IllegalArgumentException("padding must not be negative, got " + frontSeconds + " s and "
                    + backSeconds + " s");
        }
        int front = framesFor(frontSeconds, sampleRate) * channels;
        int back = framesFor(backSeconds, sampleRate) * channels;
        float[] out = new float[front + interleaved.length + back];
        System.arraycopy(interleaved, 0, out, front, interleaved.length);
        return new DecodedAudio(sampleRate, channels, out);
    }

    private float[] downmix() {
        return downmix(interleaved, 0, interleaved.length, channels);
    }

    /** The mean of the channels of {@code count} interleaved samples from {@code from}, as a new array. */
    static float[] downmix(float[] interleaved, int from, int count, int channels) {
        if (channels == 1) {
            return Arrays.copyOfRange(interleaved, from, from + count);
        }
        int n = count / channels;
        float[] mono = new float[n];
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[from + i * channels + c];
            }
            mono[i] = sum / channels;
        }
        return mono;
    }

    private static int framesFor(double seconds, int sampleRate) {
        return Math.toIntExact(Math.round(seconds * sampleRate));
    }
}
