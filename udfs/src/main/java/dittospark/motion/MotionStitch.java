package dittospark.motion;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns one frame of generated motion and the source frame's motion into the keypoint pair the warp
 * network takes (PIPELINE.md section 7): mixes driven and source keys (relative to the first driving
 * frame when {@code relative_d}), keeps the source's expression outside lips (and eyes), blinks,
 * applies per-frame control, fades, corrects the gaze, poses the keypoints and stitches them.
 * Stateful like the reference: one instance per render, frames applied in order.
 */
public final class MotionStitch {
    private static final int[] LIP_KEYPOINTS = {6, 12, 14, 17, 19, 20};
    private static final int[] EYE_KEYPOINTS = {11, 13, 15, 16, 18};
    private static final int UNKNOWN_FRAMES = -1;
    private static final int BLINK_FRAMES_WHEN_UNKNOWN = 3000;
    private static final double GAZE_X_RATIO = 0.26;
    private static final double GAZE_Y_RATIO = 0.28;
    private static final Set<MotionKey> SCALED_BY_OTHER_AVATAR =
            Set.of(MotionKey.EXP, MotionKey.PITCH, MotionKey.YAW, MotionKey.ROLL);

    private final MotionStitchSettings settings;
    private final Stitcher stitcher;
    private final Map<MotionKey, Double> weights;
    /** exp = exp_d * keepDriven + exp_s * keepSource + blink * addBlink, per expression value. */
    private final float[] keepDriven = new float[MotionKey.EXP.size()];
    private final float[] keepSource = new float[MotionKey.EXP.size()];
    private final float[] addBlink = new float[MotionKey.EXP.size()];
    private final int[] blinkRows;

    private boolean scaleRatioPending;
    private MotionInfo d0;
    private MotionInfo fadeTarget;
    private double[] sourceYawPitch;
    private float[] sourceKeypoints;

    private MotionStitch(MotionStitchSettings settings, Stitcher stitcher) {
        this.settings = settings;
        this.stitcher = stitcher;
        this.weights = new EnumMap<>(settings.useDKeys());
        for (int kp : LIP_KEYPOINTS) {
            fill(keepDriven, kp, 1f);
        }
        if (settings.driveEye()) {
            for (int kp : EYE_KEYPOINTS) {
                fill(settings.blinks() ? addBlink : keepDriven, kp, 1f);
            }
        }
        for (int i = 0; i < keepSource.length; i++) {
            keepSource[i] = (1f - keepDriven[i]) + keepDriven[i] * addBlink[i];
            keepDriven[i] *= 1f - addBlink[i];
        }
        blinkRows = settings.blinks()
                ? settings.deltaEyeOpenN().indices(settings.nD() == UNKNOWN_FRAMES ? BLINK_FRAMES_WHEN_UNKNOWN : settings.nD(),
                        settings.deltaEyeArr().length, settings.blinkRandom())
                : null;
    }

    /**
     * Prepares a render. {@code sourceInfo} is the first source frame's motion (may be null); for an
     * image source it fixes the source keypoints, pose and fade target once. {@code stitcher} may be
     * null when {@code flag_stitching} is off.
     */
    public static MotionStitch setup(MotionStitchSettings settings, MotionInfo sourceInfo, Stitcher stitcher) {
        if (settings.flagStitching() && stitcher == null) {
            throw new IllegalArgumentException("flag_stitching needs a stitcher");
        }
        MotionStitch stitch = new MotionStitch(settings, stitcher);
        if (settings.isImageFlag() && sourceInfo != null) {
            stitch.sourceYawPitch = yawPitch(sourceInfo);
            stitch.sourceKeypoints = PoseMath.transformKeypoints(sourceInfo);
            if (settings.fadeType() == FadeType.S) {
                stitch.fadeTarget = sourceInfo;
            }
        }
        if (settings.chInfoScale() != null) {
            if (sourceInfo != null) {
                stitch.scaleWeights(sourceInfo);
            } else {
                stitch.scaleRatioPending = true;
            }
        }
        return stitch;
    }

