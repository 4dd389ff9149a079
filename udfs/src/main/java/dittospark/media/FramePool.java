package dittospark.media;

import dittospark.image.FrameBuffer;
import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The frame buffers a {@link Mp4Writer} encodes from without copying: each is the memory of one of its
 * own frames. A buffer is taken, filled and handed to {@link Mp4Writer#write(FrameBuffer)}, which gives it
 * back once encoded; {@link #take()} waits while every buffer is out. Made on first use, up to the
 * pool's size, and freed with the writer. A pool {@link #of its own} serves frames that go to no encoder.
 */
public final class FramePool implements AutoCloseable {
    private final int width;
    private final int height;
    private final int size;
    private final BlockingQueue<FrameBuffer> free;
    private final Map<FrameBuffer, Frame> frames = new IdentityHashMap<>();

    FramePool(int width, int height, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a frame pool needs at least one buffer, got " + size);
        }
        this.width = width;
        this.height = height;
        this.size = size;
        this.free = new ArrayBlockingQueue<>(size);
    }

    /** {@code size} buffers of {@code width} x {@code height} for frames no encoder takes; given back by {@link #giveBack}. */
    public static FramePool of(int width, int height, int size) {
        return new FramePool(width, height, size);
    }

    /** A buffer of the video's size whose pixels are whatever it held last; waits while all are in use. */
    public FrameBuffer take() throws InterruptedException {
        FrameBuffer buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        synchronized (frames) {
            if (frames.size() < size) {
                Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
                buffer = new FrameBuffer(width, height, frame.imageStride, (ByteBuffer) frame.image[0]);
                frames.put(buffer, frame);
                return buffer;
            }
        }
        return free.take();
    }

    /** The frame whose memory {@code buffer} is. */
    Frame frameOf(FrameBuffer buffer) {
        synchronized (frames) {
            Frame frame = frames.get(buffer);
            if (frame == null) {
                throw new IllegalArgumentException("the frame buffer is not one of this video's");
            }
            return frame;
        }
    }

    /** Returns a buffer taken from this pool; {@link Mp4Writer#write(FrameBuffer)} does it for its own. */
    public void giveBack(FrameBuffer buffer) {
        if (!free.offer(buffer)) {
            throw new IllegalStateException("more frame buffers given back than were lent");
        }
    }

    @Override
    public void close() {
        synchronized (frames) {
            frames.values().forEach(Frame::close);
            frames.clear();
        }
        free.clear();
    }
}
