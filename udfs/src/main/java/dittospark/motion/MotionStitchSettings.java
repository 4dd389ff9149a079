package dittospark.motion;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Options of {@link MotionStitch#setup}, named after the reference's setup keywords
 * ({@code is_image_flag}, {@code use_d_keys}, {@code relative_d}, {@code drive_eye},
 * {@code delta_eye_arr}, {@code delta_eye_open_n}, {@code N_d}, {@code fade_type},
 * {@code fade_out_keys}, {@code flag_stitching}, {@code overall_ctrl_info}, the other avatar's scale
 * of {@code ch_info}, and the pipeline's {@code fade_in}/{@code fade_out}). Defaults are the reference's.
 */
public final class MotionStitchSettings {
    private final boolean isImageFlag;
    private final Map<MotionKey, Double> useDKeys;
    private final boolean relativeD;
    private final boolean driveEye;
    private final float[][] deltaEyeArr;
    private final BlinkSchedule deltaEyeOpenN;
    private final int nD;
    private final FadeType fadeType;
    private final Set<MotionKey> fadeOutKeys;
    private final boolean flagStitching;
    private final Double chInfoScale;
    private final FrameControl overallCtrlInfo;
    private final int fadeIn;
    private final int fadeOut;
    private final RandomGenerator blinkRandom;

    private MotionStitchSettings(Builder b) {
        isImageFlag = b.isImageFlag;
        useDKeys = b.useDKeys != null ? b.useDKeys : defaultDrivenKeys(b.isImageFlag);
        relativeD = b.relativeD;
        driveEye = b.driveEye != null ? b.driveEye : b.isImageFlag;
        deltaEyeArr = b.deltaEyeArr;
        deltaEyeOpenN = b.deltaEyeOpenN;
        nD = b.nD;
        fadeType = b.fadeType;
        fadeOutKeys = b.fadeOutKeys;
        flagStitching = b.flagStitching;
        chInfoScale = b.chInfoScale;
        overallCtrlInfo = b.overallCtrlInfo;
        fadeIn = b.fadeIn;
        fadeOut = b.fadeOut;
        blinkRandom = b.blinkRandom;
        if (fadeOut > 0 && nD <= 0) {
            throw new IllegalArgumentException("fade_out needs N_d");
        }
        if (blinks() && deltaEyeOpenN.isRandom() && blinkRandom == null) {
            throw new IllegalArgumentException("random blink gaps (delta_eye_open_n 0) need blinkRandom");
        }
    }

    /** Image: exp, pitch, yaw, roll and t follow the driving motion; video: only exp. */
    private static Map<MotionKey, Double> defaultDrivenKeys(boolean image) {
        Map<MotionKey, Double> keys = new EnumMap<>(MotionKey.class);
        Set<MotionKey> driven = image
                ? Set.of(MotionKey.EXP, MotionKey.PITCH, MotionKey.YAW, MotionKey.ROLL, MotionKey.T)
                : Set.of(MotionKey.EXP);
        driven.forEach(k -> keys.put(k, 1.0));
        return keys;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isImageFlag() {
        return isImageFlag;
    }

    /** Driven keys with their weights (1 for a plain set of keys). */
    public Map<MotionKey, Double> useDKeys() {
        return Collections.unmodifiableMap(useDKeys);
    }

    public boolean relativeD() {
        return relativeD;
    }

    public boolean driveEye() {
        return driveEye;
    }

    /** Blink expression offsets, rows of 63; null when the eyes follow the driving motion. */
    float[][] deltaEyeArr() {
        return deltaEyeArr;
    }

    public BlinkSchedule deltaEyeOpenN() {
        return deltaEyeOpenN;
    }

    /** Output frames, -1 when unknown. */
    public int nD() {
        return nD;
    }

    public FadeType fadeType() {
        return fadeType;
    }

    public Set<MotionKey> fadeOutKeys() {
        return fadeOutKeys;
    }

    public boolean flagStitching() {
        return flagStitching;
    }

    /** Scale of the avatar whose statistics drive this one ({@code ch_info}), or null. */
    public Double chInfoScale() {
        return chInfoScale;
    }

    public FrameControl overallCtrlInfo() {
        return overallCtrlInfo;
    }

    public int fadeIn() {
        return fadeIn;
    }

    public int fadeOut() {
        return fadeOut;
    }

    RandomGenerator blinkRandom() {
        return blinkRandom;
    }

    /** Whether a blink array replaces the driven eyes. */
    boolean blinks() {
        return driveEye && deltaEyeArr != null;
    }

    public static final class Builder {
        private boolean isImageFlag = true;
        private Map<MotionKey, Double> useDKeys;
        private boolean relativeD = true;
        private Boolean driveEye;
        private float[][] deltaEyeArr;
        private BlinkSchedule deltaEyeOpenN = BlinkSchedule.of(-1);
        private int nD = -1;
        private FadeType fadeType = FadeType.NONE;
        private Set<MotionKey> fadeOutKeys = Set.of(MotionKey.EXP);
        private boolean flagStitching = true;
        private Double chInfoScale;
        private FrameControl overallCtrlInfo = FrameControl.NONE;
        private int fadeIn = -1;
        private int fadeOut = -1;
        private RandomGenerator blinkRandom;

        private Builder() {
        }

        public Builder isImageFlag(boolean v) {
            isImageFlag = v;
            return this;
        }

        /** Driven keys, each taking the driving motion in full. */
        public Builder useDKeys(Set<MotionKey> keys) {
            Map<MotionKey, Double> weights = new EnumMap<>(MotionKey.class);
            keys.forEach(k -> weights.put(k, 1.0));
            useDKeys = weights;
            return this;
        }

        /** Driven keys with weights on the driving motion. */
        public Builder useDKeys(Map<MotionKey, Double> weights) {
            useDKeys = new EnumMap<>(weights);
            return this;
        }

        public Builder relativeD(boolean v) {
            relativeD = v;
            return this;
        }

        public Builder driveEye(boolean v) {
            driveEye = v;
            return this;
        }

        /** Blink expression offsets, one row of 63 per blink frame. */
        public Builder deltaEyeArr(float[][] rows) {
            float[][] copy = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != MotionKey.EXP.size()) {
                    throw new IllegalArgumentException("delta_eye_arr row " + i + " has " + rows[i].length + " values");
                }
                copy[i] = rows[i].clone();
            }
            deltaEyeArr = copy;
            return this;
        }

        public Builder deltaEyeOpenN(int openN) {
            deltaEyeOpenN = BlinkSchedule.of(openN);
            return this;
        }

        public Builder deltaEyeOpenN(List<Integer> openNs) {
            deltaEyeOpenN = BlinkSchedule.of(openNs);
            return this;
        }

        public Builder nD(int v) {
            nD = v;
            return this;
        }

        public Builder fadeType(FadeType v) {
            fadeType = v;
            return this;
        }

        public Builder fadeOutKeys(Set<MotionKey> keys) {
            fadeOutKeys = Set.copyOf(keys);
            return this;
        }

        public Builder flagStitching(boolean v) {
            flagStitching = v;
            return this;
        }

        public Builder chInfoScale(double v) {
            chInfoScale = v;
            return this;
        }

        public Builder overallCtrlInfo(FrameControl v) {
            overallCtrlInfo = v;
            return this;
        }

        /** Frames over which fade_alpha ramps up from 0 at the start (-1: none). */
        public Builder fadeIn(int frames) {
            fadeIn = frames;
            return this;
        }

        /** Frames over which fade_alpha ramps down to 0 at the end (-1: none); needs N_d. */
        public Builder fadeOut(int frames) {
            fadeOut = frames;
            return this;
        }

        /** Draws the gaps of a random blink schedule. */
        public Builder blinkRandom(RandomGenerator v) {
            blinkRandom = v;
            return this;
        }

        public MotionStitchSettings build() {
            return new MotionStitchSettings(this);
        }
    }
}
