package dittospark.audio;

/**
 * Audio features at 25 fps for a whole recording, computed the way the reference's offline path does:
 * overlapping 6480-sample chunks every 5 output frames, each contributing the encoder frames of its
 * 5 "current" frames (3 frames of past context before, 2 of future after), pairs of 50 Hz frames averaged.
 */
public final class OfflineFeatures {
    public static final int SAMPLE_RATE = 16000;
    public static final int FPS = 25;
    private static final int PAST = 3;
    private static final int CURRENT = 5;
    private static final int FUTURE = 2;
    /** Seconds per output frame, spelled as the reference spells it so chunk offsets round the same way. */
    private static final double FRAME_SECONDS = 0.04;
    /** The encoder's receptive field beyond a whole number of frames. */
    private static final int CHUNK_EXTRA = 80;
    public static final int CHUNK = (int) ((PAST + CURRENT + FUTURE) * FRAME_SECONDS * SAMPLE_RATE) + CHUNK_EXTRA;
    private static final int FRONT_PAD = CHUNK - (int) ((CURRENT + FUTURE) * FRAME_SECONDS * SAMPLE_RATE);

    private final SpeechEncoder encoder;

    public OfflineFeatures(SpeechEncoder encoder) {
        this.encoder = encoder;
    }

    /** Output frames for a recording: ceil(samples / 16000 * 25), the video's frame count N_d. */
    public static int frameCount(int samples) {
        return (int) Math.ceil((double) samples / SAMPLE_RATE * FPS);
    }

    /**
     * @param samples 16 kHz mono samples
     * @return features [frameCount(samples.length)][D]
     */
    public float[][] extract(float[] samples) {
        int frames = frameCount(samples.length);
        float[] padded = new float[FRONT_PAD + samples.length + CHUNK];
        System.arraycopy(samples, 0, padded, FRONT_PAD, samples.length);
        float[][] out = new float[frames][];
        for (int i = 0; i < frames; i += CURRENT) {
            int start = (int) (i * FRAME_SECONDS * SAMPLE_RATE);
            float[] chunk = new float[CHUNK];
            System.arraycopy(padded, start, chunk, 0, CHUNK);
            float[][] current = currentFrames(encoder.encode(chunk));
            for (int k = 0; k < CURRENT && i + k < frames; k++) {
                out[i + k] = current[k];
            }
        }
        return out;
    }

    /** Encoder frames [-14, -4) of a chunk (the 5 current frames at 50 Hz), pairs averaged to 25 Hz. */
    static float[][] currentFrames(float[][] encoded) {
        int from = encoded.length - 2 * (CURRENT + FUTURE);
        if (from < 0) {
            throw new IllegalArgumentException("the encoder returned " + encoded.length + " frames for a chunk, expected at least "
                    + 2 * (CURRENT + FUTURE));
        }
        float[][] out = new float[CURRENT][];
        for (int k = 0; k < CURRENT; k++) {
            float[] a = encoded[from + 2 * k];
            float[] b = encoded[from + 2 * k + 1];
            float[] row = new float[a.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (a[j] + b[j]) / 2f;
            }
            out[k] = row;
        }
        return out;
    }
}
