package dittospark.models.demo;

import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.onnx.OnnxGraph;

import java.util.Arrays;
import java.util.Map;

import static dittospark.models.demo.ContractGraph.dim;
import static dittospark.models.demo.ContractGraph.outputName;

/**
 * Audio to motion in the demo set: the audio encoder reports loudness, the motion model opens the
 * lips in proportion to it. Every audio feature channel carries the loudness; the motion model
 * reads channel 0 of its condition.
 */
final class SpeechModels {
    static final int WINDOW = 400;
    static final int HOP = 320;
    /** Loudness (RMS) below which the mouth stays at rest: the sample speech's pauses sit near 0.001. */
    static final float LOUDNESS_FLOOR = 0.01f;
    /** Lip travel per unit of loudness above the floor, in the [-1,1] crop coordinates of the keypoints. */
    static final float OPENING_GAIN = 0.25f;
    /** The widest opening, reached by loud speech (RMS ~0.19). */
    static final float MAX_OPENING = 0.045f;
    /**
     * Share of the noisy input x that stays in the translation t of x_start: a sub-pixel head sway
     * left by the diffusion noise, so that the render depends on the seed as a real model's does.
     */
    static final float SWAY = 0.01f;

    private final ModelContracts contracts;

    SpeechModels(ModelContracts contracts) {
        this.contracts = contracts;
    }

    /** Output frame t, every channel = RMS of samples [HOP*t, HOP*t + WINDOW); T = (L - WINDOW) / HOP + 1. */
    OnnxGraph hubert(ModelSpec spec) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of());
        int width = dim(spec.outputs().get(0), 1);
        float[] mean = new float[WINDOW];
        Arrays.fill(mean, 1f / WINDOW);
        String audio = spec.inputs().get(0).name();
        String power = g.node("Mul", audio, audio).out();
        String signal = g.node("Unsqueeze", power, g.ints(1)).out();
        String meanPower = g.node("Conv", signal, g.constant(mean, 1, 1, WINDOW))
                .attrInts("kernel_shape", WINDOW).attrInts("strides", HOP).out();
        String rms = g.node("Sqrt", meanPower).out();
        String column = g.node("Reshape", rms, g.ints(-1, 1)).out();
        g.node("Expand", column, g.ints(1, width)).out(outputName(spec, 0));
        return g;
    }

    /**
     * x_start = cond_frame with the lip expression replaced by an opening: upper lip keypoints move
     * up and lower ones down by clip((loudness - floor) * gain, 0, max), frame by frame. Replacing
     * rather than adding keeps the mouth a function of loudness alone although the previous clip's
     * last frame comes back as cond_frame. pred_noise = (x - sqrt(a) x_start) / sqrt(1 - a) with
     * a = alphas_cumprod[time_cond], the noise DDIM infers from x and x_start, so DDIM lands on x_start.
     * The translation t of x_start also keeps {@link #SWAY} of x, so the seed shows in the motion.
     */
    OnnxGraph lmdm(ModelSpec spec) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of(DemoConfig.CONDITION_AXIS, (long) DemoConfig.audioFeatDim(contracts)));
        int motionDim = dim(spec.input("cond_frame"), 1);
        float[] keep = new float[motionDim];
        float[] direction = new float[motionDim];
        Arrays.fill(keep, 1f);
        int expOffset = expressionOffset();
        lips(keep, direction, expOffset, CanonicalFace.UPPER_LIP_KEYPOINTS, -1f);
        lips(keep, direction, expOffset, CanonicalFace.LOWER_LIP_KEYPOINTS, 1f);
        float[] sway = new float[motionDim];
        Arrays.fill(sway, translationOffset(), expOffset, SWAY);

        String loudness = g.node("Slice", "cond", g.ints(0), g.ints(1), g.ints(2)).out();
        String aboveFloor = g.node("Sub", loudness, g.scalar(LOUDNESS_FLOOR)).out();
        String travel = g.node("Mul", aboveFloor, g.scalar(OPENING_GAIN)).out();
        String opening = g.node("Clip", travel, g.scalar(0f), g.scalar(MAX_OPENING)).out();
        String lips = g.node("Mul", opening, g.constant(direction, motionDim)).out();
        String rest = g.node("Mul", "cond_frame", g.constant(keep, motionDim)).out();
        String drift = g.node("Mul", "x", g.constant(sway, motionDim)).out();
        String xStart = g.node("Add", g.node("Add", rest, lips).out(), drift).out("x_start");

        String alphaBar = g.node("Gather", g.constant(CosineSchedule.alphasCumprod(), CosineSchedule.STEPS), "time_cond").out();
        String signalScale = g.node("Sqrt", alphaBar).out();
        String noiseScale = g.node("Sqrt", g.node("Sub", g.scalar(1f), alphaBar).out()).out();
        String noisePart = g.node("Sub", "x", g.node("Mul", xStart, signalScale).out()).out();
        g.node("Div", noisePart, noiseScale).out("pred_noise");
        return g;
    }

    /** Drops the keypoints' expression from cond_frame and sets their vertical opening direction. */
    private static void lips(float[] keep, float[] direction, int expOffset, int[] keypoints, float dy) {
        for (int k : keypoints) {
            Arrays.fill(keep, expOffset + 3 * k, expOffset + 3 * k + 3, 0f);
            direction[expOffset + 3 * k + 1] = dy;
        }
    }

    /** Where t starts in the motion vector [scale-1 | pitch | yaw | roll | t | exp]. */
    int translationOffset() {
        return 1 + 3 * dim(contracts.model("motion_extractor").outputs().get(0), 1);
    }

    /** Where exp starts in the motion vector [scale-1 | pitch | yaw | roll | t | exp]. */
    int expressionOffset() {
        ModelSpec extractor = contracts.model("motion_extractor");
        int bins = dim(extractor.outputs().get(0), 1);
        int translation = dim(extractor.outputs().get(3), 1);
        return 1 + 3 * bins + translation;
    }
}
