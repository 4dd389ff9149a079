package dittospark.media;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.Arrays;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

/**
 * Sample-rate conversion of mono float samples as they arrive, with FFmpeg's own resampler. Its filter
 * is pinned here rather than left to library defaults so that the model input does not drift when
 * FFmpeg changes its defaults. The whole stream comes out as exactly ceil(n * toRate / fromRate)
 * samples: the filter's delay is given back by {@link #finish()}. Not thread-safe.
 */
public final class StreamResampler implements AutoCloseable {
    private static final float[] NONE = new float[0];
    /** Input samples per call into the resampler. */
    private static final int CHUNK = 1 << 16;

    private final int fromRate;
    private final int toRate;
    private final AVChannelLayout mono = new AVChannelLayout();
    private final SwrContext swr;
    private final FloatPointer in = new FloatPointer(CHUNK);
    private final FloatPointer out;
    private final int outCapacity;
    private final PointerPointer<FloatPointer> inPlanes;
    private final PointerPointer<FloatPointer> outPlanes;
    private long taken;
    private long given;
    private boolean finished;

    public StreamResampler(int fromRate, int toRate) {
        this.fromRate = fromRate;
        this.toRate = toRate;
        // enough for one input chunk plus the filter's buffered tail; any surplus stays buffered in the resampler
        this.outCapacity = Math.toIntExact((long) CHUNK * toRate / fromRate + 1024);
        this.out = new FloatPointer(outCapacity);
        this.inPlanes = new PointerPointer<FloatPointer>(1L).put(0, in);
        this.outPlanes = new PointerPointer<FloatPointer>(1L).put(0, out);
        av_channel_layout_default(mono, 1);
        this.swr = swr_alloc();
        try {
            check(swr_alloc_set_opts2(swr, mono, AV_SAMPLE_FMT_FLT, toRate, mono, AV_SAMPLE_FMT_FLT, fromRate, 0, null),
                    "configure the resampler");
            check(av_opt_set(swr, "resampler", "swr", 0), "select the resampler");
            check(av_opt_set_int(swr, "filter_size", 32, 0), "set the filter size");
            check(av_opt_set_int(swr, "phase_shift", 10, 0), "set the phase count");
            check(av_opt_set_double(swr, "cutoff", 0.97, 0), "set the cutoff");
            check(av_opt_set(swr, "filter_type", "kaiser", 0), "set the filter type");
            check(av_opt_set_int(swr, "kaiser_beta", 9, 0), "set the Kaiser beta");
            check(swr_init(swr), "initialise the resampler");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Mono float samples at {@code fromRate} to {@code toRate}; exactly ceil(n * toRate / fromRate) samples. */
    public static float[] whole(float[] samples, int fromRate, int toRate) {
        try (StreamResampler stream = new StreamResampler(fromRate, toRate)) {
            float[] head = stream.push(samples, 0, samples.length);
            float[] tail = stream.finish();
            float[] all = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, all, head.length, tail.length);
            return all;
        }
    }

    /** The samples at {@code toRate} that {@code count} more input samples from {@code from} make ready. */
    public float[] push(float[] samples, int from, int count) {
        if (finished) {
            throw new IllegalStateException("the resampled stream has ended");
        }
        taken += count;
        Output result = new Output(limit());
        for (int at = from; at < from + count; at += CHUNK) {
            int n = Math.min(CHUNK, from + count - at);
            in.put(samples, at, n);
            result.add(check(swr_convert(swr, outPlanes, outCapacity, inPlanes, n), "resample"));
        }
        return result.samples();
    }

    /** The rest of the stream: the filter's delay drained, then silence up to the stream's exact length. */
    public float[] finish() {
        if (finished) {
            throw new IllegalStateException("the resampled stream has ended");
        }
        finished = true;
        Output result = new Output(limit());
        for (int drained; (drained = check(swr_convert(swr, outPlanes, outCapacity, null, 0), "drain the resampler")) > 0; ) {
            result.add(drained);
        }
        result.padTo(limit());
        return result.samples();
    }

    /** Output samples the input so far may give in all, less those given. */
    private int limit() {
        return Math.toIntExact((taken * toRate + fromRate - 1) / fromRate - given);
    }

    /** What one call hands out, never past the stream's exact length. */
    private final class Output {
        private final float[] samples;
        private int length;

        Output(int limit) {
            this.samples = new float[limit];
        }

        void add(int produced) {
            int n = Math.min(produced, samples.length - length);
            out.get(samples, length, n);
            length += n;
            given += n;
        }

        void padTo(int count) {
            given += count;
            length += count;
        }

        float[] samples() {
            return length == 0 ? NONE : Arrays.copyOf(samples, length);
        }
    }

    @Override
    public void close() {
        swr_free(swr);
        av_channel_layout_uninit(mono);
        mono.close();
        in.close();
        out.close();
        inPlanes.close();
        outPlanes.close();
    }

    private static int check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg could not " + what + " (error " + ret + ")");
        }
        return ret;
    }
}
