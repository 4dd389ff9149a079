package dittospark.audio;

/**
 * The window the speech encoder sees, the same for offline and online features: 10 frames of audio
 * (3 of past context, 5 current, 2 of future) plus the encoder's receptive field beyond whole frames.
 * Only the current frames become features.
 */
final class EncoderWindow {
    static final int SAMPLE_RATE = 16000;
    static final int FPS = 25;
    static final int SAMPLES_PER_FRAME = SAMPLE_RATE / FPS;
    static final int PAST = 3;
    static final int CURRENT = 5;
    static final int FUTURE = 2;
    /** Seconds per output frame, spelled as the reference spells it so offsets round the same way. */
    static final double FRAME_SECONDS = 0.04;
    private static final int RECEPTIVE_EXTRA = 80;
    static final int SAMPLES = (int) ((PAST + CURRENT + FUTURE) * FRAME_SECONDS * SAMPLE_RATE) + RECEPTIVE_EXTRA;

    private EncoderWindow() {
    }

    /** The features of one window's current frames [CURRENT][D]. */
    static float[][] features(SpeechEncoder encoder, float[] window) {
        return currentFrames(encoder.encode(window));
    }

    /** Encoder frames [-14, -4) of a window (the 5 current frames at 50 Hz), pairs averaged to 25 Hz. */
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