    /**
     * Takes the driving motion relative to {@code d0} from the first frame on, instead of relative to
     * the first frame's own motion: online, d0 is the motion of the silent lead-in
     * ({@link OnlineMotion#d0}). As in the reference, a d0 given here applies even without
     * {@code relative_d}.
     */
    public void useD0(MotionInfo d0) {
        this.d0 = d0;
    }

    /**
     * Output frame {@code frameIndex}: {@code sourceInfo} is the motion of the source frame it is put
     * back into, {@code drivingInfo} the generated motion, {@code ctrl} this frame's control (fields not
     * set fall back to {@code overall_ctrl_info}).
     */
    public StitchedKeypoints apply(MotionInfo sourceInfo, MotionInfo drivingInfo, int frameIndex, FrameControl ctrl) {
        FrameControl control = withFadeRamp(ctrl, frameIndex).orDefaults(settings.overallCtrlInfo());
        if (scaleRatioPending) {
            scaleWeights(sourceInfo);
            scaleRatioPending = false;
        }
        if (settings.relativeD() && d0 == null) {
            d0 = drivingInfo;
        }
        EnumMap<MotionKey, float[]> x = mix(sourceInfo, drivingInfo);
        x.put(MotionKey.EXP, keepExpression(x.get(MotionKey.EXP), sourceInfo.view(MotionKey.EXP), frameIndex));

        Double vad = control.vadAlpha();
        if (vad != null && vad < 1) {
            x.put(MotionKey.EXP, FloatOps.blend(x.get(MotionKey.EXP), vad, sourceInfo.view(MotionKey.EXP), 1 - vad));
        }
        applyControl(x, control);

        if (settings.fadeType() == FadeType.D0 && fadeTarget == null) {
            fadeTarget = MotionInfo.of(x);
        }
        if (control.fadeAlpha() != null && settings.fadeType() != FadeType.NONE) {
            fade(x, fadeTargetFor(sourceInfo), control.fadeAlpha(),
                    control.fadeOutKeys() != null ? control.fadeOutKeys() : settings.fadeOutKeys());
        }
        if (settings.driveEye()) {
            if (sourceYawPitch == null) {
                sourceYawPitch = yawPitch(sourceInfo);
            }
            fixGaze(x);
        }

        float[] xS = sourceKeypoints;
        if (xS == null) {
            xS = PoseMath.transformKeypoints(sourceInfo);
            if (settings.isImageFlag()) {
                sourceKeypoints = xS;
            }
        }
        float[] xD = PoseMath.transformKeypoints(MotionInfo.owning(x));
        if (settings.flagStitching()) {
            xD = stitcher.stitch(xS.clone(), xD);
            if (xD.length != xS.length) {
                throw new IllegalStateException("stitcher returned " + xD.length + " values, expected " + xS.length);
            }
        }
        return new StitchedKeypoints(xS.clone(), xD);
    }

    /** ch_info: another avatar's statistics drive this one, so its pose and expression scale over. */
    private void scaleWeights(MotionInfo sourceInfo) {
        double ratio = settings.chInfoScale() / (double) sourceInfo.scale();
        if (ratio == 1) {
            return;
        }
        weights.replaceAll((k, w) -> SCALED_BY_OTHER_AVATAR.contains(k) ? w * ratio : w);
    }

    /** Driven keys follow the driving motion (relative to d0, weighted); all others are the source's. */
    private EnumMap<MotionKey, float[]> mix(MotionInfo source, MotionInfo driving) {
        EnumMap<MotionKey, float[]> x = new EnumMap<>(MotionKey.class);
        for (MotionKey k : driving.keys()) {
            x.put(k, d0 == null ? driving.view(k)
                    : FloatOps.offset(source.view(k), driving.view(k), d0.view(k), weights.getOrDefault(k, 1.0)));
        }
        for (MotionKey k : source.keys()) {
            if (!x.containsKey(k) || !weights.containsKey(k)) {
                x.put(k, source.view(k));
            }
        }
        if (d0 == null) {
            weights.forEach((k, w) -> x.computeIfPresent(k, (key, v) -> FloatOps.times(v, w)));
        }
        return x;
    }

