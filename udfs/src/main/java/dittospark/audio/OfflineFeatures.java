package dittospark.audio;

/**
 * Audio features at 25 fps for a whole recording, computed the way the reference's offline path does:
 * overlapping 6480-sample chunks every 5 output frames, each contributing the encoder frames of its
 * 5 "current" frames (3 frames of past context before, 2 of future after), pairs of 50 Hz frames averaged.
 */
public final class OfflineFeatures {
    public static final int SAMPLE_RATE = EncoderWindow.SAMPLE_RATE;
    public static final int FPS = EncoderWindow.FPS;
    public static final int SAMPLES_PER_FRAME = EncoderWindow.SAMPLES_PER_FRAME;
    public static final int CHUNK = EncoderWindow.SAMPLES;
    private static final int FRONT_PAD = CHUNK - (int) ((EncoderWindow.CURRENT + EncoderWindow.FUTURE)
            * EncoderWindow.FRAME_SECONDS * SAMPLE_RATE);

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
        for (int i = 0; i < frames; i += EncoderWindow.CURRENT) {
            int start = (int) (i * EncoderWindow.FRAME_SECONDS * SAMPLE_RATE);
            float[] chunk = new float[CHUNK];
            System.arraycopy(padded, start, chunk, 0, CHUNK);
            float[][] current = EncoderWindow.features(encoder, chunk);
            for (int k = 0; k < EncoderWindow.CURRENT && i + k < frames; k++) {
                out[i + k] = current[k];
            }
        }
        return out;
    }
}
