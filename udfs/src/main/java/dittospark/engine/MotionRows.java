package dittospark.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The motion rows of a streaming render as the motion thread makes them, handed to the frame stages
 * as frame numbers. Before the stream ends a frame is handed out only once the audio pushed so far
 * certainly lasts it ({@link #allow}), because the stream makes a few rows more than the audio lasts;
 * at the end the rows are cut to the audio's frame count, or the last one is held up to it. Thread-safe.
 */
final class MotionRows implements FramePipeline.Feed {
    private final List<float[]> rows = new ArrayList<>();
    private int allowed;
    /** The frame count once the stream has ended, -1 before. */
    private int total = -1;
    private int next;
    private Exception failure;

    synchronized void add(float[][] more) {
        rows.addAll(List.of(more));
        notifyAll();
    }

    /** The audio so far lasts at least {@code frames} frames. */
    synchronized void allow(int frames) {
        allowed = Math.max(allowed, frames);
        notifyAll();
    }

    /** The stream has ended; the video has exactly {@code frames} frames. */
    synchronized void end(int frames) {
        total = frames;
        notifyAll();
    }

    /** The motion could not be made: the next {@link #next()} throws {@code cause}. */
    synchronized void fail(Exception cause) {
        failure = cause;
        notifyAll();
    }

    /** The row of {@code frame}, one handed out by {@link #next()}. */
    synchronized float[] row(int frame) {
        return rows.get(Math.min(frame, rows.size() - 1));
    }

    @Override
    public synchronized int next() throws Exception {
        while (true) {
            if (failure != null) {
                throw failure;
            }
            if (total >= 0) {
                return next < total ? next++ : -1;
            }
            if (next < Math.min(rows.size(), allowed)) {
                return next++;
            }
            wait();
        }
    }
}
