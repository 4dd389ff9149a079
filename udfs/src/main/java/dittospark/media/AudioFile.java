package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

/** An opened audio container whose first audio stream decodes to float samples at its native rate and channels. */
final class AudioFile implements AutoCloseable {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path path;
    private final FFmpegFrameGrabber grabber;

    private AudioFile(Path path, FFmpegFrameGrabber grabber) {
        this.path = path;
        this.grabber = grabber;
    }

    static AudioFile open(Path path) throws RenderException {
        if (!Files.isRegularFile(path)) {
            throw new RenderException(ErrorKind.AUDIO_UNREADABLE, "audio file " + path + " does not exist or is not a file");
        }
        if (sizeOf(path) == 0) {
            throw new RenderException(ErrorKind.AUDIO_EMPTY, "audio file " + path + " is empty (0 bytes)");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            releaseQuietly(grabber);
            throw unreadable(path, "it is not a media file FFmpeg can read (" + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
        if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0 || grabber.getSampleRate() <= 0) {
            releaseQuietly(grabber);
            throw unreadable(path, "it has no audio stream", null);
        }
        return new AudioFile(path, grabber);
    }

    Path path() {
        return path;
    }

    int sampleRate() {
        return grabber.getSampleRate();
    }

    int channels() {
        return grabber.getAudioChannels();
    }

    /** Duration the container declares for the audio stream (or the whole file), or NaN when it declares none. */
    double declaredSeconds() {
        AVFormatContext format = grabber.getFormatContext();
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO && stream.duration() != AV_NOPTS_VALUE
                    && stream.duration() > 0) {
                return stream.duration() * avutil.av_q2d(stream.time_base());
            }
        }
        long micros = grabber.getLengthInTime();
        return micros > 0 ? micros / 1e6 : Double.NaN;
    }

    /** The next decoded block of samples, or null at the end of the stream. */
    Frame nextSamples() throws RenderException {
        try {
            return grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw unreadable(path, "decoding failed (" + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
    }

    @Override
    public void close() {
        releaseQuietly(grabber);
    }

    static RenderException unreadable(Path path, String why, Throwable cause) {
        return new RenderException(ErrorKind.AUDIO_UNREADABLE, "cannot read audio file " + path + ": " + why
                + "; supply speech as wav, flac, mp3, m4a or ogg", cause);
    }

    private static long sizeOf(Path path) throws RenderException {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw unreadable(path, e.toString(), e);
        }
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // releasing frees native memory only; nothing a caller could do about a failure here
        }
    }
}
