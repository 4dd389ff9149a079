package dittospark.motion;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When the eyes blink: per frame, the row of the blink array ({@code delta_eye_arr}) to add, 0 while
 * the eyes stay open. The reference's {@code open_n} picks the gaps between blinks: -1 none, a
 * positive count a fixed gap, a list gaps in turn, 0 random gaps in [60, 100].
 */
public final class BlinkSchedule {
    private static final int RANDOM_GAP_MIN = 60;
    private static final int RANDOM_GAP_MAX = 100;

    private static final BlinkSchedule NONE = new BlinkSchedule(false, List.of());
    private static final BlinkSchedule RANDOM = new BlinkSchedule(true, List.of());

    private final boolean blinks;
    private final List<Integer> gaps;

    private BlinkSchedule(boolean blinks, List<Integer> gaps) {
        this.blinks = blinks;
        this.gaps = gaps;
    }

    /** The reference's integer {@code open_n}: negative none, 0 random gaps, positive a fixed gap. */
    public static BlinkSchedule of(int openN) {
        if (openN < 0) {
            return NONE;
        }
        return openN == 0 ? RANDOM : new BlinkSchedule(true, List.of(openN));
    }

    /** The reference's list {@code open_n}: gaps in turn (an empty list means random gaps). */
    public static BlinkSchedule of(List<Integer> openNs) {
        if (openNs.stream().anyMatch(g -> g < 0)) {
            throw new IllegalArgumentException("blink gaps must not be negative: " + openNs);
        }
        return openNs.isEmpty() ? RANDOM : new BlinkSchedule(true, List.copyOf(openNs));
    }

    public boolean isRandom() {
        return blinks && gaps.isEmpty();
    }

    /**
     * Blink-array row per frame over {@code frames} frames for a blink of {@code blinkFrames} rows;
     * {@code random} draws the gaps of a random schedule and may be null otherwise.
     */
    public int[] indices(int frames, int blinkFrames, RandomGenerator random) {
        int[] idx = new int[frames];
        if (!blinks) {
            return idx;
        }
        if (isRandom() && random == null) {
            throw new IllegalArgumentException("a random blink schedule needs a random generator");
        }
        int first = gaps.isEmpty() ? randomGap(random) : gaps.get(0);
        int last = gaps.isEmpty() ? randomGap(random) : gaps.get(gaps.size() - 1);
        int end = frames - Math.max(last, blinkFrames);
        int cur = first;
        int next = 1;
        while (cur < end) {
            for (int b = 0; b < blinkFrames && cur + b < frames; b++) {
                idx[cur + b] = b;
            }
            int gap = gaps.isEmpty() ? randomGap(random) : gaps.get(next++ % gaps.size());
            cur += blinkFrames + gap;
        }
        return idx;
    }

    private static int randomGap(RandomGenerator random) {
        return random.nextInt(RANDOM_GAP_MIN, RANDOM_GAP_MAX + 1);
    }
}
