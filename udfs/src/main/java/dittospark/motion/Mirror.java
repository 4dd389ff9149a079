package dittospark.motion;

/** Which source frame drives output frame i: a video source plays forward, backward, forward ... */
public final class Mirror {
    private Mirror() {
    }

    /** Source frame for output frame {@code i} (>= 0) of a source with {@code n} (>= 1) frames. */
    public static int index(int i, int n) {
        if (n < 1 || i < 0) {
            throw new IllegalArgumentException("mirror index needs i >= 0 and n >= 1, got i=" + i + ", n=" + n);
        }
        int turn = i / n;
        int r = i % n;
        return turn % 2 == 0 ? r : n - r - 1;
    }
}
