package dittospark.motion;

/**
 * One denoising call of the LMDM network ({@code lmdm_v0.4_hubert.onnx}). Arrays are the model's tensors
 * flattened row-major without their leading batch axis of 1.
 */
@FunctionalInterface
public interface Lmdm {
    /**
     * @param x         noisy motion [seq * 265]
     * @param condFrame the motion the clip continues from [265]
     * @param cond      per-frame conditions [seq * C]
     * @param time      diffusion time step (the model's int64 {@code time_cond})
     */
    Prediction predict(float[] x, float[] condFrame, float[] cond, int time);

    /** The model's two outputs, each [seq * 265]. */
    record Prediction(float[] noise, float[] xStart) {
    }
}
