package dittospark.audio;

/** The speech feature model ({@code hubert.onnx}): a chunk of 16 kHz samples to 50 Hz feature frames. */
@FunctionalInterface
public interface SpeechEncoder {
    /**
     * @param chunk 16 kHz mono samples in [-1, 1]
     * @return features [T][D], T = (chunk.length - 400) / 320 + 1
     */
    float[][] encode(float[] chunk);
}
