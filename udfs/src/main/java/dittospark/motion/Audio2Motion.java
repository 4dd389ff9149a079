package dittospark.motion;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * Turns per-frame conditions into a motion sequence [N][265] by sampling overlapping clips, cross-fading
 * each onto the sequence so far and smoothing across the seam. Each clip is conditioned on a motion
 * row of the sequence ({@code kp_cond}), which is periodically reset to the source's own motion.
 * Offline, a clip cross-fades over the whole overlap; online ({@link #online}) only over the frames a
 * clip adds, so that the rows a stream has handed out never change. Stateful: one instance per render.
 */
public final class Audio2Motion {
    /** Columns the moving mean touches: scale, pitch, yaw, roll and t; exp keeps its sampled detail. */
    private static final int SMOOTHED_COLUMNS = 202;

    private final DdimSampler sampler;
    private final MotionSettings settings;
    private final float[] sourceMotion;
    private final int seqFrames;
    private final int validFrames;
    private final int fuseLength;
    private float[] kpCond;
    private int clips;

    /**
     * Clips fused as the offline pipeline fuses them.
     *
     * @param sourceMotion the source's motion vector [motionDim] (its kp left out), the first kp_cond
     */
    public Audio2Motion(DdimSampler sampler, float[] sourceMotion, MotionSettings settings) {
        this(sampler, sourceMotion, settings, false);
    }

    /** Clips fused as the streaming pipeline fuses them, for {@link OnlineMotion}. */
    public static Audio2Motion online(DdimSampler sampler, float[] sourceMotion, MotionSettings settings) {
        return new Audio2Motion(sampler, sourceMotion, settings, true);
    }

    private Audio2Motion(DdimSampler sampler, float[] sourceMotion, MotionSettings settings, boolean online) {
        this.seqFrames = sampler.seqFrames();
        if (settings.overlap() >= seqFrames) {
            throw new IllegalArgumentException("overlap must be below the clip length " + seqFrames + ", got " + settings.overlap());
        }
        if (sourceMotion.length != sampler.motionDim()) {
            throw new IllegalArgumentException("source motion has " + sourceMotion.length + " values, expected " + sampler.motionDim());
        }
        this.sampler = sampler;
        this.settings = settings;
        this.sourceMotion = sourceMotion.clone();
        this.validFrames = seqFrames - settings.overlap();
        this.fuseLength = online ? Math.min(settings.overlap(), validFrames) : settings.overlap();
        this.kpCond = sourceMotion.clone();
    }

    int seqFrames() {
        return seqFrames;
    }

    /** Frames each clip adds to the sequence. */
    int validFrames() {
        return validFrames;
    }

    /** Rows of the sequence so far that a clip cross-fades. */
    int fuseLength() {
        return fuseLength;
    }

    /** The motion the next clip continues from. */
    public float[] kpCond() {
        return kpCond.clone();
    }

    /**
     * The offline loop: clips over {@code cond} (the last clip padded with its final row), the sequence
     * cut to the frame count, smoothed as a whole and limited to the value range.
     *
     * @param cond per-frame conditions [N][C]
     * @return motion [N][motionDim]
     */
    public float[][] offline(float[][] cond) {
        if (cond.length == 0) {
            return new float[0][];
        }
        float[][] motion = null;
        for (int idx = 0; idx < cond.length; idx += validFrames) {
            motion = addClip(motion, clipConditions(cond, idx));
        }
        motion = Arrays.copyOf(motion, cond.length);
        smooth(motion, 0, motion.length);
        return limit(motion);
    }

    /**
     * Samples one clip and fuses it onto the sequence so far, then updates kp_cond. The given sequence
     * is left untouched.
     *
     * @param motion   the sequence so far, or null before the first clip
     * @param clipCond the clip's conditions [seqFrames][C]
     * @return the longer sequence: seqFrames rows after the first clip, then validFrames more per clip
     * @throws CancellationException when this thread has been interrupted: a cancelled render stops between clips
     */
    public float[][] addClip(float[][] motion, float[][] clipCond) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted before a clip of motion");
        }
        float[][] pred = sampler.sample(kpCond, clipCond);
        float[][] result;
        if (motion == null) {
            result = pred;
            smooth(result, 0, result.length);
        } else {
            result = fuse(motion, pred);
            smooth(result, result.length - validFrames - fuseLength, result.length - validFrames + 1);
        }
        clips++;
        updateKpCond(result[result.length - settings.overlap() - 1]);
        return result;
    }

    /** Clips rows to the configured value range ({@code v_min_max_for_clip}); the input when none is set. */
    public float[][] limit(float[][] motion) {
        float[][] range = settings.valueRange();
        if (range == null) {
            return motion;
        }
        float[][] out = new float[motion.length][];
        for (int r = 0; r < motion.length; r++) {
            out[r] = new float[motion[r].length];
            for (int j = 0; j < out[r].length; j++) {
                out[r][j] = Math.min(Math.max(motion[r][j], range[0][j]), range[1][j]);
            }
        }
        return out;
    }

    private float[][] clipConditions(float[][] cond, int idx) {
        float[][] clip = new float[seqFrames][];
        for (int i = 0; i < seqFrames; i++) {
            clip[i] = cond[Math.min(idx + i, cond.length - 1)];
        }
        return clip;
    }

    /** Cross-fades the last fuseLength rows into the clip's matching rows and appends its new frames. */
    private float[][] fuse(float[][] motion, float[][] pred) {
        int predFuseStart = seqFrames - validFrames - fuseLength;
        int base = motion.length - fuseLength;
        float[][] out = Arrays.copyOf(motion, motion.length + validFrames);
        for (int i = 0; i < fuseLength; i++) {
            float alpha = (float) i / fuseLength;
            float[] old = motion[base + i];
            float[] next = pred[predFuseStart + i];
            float[] row = new float[old.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = old[j] * (1 - alpha) + next[j] * alpha;
            }
            out[base + i] = row;
        }
        System.arraycopy(pred, seqFrames - validFrames, out, motion.length, validFrames);
        return out;
    }

    /** Centred moving mean over rows [from, to), reading the rows as they were before; replaces those rows. */
    private void smooth(float[][] motion, int from, int to) {
        int k = settings.smoothKernel();
        if (k <= 1) {
            return;
        }
        float[][] before = motion.clone();
        int half = k / 2;
        for (int i = from; i < to; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(motion.length, i + half + 1);
            float[] row = before[i].clone();
            for (int j = 0; j < SMOOTHED_COLUMNS; j++) {
                float sum = 0f;
                for (int r = lo; r < hi; r++) {
                    sum += before[r][j];
                }
                row[j] = sum / (hi - lo);
            }
            motion[i] = row;
        }
    }

    private void updateKpCond(float[] last) {
        int every = settings.fixKpCond();
        if (every > 0 && clips % every == 0) {
            kpCond = sourceMotion.clone();
            int[] keep = settings.fixKpCondDim();
            if (keep != null) {
                int to = Math.min(keep[1], kpCond.length);
                System.arraycopy(last, keep[0], kpCond, keep[0], Math.max(0, to - keep[0]));
            }
        } else {
            kpCond = last.clone();
        }
    }
}
