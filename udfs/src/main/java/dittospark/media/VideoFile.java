package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ImageCodec;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

/** An opened video whose frames decode to 8-bit RGB, upright as a player would show them. */
final class VideoFile implements AutoCloseable {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private final AVStream stream;
    private final DisplayRotation rotation;
    private int decoded;

    private VideoFile(Path path, FFmpegFrameGrabber grabber, AVStream stream) {
        this.path = path;
        this.grabber = grabber;
        this.stream = stream;
        this.rotation = new DisplayRotation(grabber.getDisplayRotation());
    }

    static VideoFile open(Path path) throws RenderException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            releaseQuietly(grabber);
            throw SourceReader.unreadable(path, "its content is neither a picture nor a video FFmpeg can open ("
                    + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
        String format = String.valueOf(grabber.getFormat());
        if (format.equals("image2")) {
            // FFmpeg guessed a still image from the file name alone: the content matched nothing it knows
            releaseQuietly(grabber);
            throw SourceReader.unreadable(path, "its content is neither a picture nor a video", null);
        }
        if (format.endsWith("_pipe")) {
            releaseQuietly(grabber);
            throw SourceReader.unreadable(path, "it is a " + format.substring(0, format.length() - "_pipe".length())
                    + " picture, a format we do not read", null);
        }
        AVStream stream = videoStream(grabber.getFormatContext());
        if (stream == null || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            releaseQuietly(grabber);
            throw SourceReader.unreadable(path, "it has no video stream", null);
        }
        long pixels = (long) grabber.getImageWidth() * grabber.getImageHeight();
        if (pixels > ImageCodec.MAX_PIXELS) {
            releaseQuietly(grabber);
            throw new RenderException(ErrorKind.TOO_LARGE, "cannot read source " + path + ": its frames are "
                    + grabber.getImageWidth() + "x" + grabber.getImageHeight() + " pixels, more than the "
                    + ImageCodec.MAX_PIXELS / 1_000_000 + " megapixels a source may have; scale it down first");
        }
        return new VideoFile(path, grabber, stream);
    }

    /** Width as displayed (after the stream's display rotation). */
    int width() {
        return rotation.swapsSides() ? grabber.getImageHeight() : grabber.getImageWidth();
    }

    int height() {
        return rotation.swapsSides() ? grabber.getImageWidth() : grabber.getImageHeight();
    }

    double fps() {
        return grabber.getVideoFrameRate();
    }

    /** The frame count the container declares, else one estimated from its duration and frame rate. */
    int declaredFrames() {
        if (stream.nb_frames() > 0) {
            return Math.toIntExact(stream.nb_frames());
        }
        return (int) Math.round(grabber.getLengthInTime() / 1e6 * fps());
    }

    /** The next frame, or null after the last. */
    Image next() throws RenderException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw SourceReader.unreadable(path, "decoding frame " + decoded + " failed (" + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
        if (frame == null) {
            return null;
        }
        decoded++;
        return rotation.apply(toImage(frame));
    }

    @Override
    public void close() {
        releaseQuietly(grabber);
    }

    private static Image toImage(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int row = width * 3;
        byte[] rgb = new byte[row * height];
        ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
        for (int y = 0; y < height; y++) {
            pixels.position(y * frame.imageStride);
            pixels.get(rgb, y * row, row);
        }
        return new Image(width, height, rgb);
    }

    private static AVStream videoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return stream;
            }
        }
        return null;
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // only native memory is freed here; there is nothing left to report
        }
    }
}
