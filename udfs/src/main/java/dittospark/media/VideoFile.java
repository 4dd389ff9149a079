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
    private final DisplayRotation rotation;
    /** The timestamps of the frames a read from the start has delivered, in that order: what tells frames apart after a seek. */
    private final FrameTimestamps timestamps = new FrameTimestamps();
    private FFmpegFrameGrabber grabber;
    private AVStream stream;
    /** The number of the frame {@link #next} delivers. */
    private int position;
    /** Frame {@code position}, already decoded by the seek that looked for it. */
    private Image found;
    /** Whether the decoder has read on from the start since it was opened, rather than from a seek. */
    private boolean fromStart = true;

    private VideoFile(Path path, FFmpegFrameGrabber grabber, AVStream stream) {
        this.path = path;
        this.grabber = grabber;
        this.stream = stream;
        this.rotation = new DisplayRotation(grabber.getDisplayRotation());
    }

    static VideoFile open(Path path) throws RenderException {
        FFmpegFrameGrabber grabber = start(path);
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
        if (found != null) {
            Image frame = found;
            found = null;
            position++;
            return frame;
        }
        Frame frame = grab(true);
        return frame == null ? null : rotation.apply(toImage(frame));
    }

    /**
     * Makes frame {@code frame} (counted from 0 in the order a read from the start delivers them) the one
     * {@link #next} delivers, with the same pixels as that read. Going forward decodes on; going back seeks
     * to the key frame before it and decodes on to the frame with its timestamp, or reads from the start
     * where the timestamps do not tell the frames apart or the seek lands elsewhere.
     */
    void seek(int frame) throws RenderException {
        if (frame < 0) {
            throw new IllegalArgumentException("no frame " + frame);
        }
        if (frame >= position) {
            if (frame > position && found != null) {
                found = null;
                position++;
            }
            while (position < frame) {
                if (grab(false) == null) {
                    throw new IllegalArgumentException("frame " + frame + " is past the end of " + path
                            + " (" + position + " frames)");
                }
            }
            return;
        }
        found = null;
        if (!timestamps.tellFramesApart() || !seekByTimestamp(frame)) {
            readFromStartTo(frame);
        }
    }

    private boolean seekByTimestamp(int frame) throws RenderException {
        long target = timestamps.get(frame);
        long start = grabber.getFormatContext().start_time();
        try {
            // JavaCV adds the container's start time to the timestamp it seeks to
            grabber.setTimestamp(target - (start == avutil.AV_NOPTS_VALUE ? 0 : start));
        } catch (FrameGrabber.Exception e) {
            return false;
        }
        fromStart = false;
        while (true) {
            Frame decoded = decode(true);
            if (decoded == null || decoded.timestamp > target) {
                return false;
            }
            if (decoded.timestamp == target) {
                found = rotation.apply(toImage(decoded));
                position = frame;
                return true;
            }
        }
    }

    private void readFromStartTo(int frame) throws RenderException {
        releaseQuietly(grabber);
        grabber = start(path);
        stream = videoStream(grabber.getFormatContext());
        fromStart = true;
        found = null;
        position = 0;
        seek(frame);
    }

    /**
     * The next frame, converted to RGB when {@code convert}; its timestamp is checked against the read from
     * the start, or added to them for a frame not read before.
     */
    private Frame grab(boolean convert) throws RenderException {
        Frame frame = decode(convert);
        if (position < timestamps.size() && (frame == null || frame.timestamp != timestamps.get(position))) {
            if (fromStart) {
                throw SourceReader.unreadable(path, "frame " + position + " no longer reads as it did; the file"
                        + " changed while it was read", null);
            }
            // the decoder after a seek does not go on as a read from the start does
            readFromStartTo(position);
            return grab(convert);
        }
        if (frame == null) {
            return null;
        }
        if (position == timestamps.size()) {
            timestamps.add(frame.timestamp);
        }
        position++;
        return frame;
    }

    private Frame decode(boolean convert) throws RenderException {
        try {
            return grabber.grabFrame(false, true, convert, false, false);
        } catch (FrameGrabber.Exception e) {
            throw SourceReader.unreadable(path, "decoding frame " + position + " failed ("
                    + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
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

    private static FFmpegFrameGrabber start(Path path) throws RenderException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            releaseQuietly(grabber);
            throw SourceReader.unreadable(path, "its content is neither a picture nor a video FFmpeg can open ("
                    + FfmpegMessages.clean(e.getMessage()) + ")", e);
        }
        return grabber;
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
