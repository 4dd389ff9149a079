package dittospark.media;

/**
 * Audio as it arrives, at any rate and channel count, turned into the speech-model input piece by piece:
 * channels averaged and resampled to {@value DecodedAudio#MODEL_RATE} Hz as {@link DecodedAudio#mono16k}
 * does for a whole recording, so that the pieces together are what it gives. Not thread-safe.
 */
public final class ModelRateStream implements AutoCloseable {
    private final int channels;
    private final StreamResampler resampler;

    public ModelRateStream(int sampleRate, int channels) {
        this.channels = channels;
        this.resampler = sampleRate == DecodedAudio.MODEL_RATE ? null
                : new StreamResampler(sampleRate, DecodedAudio.MODEL_RATE);
    }

    /** The model samples {@code count} more interleaved samples from {@code from} make ready. */
    public float[] push(float[] interleaved, int from, int count) {
        float[] mono = DecodedAudio.downmix(interleaved, from, count, channels);
        return resampler == null ? mono : resampler.push(mono, 0, mono.length);
    }

    /** The model samples still held back by the resampler's filter. */
    public float[] finish() {
        return resampler == null ? new float[0] : resampler.finish();
    }

    @Override
    public void close() {
        if (resampler != null) {
            resampler.close();
        }
    }
}
