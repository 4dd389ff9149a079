package dittospark.engine;

import dittospark.motion.MotionInfo;
import dittospark.motion.MotionKey;

/**
 * What the motion conditions and the first clip's {@code kp_cond} come from: the source itself, or, with
 * {@code ch_info}, another avatar, whose scale then rescales the driven motion.
 *
 * @param sc          the source keypoints of the conditions: frame 0's kp before smoothing
 * @param kpCond      the motion the first clip continues from
 * @param otherScale  the other avatar's scale, or null when the source drives itself
 */
record ConditionSource(float[][] eyeOpen, float[][] eyeBall, float[] sc, MotionInfo kpCond, Double otherScale) {

    /** The reference's own conditions: sc from the unsmoothed frame 0, kp_cond from the smoothed one. */
    static ConditionSource of(RegisteredSource source) {
        return new ConditionSource(source.eyeOpen(), source.eyeBall(), source.firstFrame().get(MotionKey.KP),
                source.motion().get(0), null);
    }

    /** Another avatar's registration, as the reference's {@code ch_info} holds it: nothing smoothed. */
    static ConditionSource otherAvatar(RegisteredSource other) {
        MotionInfo first = other.firstFrame();
        return new ConditionSource(other.eyeOpen(), other.eyeBall(), first.get(MotionKey.KP), first,
                (double) first.scale());
    }
}
