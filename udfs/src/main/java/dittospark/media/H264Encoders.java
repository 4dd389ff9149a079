package dittospark.media;

import dittospark.files.ScratchSpace;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * The H.264 encoders a render may use: x264 on the CPU, or NVENC next to a GPU when this FFmpeg build
 * has it and the GPU accepts it. Data-centre GPUs (A100, H100, H200) have no NVENC unit, so the choice
 * is probed once per JVM, by encoding one small frame, and falls back to x264 with one log line.
 */
public final class H264Encoders {
    public static final String X264 = "libx264";
    public static final String NVENC = "h264_nvenc";
    /** NVENC's smallest frame is 145x49 on some GPUs: the probe stays above every unit's minimum. */
    private static final int PROBE_SIZE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(H264Encoders.class);

    private static String forGpu;

    private H264Encoders() {
    }

    /** The encoder for the videos of renders on a GPU: {@link #NVENC} where it opens, else {@link #X264}. */
    public static synchronized String forGpu() {
        if (forGpu == null) {
            String why = whyNot(NVENC);
            if (why == null) {
                forGpu = NVENC;
                LOG.info("videos of GPU renders are encoded with {}", NVENC);
            } else {
                forGpu = X264;
                LOG.info("{} is not usable ({}); videos of GPU renders are encoded with {}", NVENC, why, X264);
            }
        }
        return forGpu;
    }

    /** Why {@code codec} cannot encode here, or null when it encoded a probe frame. */
    static String whyNot(String codec) {
        if (avcodec.avcodec_find_encoder_by_name(codec) == null) {
            return "this FFmpeg build has no " + codec;
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(ScratchSpace.shared("probe"), "encoder-", ".mp4");
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(probe.toFile(), PROBE_SIZE, PROBE_SIZE, 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setVideoCodecName(codec);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(Mp4Writer.FPS);
            try (Frame frame = new Frame(PROBE_SIZE, PROBE_SIZE, Frame.DEPTH_UBYTE, 3)) {
                recorder.start();
                recorder.record(frame, AV_PIX_FMT_RGB24);
                recorder.stop();
            } finally {
                recorder.release();
            }
            return null;
        } catch (FrameRecorder.Exception e) {
            return FfmpegMessages.clean(e.getMessage());
        } catch (IOException e) {
            return "no room for a probe video (" + e.getMessage() + ")";
        } finally {
            deleteQuietly(probe);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover probe of a few bytes in the scratch space harms nothing
        }
    }
}
