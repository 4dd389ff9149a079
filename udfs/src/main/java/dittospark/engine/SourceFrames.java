package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ResizeRule;
import dittospark.media.SourceReader;
import dittospark.video.SourceKind;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A source's frames at their loading size, by number and in any order, holding at most a block of
 * them: a picture's one frame, or a video read again from its file as often as a render needs it, so
 * that memory does not grow with the video's length. The block is the last frames read; a frame
 * before it is read again with the frames just before it, so that going backwards (as a mirrored
 * playback does) reads one block per block of frames.
 */
final class SourceFrames implements AutoCloseable {
    /** A render may read a video twice at once (motion_frames): each reader's block takes a quarter of the budget. */
    private static final int BLOCKS_PER_BUDGET = 4;
    /** 40 s at 25 fps: a larger block of tiny frames would save little reading again. */
    private static final int MOST_BLOCK_FRAMES = 1000;

    private final Path file;
    private final int frameLimit;
    private final int maxSize;
    private final long budget;
    private final SourceReader reader;
    private final int width;
    private final int height;
    private final Image[] block;
    /** The block holds frames first .. first + held - 1, frame f at f % block.length. */
    private int first;
    private int held;

    private SourceFrames(Path file, int frameLimit, int maxSize, long budget, SourceReader reader, Image frame0) {
        this.file = file;
        this.frameLimit = frameLimit;
        this.maxSize = maxSize;
        this.budget = budget;
        this.reader = reader;
        this.width = frame0.width();
        this.height = frame0.height();
        long frameBytes = 3L * width * height;
        int frames = reader.kind() == SourceKind.IMAGE ? 1
                : (int) Math.max(1, Math.min(MOST_BLOCK_FRAMES, budget / BLOCKS_PER_BUDGET / frameBytes));
        this.block = new Image[frames];
        keep(frame0);
    }

    /**
     * Opens {@code file}, reading at most {@code frameLimit} frames when that is positive (template_n_frames)
     * and loading each at {@code maxSize}; a source whose one frame takes more than {@code budget} bytes at
     * that size is too large.
     */
    static SourceFrames open(Path file, int frameLimit, int maxSize, long budget) throws RenderException {
        SourceReader reader = SourceReader.open(file, frameLimit);
        try {
            Image frame0 = reader.next().map(f -> ResizeRule.apply(f, maxSize)).orElseThrow(() -> new RenderException(
                    ErrorKind.SOURCE_UNREADABLE, "cannot read source " + file + ": it has no frames"));
            long frameBytes = 3L * frame0.width() * frame0.height();
            if (frameBytes > budget) {
                throw new RenderException(ErrorKind.TOO_LARGE, "the source " + file + " has frames of "
                        + frame0.width() + "x" + frame0.height() + " (" + frameBytes / (1 << 20) + " MB each), more than the "
                        + budget / (1 << 20) + " MB one row may hold of its source; use a smaller max_size, or give"
                        + " the JVM more memory");
            }
            return new SourceFrames(file, frameLimit, maxSize, budget, reader, frame0);
        } catch (Throwable t) {
            reader.close();
            throw t;
        }
    }

    /** Another reader of the same frames, with a block of its own. */
    SourceFrames another() throws RenderException {
        return open(file, frameLimit, maxSize, budget);
    }

    SourceKind kind() {
        return reader.kind();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** How many frames the block holds at most. */
    int blockFrames() {
        return block.length;
    }

    /** Frame {@code k}, or empty when the source has no more than {@code k} frames. */
    Optional<Image> frame(int k) throws RenderException {
        if (k < 0) {
            throw new IllegalArgumentException("no frame " + k);
        }
        if (k < first || k > first + held) {
            int from = k < first ? Math.max(0, k - block.length + 1) : k;
            reader.seek(from);
            first = from;
            held = 0;
        }
        while (k >= first + held) {
            Optional<Image> next = reader.next();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            keep(ResizeRule.apply(next.get(), maxSize));
        }
        return Optional.of(block[k % block.length]);
    }

    /** Frame {@code k} once more; one read before, so a file that no longer has it is unreadable. */
    Image again(int k) throws RenderException {
        return frame(k).orElseThrow(() -> new RenderException(ErrorKind.SOURCE_UNREADABLE, "cannot read source "
                + file + ": its frame " + k + " no longer reads"));
    }

    private void keep(Image frame) {
        if (held == block.length) {
            first++;
            held--;
        }
        block[(first + held) % block.length] = frame;
        held++;
    }

    @Override
    public void close() {
        reader.close();
    }
}
