package dittospark.motion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Motion while the audio features are still arriving, as the reference's online pipeline makes it.
 * The feature buffer starts with the features of {@code overlap_v2} frames of silence, numbered from
 * {@code -overlap_v2} for the conditions. Once {@code valid} (80 - overlap_v2) new frames are buffered,
 * every clip whose 80 features are all in runs; the first one only fixes where output starts and d0,
 * each later one hands out the rows it cross-faded (limited to the value range), which no later clip
 * changes. The end of the stream runs the last clip padded with its last feature. There is no smoothing
 * over the whole sequence, and the stream hands out a few frames more than the audio lasts (see
 * {@link #frameCount}); cutting them is the writer's business.
 *
 * <p>Not thread-safe: one instance per stream, fed from one thread.
 */
public final class OnlineMotion {
    private static final float[][] NONE = new float[0][];

    private final Audio2Motion clips;
    private final ConditionBuilder conditions;
    private final int seqFrames;
    private final int validFrames;
    private final int leadIn;
    /** Features from frame {@code bufferStart} on, lead-in included. */
    private final List<float[]> features = new ArrayList<>();
    private final List<float[]> waiting = new ArrayList<>();
    private int bufferStart;
    /** The buffer frame the next clip starts at. */
    private int nextClip;
    private float[][] motion;
    /** The sequence row the next rows handed out start at; -1 before the first clip. */
    private int handOutFrom = -1;
    private float[] d0;
    private boolean finished;

    /**
     * @param clips      an {@link Audio2Motion#online} instance, before its first clip
     * @param conditions builds a clip's conditions from its features and first frame number
     * @param leadIn     the features of {@code overlap_v2 * 640} zero samples as the offline path computes
     *                   them, one per frame of the overlap
     */
    public OnlineMotion(Audio2Motion clips, ConditionBuilder conditions, float[][] leadIn) {
        this.clips = clips;
        this.conditions = conditions;
        this.seqFrames = clips.seqFrames();
        this.validFrames = clips.validFrames();
        int overlap = seqFrames - validFrames;
        if (overlap < 1) {
            throw new IllegalArgumentException("online mode needs overlap_v2 of at least 1, got " + overlap);
        }
        if (leadIn.length != overlap) {
            throw new IllegalArgumentException("online mode cannot use overlap_v2 = " + overlap + ": "
                    + overlap + " frames of silence give " + leadIn.length + " feature frames");
        }
        this.leadIn = overlap;
        features.addAll(Arrays.asList(leadIn));
    }

    /**
     * Rows a stream of {@code featureFrames} features hands out in all: for the reference's overlap of 70,
     * F + 5 or F + 10.
     */
    public int frameCount(int featureFrames) {
        int total = leadIn + featureFrames;
        int rows = 0;
        int length = 0;
        int from = -1;
        for (int clip = 0; clip < total; ) {
            int take = total - clip < seqFrames ? total - clip : validFrames;
            length = length == 0 ? seqFrames : length + validFrames;
            if (from < 0) {
                from = length - clips.fuseLength();
            } else {
                rows += Math.max(0, Math.min(from + take, length) - from);
                from += take;
            }
            clip += take;
        }
        return rows;
    }

    /**
     * Adds feature frames to the stream.
     *
     * @return the motion rows these features completed [n][motionDim], in output order; often none
     */
    public float[][] push(float[][] frames) {
        requireOpen();
        waiting.addAll(Arrays.asList(frames));
        if (waiting.size() < validFrames) {
            return NONE;
        }
        return runClips();
    }

    /**
     * Ends the stream.
     *
     * @return the remaining motion rows, the last clip padded with its last feature
     */
    public float[][] finish() {
        requireOpen();
        finished = true;
        return runClips();
    }

    /**
     * Why a whole stream of {@code featureFrames} features handed out no row: they all fit in the first
     * clip, which only fixes where output starts.
     */
    public String noRowsReason(int featureFrames) {
        return String.format(Locale.ROOT, "online mode with overlap_v2 = %d makes no frame of %d feature frames"
                + " (%.2f s of audio): its first frame needs at least %d; use overlap_v2 = 70, the release's online"
                + " setting, or offline mode", leadIn, featureFrames, featureFrames / 25.0, validFrames);
    }

    /** The first clip's first row, limited to the value range: the stream's d0; null before the first clip. */
    public float[] d0() {
        return d0 == null ? null : d0.clone();
    }

    private float[][] runClips() {
        features.addAll(waiting);
        waiting.clear();
        List<float[]> out = new ArrayList<>();
        while (true) {
            int available = bufferStart + features.size() - nextClip;
            if (available <= 0 || (available < seqFrames && !finished)) {
                break;
            }
            int take = available < seqFrames ? available : validFrames;
            motion = clips.addClip(motion, conditions.build(clipFeatures(), nextClip - leadIn));
            nextClip += take;
            if (handOutFrom < 0) {
                handOutFrom = motion.length - clips.fuseLength();
                d0 = clips.limit(new float[][] {motion[0]})[0];
                continue;
            }
            int to = Math.min(handOutFrom + take, motion.length);
            out.addAll(Arrays.asList(clips.limit(Arrays.copyOfRange(motion, Math.min(handOutFrom, to), to))));
            handOutFrom += take;
            trimMotion();
        }
        int used = Math.min(nextClip - bufferStart, features.size());
        features.subList(0, used).clear();
        bufferStart += used;
        return out.toArray(NONE);
    }

    /** The next clip's features, the last one repeated past the end of the stream. */
    private float[][] clipFeatures() {
        float[][] clip = new float[seqFrames][];
        int first = nextClip - bufferStart;
        for (int i = 0; i < seqFrames; i++) {
            clip[i] = features.get(Math.min(first + i, features.size() - 1));
        }
        return clip;
    }

    /**
     * Keeps the last two clips' worth of rows, as the reference does: the moving mean of a wide
     * smoothing kernel sees the cut.
     */
    private void trimMotion() {
        int cut = motion.length - 2 * seqFrames;
        if (cut > 0) {
            motion = Arrays.copyOfRange(motion, cut, motion.length);
            handOutFrom -= cut;
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the feature stream has ended");
        }
    }
}
