package dittospark.media;

import java.util.Arrays;

/** The timestamps of a video's frames in decoding order, growing as frames are first read. */
final class FrameTimestamps {
    private long[] micros = new long[256];
    private int size;
    private boolean increasing = true;

    int size() {
        return size;
    }

    long get(int frame) {
        if (frame >= size) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + size + " read so far");
        }
        return micros[frame];
    }

    void add(long timestamp) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        increasing &= size == 0 || timestamp > micros[size - 1];
        micros[size++] = timestamp;
    }

    /** Whether every frame has a timestamp of its own, so that a timestamp names one frame. */
    boolean tellFramesApart() {
        return increasing;
    }
}
