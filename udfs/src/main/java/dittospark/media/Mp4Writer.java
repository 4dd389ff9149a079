package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.files.StagedFile;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Writes an H.264 (libx264 at crf 18 with the preset of its {@link Encoding}, or NVENC at cq 18; yuv420p)
 * mp4 at 25 fps with the
 * speech muxed as AAC. The file is written as a {@link StagedFile} and moved onto the target by
 * {@link #finish()}; closing without finishing deletes it, so a target never holds a partial video.
 * Frames come as pictures, copied into the encoder's frame, or in the writer's own {@link FramePool}
 * buffers, encoded where they lie. With a {@link LiveFolder} the same encoded packets also go, through
 * FFmpeg's tee muxer, to HLS segments in that folder as they are made: frames are encoded once.
 */
public final class Mp4Writer implements AutoCloseable {
    public static final int FPS = 25;
    /** AAC at 48 kHz: a 1024-sample AAC frame (21 ms) is shorter than a video frame, so the tracks end together. */
    static final int AAC_RATE = 48_000;
    static final int AAC_BITRATE = 128_000;
    private static final int AUDIO_BLOCK_FRAMES = 4096;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /**
     * How the video is encoded: the H.264 encoder ({@link H264Encoders}), and for x264 its speed preset
     * and its threads (0: x264 picks for the machine). NVENC encodes at the same constant quality with
     * its own balanced preset.
     */
    public record Encoding(String encoder, String preset, int threads) {
        /** x264's own defaults, for videos that are not renders. */
        public static final Encoding X264_DEFAULTS = new Encoding(H264Encoders.X264, "medium", 0);

        public Encoding {
            if (threads < 0) {
                throw new IllegalArgumentException("encoder threads must not be negative, got " + threads);
            }
            if (!encoder.equals(H264Encoders.X264) && !encoder.equals(H264Encoders.NVENC)) {
                throw new IllegalArgumentException("encoder must be " + H264Encoders.X264 + " or "
                        + H264Encoders.NVENC + ", got " + encoder);
            }
        }

        /** x264 with {@code preset} and {@code threads}. */
        public static Encoding x264(String preset, int threads) {
            return new Encoding(H264Encoders.X264, preset, threads);
        }
    }

    /** What {@link #finish()} put at the target; of a live-only video, no bytes and no digest. */
    public record Written(long bytes, String sha256) {
        public static final Written NOTHING = new Written(0, null);
    }

    /** The mp4 being written, or null for a video written to its live folder only. */
    private final StagedFile file;
    /** The mp4, or the live folder of a live-only video: what messages name. */
    private final Path target;
    private final int width;
    private final int height;
    private final AudioTrack audio;
    private final LiveFolder live;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final FloatBuffer audioBlock;
    private FramePool pool;
    private int frames;
    /** Audio sample frames handed to the encoder so far. */
    private long audioFrames;
    private boolean finished;

    private Mp4Writer(StagedFile file, int width, int height, AudioTrack audio, LiveFolder live,
                      FFmpegFrameRecorder recorder) {
        this.file = file;
        this.target = file != null ? file.target() : live.folder();
        this.width = width;
        this.height = height;
        this.audio = audio;
        this.live = live;
        this.recorder = recorder;
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        this.audioBlock = ByteBuffer.allocateDirect(AUDIO_BLOCK_FRAMES * audio.channels() * Float.BYTES)
                .order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** {@link #open(Path, int, int, DecodedAudio, Encoding)} with x264's own preset and threads. */
    public static Mp4Writer open(Path target, int width, int height, DecodedAudio audio) throws RenderException {
        return open(target, width, height, audio, Encoding.X264_DEFAULTS);
    }

    /**
     * Starts a video of {@code width} x {@code height} (both even) for {@code target}, muxing {@code audio}
     * cut or padded with silence to the length of the video.
     */
    public static Mp4Writer open(Path target, int width, int height, DecodedAudio audio, Encoding encoding)
            throws RenderException {
        return open(target, width, height, AudioTrack.of(audio), encoding, null);
    }

    /**
     * Starts a video of {@code width} x {@code height} (both even) for {@code target}, muxing {@code audio} as
     * it arrives, cut or padded with silence to the length of the video; and with {@code live} (or null)
     * written to that folder too as it is encoded. With a live folder the target may be null: the video
     * is then written to the folder only.
     */
    public static Mp4Writer open(Path target, int width, int height, AudioTrack audio, Encoding encoding,
                                 LiveFolder live) throws RenderException {
        if (target == null && live == null) {
            throw new IllegalArgumentException("a video needs an mp4 or a live folder to go to");
        }
        Path named = target != null ? target : live.folder();
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw failed(named, "video size " + width + "x" + height + " is not positive and even, as yuv420p requires",
                    null);
        }
        StagedFile file;
        try {
            file = target == null ? null : StagedFile.beside(target);
        } catch (IOException e) {
            throw failed(target, "cannot create its folder (" + e + ")", e);
        }
        FFmpegFrameRecorder recorder;
        if (live == null) {
            recorder = new FFmpegFrameRecorder(file.path().toFile(), width, height, Math.min(audio.channels(), 2));
            recorder.setFormat("mp4");
            recorder.setOption("movflags", "+faststart");
        } else {
            String mp4 = file == null ? "" : "[f=mp4:movflags=+faststart]" + file.path() + "|";
            recorder = new FFmpegFrameRecorder(mp4 + live.teeOutput(), width, height, Math.min(audio.channels(), 2));
            recorder.setFormat("tee");
            // the tee muxer does not ask for them, but both its outputs keep the codec headers out of band
            recorder.setVideoOption("flags", "+global_header");
            recorder.setAudioOption("flags", "+global_header");
            recorder.setGopSize(LiveFolder.GOP);
            // x264's look-ahead would hold each segment back by a second and more of frames
            recorder.setVideoOption("tune", "zerolatency");
        }
        recorder.setVideoCodec(AV_CODEC_ID_H264);
        recorder.setVideoCodecName(encoding.encoder());
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(FPS);
        // a bit rate would switch the encoder from constant quality to average bit rate
        recorder.setVideoBitrate(0);
        if (encoding.encoder().equals(H264Encoders.NVENC)) {
            recorder.setVideoOption("rc", "vbr");
            recorder.setVideoOption("cq", "18");
            recorder.setVideoOption("preset", "p4");
        } else {
            recorder.setVideoOption("crf", "18");
            recorder.setVideoOption("preset", encoding.preset());
            recorder.setVideoOption("threads", Integer.toString(encoding.threads()));
        }
        recorder.setAudioCodec(AV_CODEC_ID_AAC);
        recorder.setAudioCodecName("aac");
        recorder.setSampleRate(AAC_RATE);
        recorder.setAudioBitrate(AAC_BITRATE);
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            releaseQuietly(recorder);
            if (file != null) {
                file.close();
            }
            throw failed(named, "the encoder did not start (" + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
        return new Mp4Writer(file, width, height, audio, live, recorder);
    }

    /** Appends one frame (the size given to {@link #open}) and the audio that plays during it. */
    public void write(Image image) throws RenderException {
        requireUnfinished();
        if (image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("frame is " + image.width() + "x" + image.height() + ", video is "
                    + width + "x" + height);
        }
        copyInto(image, (ByteBuffer) frame.image[0], frame.imageStride);
        encode(frame);
    }

    /**
     * The buffers to fill frames in for {@link #write(FrameBuffer)}: {@code buffers} of them, as many as
     * may be on their way to the encoder at once. One pool per writer.
     */
    public FramePool framePool(int buffers) {
        if (pool != null) {
            throw new IllegalStateException("video " + target + " already has its frame pool");
        }
        pool = new FramePool(width, height, buffers);
        return pool;
    }

    /**
     * Appends the frame in {@code buffer}, one of this writer's {@link #framePool}, and the audio that plays
     * during it, then gives the buffer back to the pool.
     */
    public void write(FrameBuffer buffer) throws RenderException {
        if (pool == null) {
            throw new IllegalStateException("video " + target + " has no frame pool");
        }
        Frame pooled = pool.frameOf(buffer);
        try {
            requireUnfinished();
            encode(pooled);
        } finally {
            pool.giveBack(buffer);
        }
    }

    private void requireUnfinished() {
        if (finished) {
            throw new IllegalStateException("video " + target + " is already finished");
        }
    }

    private void encode(Frame image) throws RenderException {
        try {
            recorder.record(image, AV_PIX_FMT_RGB24);
            frames++;
            writeAudioUntil(audioFramesAt(frames), false);
        } catch (FrameRecorder.Exception e) {
            throw failed(target, "encoding frame " + frames + " failed (" + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
        if (live != null) {
            live.poll();
        }
    }

    /** Video frames written so far. */
    public int frames() {
        return frames;
    }

    /**
     * Flushes the encoders, closes the file and moves it onto the target (replacing any file there).
     * The digest is taken of the closed file, just written and so still in the page cache, rather than
     * of the bytes as the muxer writes them: {@code +faststart} rewrites the file's start at the end.
     */
    public Written finish() throws RenderException {
        if (frames == 0) {
            throw failed(target, "no frames were written", null);
        }
        try {
            writeAudioUntil(audioFramesAt(frames), true);
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw failed(target, "finishing the encode failed (" + FfmpegMessages.clean(e.getMessage()) + ")", e);
        } finally {
            releaseQuietly(recorder);
        }
        Written written = file == null ? Written.NOTHING : publish();
        if (live != null) {
            live.finished();
        }
        finished = true;
        return written;
    }

    private Written publish() throws RenderException {
        Written written;
        try {
            written = new Written(Files.size(file.path()), LocalFiles.sha256Hex(file.path()));
        } catch (IOException e) {
            throw failed(target, "cannot read the finished video back (" + e + ")", e);
        }
        try {
            file.publish();
        } catch (IOException e) {
            throw failed(target, "cannot move the finished video into place (" + e + ")", e);
        }
        return written;
    }

    /** Releases the encoder; without a successful {@link #finish()} the temporary file is deleted. */
    @Override
    public void close() {
        releaseQuietly(recorder);
        frame.close();
        if (pool != null) {
            pool.close();
        }
        if (file != null) {
            file.close();
        }
    }

    private long audioFramesAt(int videoFrames) {
        return (long) videoFrames * audio.sampleRate() / FPS;
    }

    /**
     * Feeds the encoder source audio up to sample frame {@code end}, silence past the end of a complete
     * track (or, {@code last}, of what has come): an incomplete one is fed as far as it has come.
     */
    private void writeAudioUntil(long end, boolean last) throws FrameRecorder.Exception {
        int channels = audio.channels();
        // completeness first: a track complete then holds all its frames
        boolean complete = last || audio.isComplete();
        long available = audio.frames();
        long until = complete ? end : Math.min(end, available);
        while (audioFrames < until) {
            int n = (int) Math.min(AUDIO_BLOCK_FRAMES, until - audioFrames);
            audioBlock.clear();
            int fromSource = (int) Math.max(0, Math.min(n, available - audioFrames));
            if (fromSource > 0) {
                audio.copy(audioFrames, fromSource, audioBlock);
            }
            for (int i = fromSource * channels; i < n * channels; i++) {
                audioBlock.put(0f);
            }
            audioBlock.flip();
            recorder.recordSamples(audio.sampleRate(), channels, audioBlock);
            audioFrames += n;
        }
    }

    private static void copyInto(Image image, ByteBuffer pixels, int stride) {
        byte[] rgb = image.rgb();
        int row = image.width() * 3;
        for (int y = 0; y < image.height(); y++) {
            pixels.position(y * stride);
            pixels.put(rgb, y * row, row);
        }
        pixels.position(0);
    }

    private static RenderException failed(Path target, String why, Throwable cause) {
        return new RenderException(ErrorKind.OUTPUT_FAILED, "cannot write video " + target + ": " + why, cause);
    }

    private static void releaseQuietly(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception ignored) {
            // only native memory is freed here; the outcome of the encode is already decided
        }
    }
}
