package dittospark.media;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

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
 * Sample-rate conversion with FFmpeg's own resampler. Its filter is pinned here rather than left to
 * library defaults so that the model input does not drift when FFmpeg changes its defaults.
 */
final class Resampler {
    private Resampler() {
    }

    /** Mono float samples at {@code fromRate} to {@code toRate}; exactly ceil(n * toRate / fromRate) samples. */
    static float[] resampleMono(float[] samples, int fromRate, int toRate) {
        int outLength = Math.toIntExact(((long) samples.length * toRate + fromRate - 1) / fromRate);
        AVChannelLayout mono = new AVChannelLayout();
        av_channel_layout_default(mono, 1);
        SwrContext swr = swr_alloc();
        float[] result = new float[outLength];
        int chunk = 1 << 16;
        // enough for one input chunk plus the filter's buffered tail; any surplus stays buffered in the resampler
        int outCapacity = Math.toIntExact((long) chunk * toRate / fromRate + 1024);
        try (FloatPointer in = new FloatPointer(chunk);
             FloatPointer out = new FloatPointer(outCapacity);
             PointerPointer<FloatPointer> inPlanes = new PointerPointer<FloatPointer>(1L).put(0, in);
             PointerPointer<FloatPointer> outPlanes = new PointerPointer<FloatPointer>(1L).put(0, out)) {
            check(swr_alloc_set_opts2(swr, mono, AV_SAMPLE_FMT_FLT, toRate, mono, AV_SAMPLE_FMT_FLT, fromRate, 0, null),
                    "configure the resampler");
            check(av_opt_set(swr, "resampler", "swr", 0), "select the resampler");
            check(av_opt_set_int(swr, "filter_size", 32, 0), "set the filter size");
            check(av_opt_set_int(swr, "phase_shift", 10, 0), "set the phase count");
            check(av_opt_set_double(swr, "cutoff", 0.97, 0), "set the cutoff");
            check(av_opt_set(swr, "filter_type", "kaiser", 0), "set the filter type");
            check(av_opt_set_int(swr, "kaiser_beta", 9, 0), "set the Kaiser beta");
            check(swr_init(swr), "initialise the resampler");

            int written = 0;
            for (int from = 0; from < samples.length; from += chunk) {
                int count = Math.min(chunk, samples.length - from);
                in.put(samples, from, count);
                int produced = check(swr_convert(swr, outPlanes, outCapacity, inPlanes, count), "resample");
                written += copy(out, produced, result, written);
            }
            for (int drained; (drained = check(swr_convert(swr, outPlanes, outCapacity, null, 0), "drain the resampler")) > 0; ) {
                written += copy(out, drained, result, written);
            }
            return result;
        } finally {
            swr_free(swr);
            av_channel_layout_uninit(mono);
            mono.close();
        }
    }

    /** Copies what fits of {@code produced} samples to {@code result} at {@code at}; returns how many it copied. */
    private static int copy(FloatPointer out, int produced, float[] result, int at) {
        int n = Math.min(produced, result.length - at);
        out.get(result, at, n);
        return n;
    }

    private static int check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg could not " + what + " (error " + ret + ")");
        }
        return ret;
    }
}
