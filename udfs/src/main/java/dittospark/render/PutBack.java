package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import dittospark.image.WarpTaps;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Pastes a decoded 512x512 face into its frame, written straight into the buffer the encoder reads:
 * {@code m*render + (1-m)*frame} in float32, clipped and truncated to 8 bits, where the render is the
 * decoder's planes clipped to [0, 1] times 255, and render and mask are warped into the frame by M_c2o
 * (bilinear, black border) exactly as OpenCV warps them; the mask is clipped to [0, 1].
 *
 * <p>Which frame pixels the mask reaches and what each reads ({@link FaceGather}) is worked out once per
 * transform and frame size (once per render for a picture, per frame for a video), over the face's reach
 * alone. A frame then costs one pass over the decoder output, scaling each value once into a padded
 * interleaved render (the padding is OpenCV's black border), and one pass over its face pixels; both in
 * strips on the given threads. A buffer that already holds the same frame, pasted with the same gather,
 * keeps its background and has only its face pixels written again; any other gets the whole frame
 * first. Not thread-safe: one instance per stream.
 */
public final class PutBack implements AutoCloseable {
    private static final int CHANNELS = 3;

    private final int size;
    private final float[] weights = WarpTaps.weightTable();
    private final FaceGather gather;
    private final StripWorkers workers;
    /** The render being pasted: interleaved, 0..255, one pixel of 0 around it. */
    private final float[] render;
    private final int renderRow;
    private final Map<FrameBuffer, Painted> painted = new IdentityHashMap<>();

    /** What a buffer holds besides the face: this frame, pasted with this build of the gather. */
    private record Painted(Image frame, int build) {
    }

    /** {@code mask}: one channel, square, the size of the renders (see {@link FaceMask}); as many threads as processors. */
    public PutBack(FloatImage mask) {
        this(mask, Runtime.getRuntime().availableProcessors());
    }

    /** {@code threads}: how many threads share the pixels of a frame (the calling one among them). */
    public PutBack(FloatImage mask, int threads) {
        if (mask.channels() != 1 || mask.width() != mask.height()) {
            throw new IllegalArgumentException("a blend mask is square with one channel, got " + mask.width() + "x"
                    + mask.height() + "x" + mask.channels());
        }
        this.size = mask.width();
        this.gather = new FaceGather(mask);
        this.workers = new StripWorkers(threads);
        this.renderRow = (size + 2) * CHANNELS;
        this.render = new float[renderRow * (size + 2)];
    }

    /**
     * Writes {@code frame} with the face pasted into {@code target} (the frame's size). {@code decoded}: the
     * decoder's output, RGB planes [3, H, W] of the mask's size; {@code c2o}: crop-to-frame transform.
     */
    public void apply(Image frame, float[] decoded, Affine c2o, FrameBuffer target) throws InterruptedException {
        if (decoded.length != CHANNELS * size * size) {
            throw new IllegalArgumentException("decoder output has " + decoded.length + " values, need 3x" + size + "x"
                    + size);
        }
        int w = frame.width();
        int h = frame.height();
        if (target.width() != w || target.height() != h) {
            throw new IllegalArgumentException("frame is " + w + "x" + h + ", buffer " + target.width() + "x"
                    + target.height());
        }
        if (!gather.isFor(c2o, w, h)) {
            gather.rebuild(c2o, w, h, workers);
        }
        Painted now = new Painted(frame, gather.build());
        boolean background = !now.equals(painted.get(target));
        workers.run((index, count) -> {
            scaleRender(decoded, StripWorkers.evenStart(size, index, count), StripWorkers.evenStart(size, index + 1, count));
            if (background) {
                target.copyRows(frame, StripWorkers.evenStart(h, index, count), StripWorkers.evenStart(h, index + 1, count));
            }
        });
        painted.put(target, now);
        workers.run((index, count) -> blend(frame, target, gather.blendStrip(index, count),
                gather.blendStrip(index + 1, count)));
    }

    /** Rows y0 to y1 of the decoder output into the padded render, clipped to [0, 1] and times 255. */
    private void scaleRender(float[] decoded, int y0, int y1) {
        int plane = size * size;
        for (int c = 0; c < CHANNELS; c++) {
            for (int y = y0; y < y1; y++) {
                int from = c * plane + y * size;
                int to = (y + 1) * renderRow + CHANNELS + c;
                for (int x = 0; x < size; x++, to += CHANNELS) {
                    render[to] = Math.min(1f, Math.max(0f, decoded[from + x])) * 255f;
                }
            }
        }
    }

    /**
     * The face pixels of gather rows r0 (inclusive) to r1 (exclusive): the bilinear sums in OpenCV's order,
     * blended a row's span at a time in {@code line}, which takes the frame's own bytes where the mask is 0
     * (what the buffer holds there), then goes to the buffer in one copy.
     */
    private void blend(Image frame, FrameBuffer target, int r0, int r1) {
        int[] taps = gather.taps();
        float[] alphas = gather.alphas();
        float[] w = weights;
        float[] rgb = render;
        byte[] f = frame.rgb();
        byte[] line = new byte[frame.width() * CHANNELS];
        ByteBuffer out = target.pixels();
        int down = renderRow;
        for (int r = r0; r < r1; r++) {
            int y = gather.top() + r;
            int x0 = gather.spanFrom(r);
            int n = gather.spanTo(r) - x0;
            int p = gather.rowStart(r);
            int src = (y * frame.width() + x0) * CHANNELS;
            for (int i = 0, o = 0; i < n; i++, p++, src += CHANNELS, o += CHANNELS) {
                float a = alphas[p];
                if (a == 0f) {
                    line[o] = f[src];
                    line[o + 1] = f[src + 1];
                    line[o + 2] = f[src + 2];
                    continue;
                }
                int tp = taps[p];
                int t = WarpTaps.tap(tp) * CHANNELS;
                int e = WarpTaps.entry(tp) * 4;
                float w0 = w[e];
                float w1 = w[e + 1];
                float w2 = w[e + 2];
                float w3 = w[e + 3];
                int u = t + down;
                float red = rgb[t] * w0 + rgb[t + 3] * w1 + rgb[u] * w2 + rgb[u + 3] * w3;
                float green = rgb[t + 1] * w0 + rgb[t + 4] * w1 + rgb[u + 1] * w2 + rgb[u + 4] * w3;
                float blue = rgb[t + 2] * w0 + rgb[t + 5] * w1 + rgb[u + 2] * w2 + rgb[u + 5] * w3;
                if (a == 1f) {
                    // 1 * render + 0 * frame is the render itself, to the bit
                    line[o] = toByte(red);
                    line[o + 1] = toByte(green);
                    line[o + 2] = toByte(blue);
                } else {
                    float b = 1f - a;
                    line[o] = toByte(a * red + b * (f[src] & 0xFF));
                    line[o + 1] = toByte(a * green + b * (f[src + 1] & 0xFF));
                    line[o + 2] = toByte(a * blue + b * (f[src + 2] & 0xFF));
                }
            }
            out.put(y * target.stride() + x0 * CHANNELS, line, 0, n * CHANNELS);
        }
    }

    /** Clipped to 0..255 and truncated. */
    private static byte toByte(float v) {
        return (byte) (v <= 0f ? 0 : v >= 255f ? 255 : (int) v);
    }

    @Override
    public void close() {
        workers.close();
    }
}
