package dittospark.motion;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.EnumSet;
import java.util.Set;

/**
 * Per-frame control of the motion stitch (the reference's {@code ctrl_kwargs}); a null field is not
 * set. Pose deltas are in degrees and convert that angle to degrees; pose alphas multiply the entry as
 * it is held (bins, or degrees after a delta); {@code deltaExp} adds to the expression (one value to
 * all 63, or one value each);
 * {@code vadAlpha} below 1 blends the expression towards the source; {@code fadeAlpha} fades the
 * {@code fadeOutKeys} towards the setup's fade target.
 */
public record FrameControl(Double deltaPitch, Double deltaYaw, Double deltaRoll,
                           Double alphaPitch, Double alphaYaw, Double alphaRoll,
                           float[] deltaExp, Double vadAlpha, Double fadeAlpha, Set<MotionKey> fadeOutKeys) {
    /** No control. */
    public static final FrameControl NONE = builder().build();

    public FrameControl {
        fadeOutKeys = fadeOutKeys == null ? null : Set.copyOf(fadeOutKeys);
        deltaExp = deltaExp == null ? null : deltaExp.clone();
    }

    @Override
    public float[] deltaExp() {
        return deltaExp == null ? null : deltaExp.clone();
    }

    /** Fields not set here are taken from {@code defaults} (the setup's {@code overall_ctrl_info}). */
    public FrameControl orDefaults(FrameControl defaults) {
        return new FrameControl(
                or(deltaPitch, defaults.deltaPitch), or(deltaYaw, defaults.deltaYaw), or(deltaRoll, defaults.deltaRoll),
                or(alphaPitch, defaults.alphaPitch), or(alphaYaw, defaults.alphaYaw), or(alphaRoll, defaults.alphaRoll),
                or(deltaExp, defaults.deltaExp), or(vadAlpha, defaults.vadAlpha), or(fadeAlpha, defaults.fadeAlpha),
                or(fadeOutKeys, defaults.fadeOutKeys));
    }

    public FrameControl withFadeAlpha(double alpha) {
        return new FrameControl(deltaPitch, deltaYaw, deltaRoll, alphaPitch, alphaYaw, alphaRoll,
                deltaExp, vadAlpha, alpha, fadeOutKeys);
    }

    Double delta(MotionKey pose) {
        return switch (pose) {
            case PITCH -> deltaPitch;
            case YAW -> deltaYaw;
            case ROLL -> deltaRoll;
            default -> throw new IllegalArgumentException(pose + " is not a pose angle");
        };
    }

    Double alpha(MotionKey pose) {
        return switch (pose) {
            case PITCH -> alphaPitch;
            case YAW -> alphaYaw;
            case ROLL -> alphaRoll;
            default -> throw new IllegalArgumentException(pose + " is not a pose angle");
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A frame's control as the reference's {@code ctrl_kwargs} spell it, e.g. {@code {"delta_yaw": 10}}. */
    public static FrameControl fromJson(JsonNode ctrl) {
        Builder b = builder();
        ctrl.fields().forEachRemaining(e -> {
            double v = e.getValue().asDouble();
            switch (e.getKey()) {
                case "delta_exp" -> {
                    if (e.getValue().isArray()) {
                        b.deltaExp(floats(e.getValue()));
                    } else {
                        b.deltaExp(v);
                    }
                }
                case "delta_pitch" -> b.deltaPitch(v);
                case "delta_yaw" -> b.deltaYaw(v);
                case "delta_roll" -> b.deltaRoll(v);
                case "alpha_pitch" -> b.alphaPitch(v);
                case "alpha_yaw" -> b.alphaYaw(v);
                case "alpha_roll" -> b.alphaRoll(v);
                case "vad_alpha" -> b.vadAlpha(v);
                case "fade_alpha" -> b.fadeAlpha(v);
                case "fade_out_keys" -> b.fadeOutKeys(MotionKey.setOf(e.getValue()));
                default -> throw new IllegalArgumentException("unknown control '" + e.getKey() + "'");
            }
        });
        return b.build();
    }

    private static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }

    /** Named like the reference's keyword arguments. */
    public static final class Builder {
        private Double deltaPitch;
        private Double deltaYaw;
        private Double deltaRoll;
        private Double alphaPitch;
        private Double alphaYaw;
        private Double alphaRoll;
        private float[] deltaExp;
        private Double vadAlpha;
        private Double fadeAlpha;
        private Set<MotionKey> fadeOutKeys;

        private Builder() {
        }

        public Builder deltaPitch(double v) {
            deltaPitch = v;
            return this;
        }

        public Builder deltaYaw(double v) {
            deltaYaw = v;
            return this;
        }

        public Builder deltaRoll(double v) {
            deltaRoll = v;
            return this;
        }

        public Builder alphaPitch(double v) {
            alphaPitch = v;
            return this;
        }

        public Builder alphaYaw(double v) {
            alphaYaw = v;
            return this;
        }

        public Builder alphaRoll(double v) {
            alphaRoll = v;
            return this;
        }

        /** One offset added to every expression value. */
        public Builder deltaExp(double v) {
            deltaExp = new float[] {(float) v};
            return this;
        }

        /** One offset per expression value. */
        public Builder deltaExp(float[] v) {
            if (v.length != MotionKey.EXP.size()) {
                throw new IllegalArgumentException("delta_exp needs " + MotionKey.EXP.size() + " values, got " + v.length);
            }
            deltaExp = v.clone();
            return this;
        }

        public Builder vadAlpha(double v) {
            vadAlpha = v;
            return this;
        }

        public Builder fadeAlpha(double v) {
            fadeAlpha = v;
            return this;
        }

        public Builder fadeOutKeys(Set<MotionKey> keys) {
            fadeOutKeys = keys.isEmpty() ? Set.of() : EnumSet.copyOf(keys);
            return this;
        }

        public FrameControl build() {
            return new FrameControl(deltaPitch, deltaYaw, deltaRoll, alphaPitch, alphaYaw, alphaRoll,
                    deltaExp, vadAlpha, fadeAlpha, fadeOutKeys);
        }
    }
}