    private float[] keepExpression(float[] driven, float[] source, int frameIndex) {
        float[] blink = blinkRows == null ? new float[driven.length]
                : settings.deltaEyeArr()[blinkRows[frameIndex % blinkRows.length]];
        float[] out = new float[driven.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = driven[i] * keepDriven[i] + source[i] * keepSource[i] + blink[i] * addBlink[i];
        }
        return out;
    }

    private static void applyControl(EnumMap<MotionKey, float[]> x, FrameControl control) {
        for (MotionKey pose : new MotionKey[] {MotionKey.PITCH, MotionKey.YAW, MotionKey.ROLL}) {
            Double delta = control.delta(pose);
            if (delta != null) {
                x.put(pose, new float[] {PoseMath.degrees(x.get(pose)) + (float) (double) delta});
            }
        }
        for (MotionKey pose : new MotionKey[] {MotionKey.PITCH, MotionKey.YAW, MotionKey.ROLL}) {
            Double alpha = control.alpha(pose);
            if (alpha != null) {
                x.put(pose, FloatOps.times(x.get(pose), alpha));
            }
        }
        if (control.deltaExp() != null) {
            x.put(MotionKey.EXP, FloatOps.plus(x.get(MotionKey.EXP), control.deltaExp()));
        }
    }

    private MotionInfo fadeTargetFor(MotionInfo sourceInfo) {
        if (settings.fadeType() == FadeType.D0 || fadeTarget != null) {
            return fadeTarget;
        }
        if (settings.isImageFlag()) {
            fadeTarget = sourceInfo;
        }
        return sourceInfo;
    }

    private static void fade(EnumMap<MotionKey, float[]> x, MotionInfo target, double alpha, Set<MotionKey> keys) {
        for (MotionKey k : keys) {
            if (k != MotionKey.KP) {
                x.put(k, FloatOps.blend(x.get(k), alpha, target.view(k), 1 - alpha));
            }
        }
    }

    /** Moves the eyes' expression with the head turn relative to the source, as the reference does. */
    private void fixGaze(EnumMap<MotionKey, float[]> x) {
        double dx = (PoseMath.degrees(x.get(MotionKey.YAW)) - sourceYawPitch[0]) * GAZE_X_RATIO;
        double dy = (PoseMath.degrees(x.get(MotionKey.PITCH)) - sourceYawPitch[1]) * GAZE_Y_RATIO;
        float[] exp = x.get(MotionKey.EXP).clone();
        exp[33] += (float) (dx * (dx > 0 ? 0.0007 : 0.001));
        exp[45] += (float) (dx * (dx > 0 ? 0.001 : 0.0007));
        exp[34] += (float) (dy * -0.001);
        exp[46] += (float) (dy * -0.001);
        x.put(MotionKey.EXP, exp);
    }

    /** The pipeline's fade_in/fade_out ramps override this frame's fade_alpha. */
    private FrameControl withFadeRamp(FrameControl ctrl, int frame) {
        FrameControl out = ctrl;
        int fadeIn = settings.fadeIn();
        if (fadeIn > 0 && frame < fadeIn) {
            out = out.withFadeAlpha(frame / (double) fadeIn);
        }
        int fadeOut = settings.fadeOut();
        int last = settings.nD() - 1;
        if (fadeOut > 0 && frame >= last - fadeOut && frame <= last) {
            out = out.withFadeAlpha(Math.max((last - frame) / (double) fadeOut, 0));
        }
        return out;
    }

    private static double[] yawPitch(MotionInfo info) {
        return new double[] {PoseMath.degrees(info.view(MotionKey.YAW)), PoseMath.degrees(info.view(MotionKey.PITCH))};
    }

    private static void fill(float[] perValue, int keypoint, float v) {
        for (int j = 0; j < 3; j++) {
            perValue[keypoint * 3 + j] = v;
        }
    }
}
