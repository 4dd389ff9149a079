package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ImageCodec;
import dittospark.video.SourceKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frames of a source portrait: a picture (one frame) or a video, told apart by content rather than
 * by file name. Frames are 8-bit RGB at the source's own size.
 */
public final class SourceReader implements AutoCloseable {
    private final Path source;
    private final Image image;
    private final VideoFile video;
    private final int frameLimit;
    private int delivered;

    private SourceReader(Path source, Image image, VideoFile video, int frameLimit) {
        this.source = source;
        this.image = image;
        this.video = video;
        this.frameLimit = frameLimit;
    }

    /** Opens {@code source}; a video delivers at most {@code frameLimit} frames when that is positive (template_n_frames). */
    public static SourceReader open(Path source, int frameLimit) throws RenderException {
        if (isImage(source)) {
            return new SourceReader(source, readImage(source), null, frameLimit);
        }
        return new SourceReader(source, null, VideoFile.open(source), frameLimit);
    }

    public SourceKind kind() {
        return video == null ? SourceKind.IMAGE : SourceKind.VIDEO;
    }

    /** The next frame, or empty after the last (or after {@code frameLimit} frames). */
    public Optional<Image> next() throws RenderException {
        if (frameLimit > 0 && delivered >= frameLimit) {
            return Optional.empty();
        }
        Image next = video == null ? (delivered == 0 ? image : null) : video.next();
        if (next == null) {
            return Optional.empty();
        }
        delivered++;
        return Optional.of(next);
    }

    /**
     * Makes frame {@code frame} (from 0) the one {@link #next} delivers, with the same pixels as the first
     * time: a way back to frames already read without holding them.
     */
    public void seek(int frame) throws RenderException {
        if (frame < 0 || (video == null && frame > 0)) {
            throw new IllegalArgumentException("no frame " + frame + " in source " + source);
        }
        if (video != null) {
            video.seek(frame);
        }
        delivered = frame;
    }

    /** Every remaining frame; a source without a single frame is unreadable. */
    public List<Image> readAll() throws RenderException {
        List<Image> frames = new ArrayList<>();
        for (Optional<Image> frame = next(); frame.isPresent(); frame = next()) {
            frames.add(frame.get());
        }
        if (delivered == 0) {
            throw unreadable(source, "it has no frames", null);
        }
        return frames;
    }

    @Override
    public void close() {
        if (video != null) {
            video.close();
        }
    }

    /** Whether the file's content is a picture format we decode; missing files are reported as unreadable. */
    static boolean isImage(Path source) throws RenderException {
        if (!Files.isRegularFile(source)) {
            throw unreadable(source, "it does not exist or is not a file", null);
        }
        try (InputStream in = Files.newInputStream(source)) {
            return ImageCodec.recognises(in.readNBytes(ImageCodec.HEADER_BYTES));
        } catch (IOException e) {
            throw unreadable(source, e.toString(), e);
        }
    }

    static Image readImage(Path source) throws RenderException {
        try {
            return ImageCodec.read(source);
        } catch (ImageCodec.TooLargeException e) {
            throw new RenderException(ErrorKind.TOO_LARGE, "cannot read source " + source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(source, e.getMessage(), e);
        }
    }

    static RenderException unreadable(Path source, String why, Throwable cause) {
        return new RenderException(ErrorKind.SOURCE_UNREADABLE, "cannot read source " + source + ": " + why
                + "; a source must be a picture (png, jpg, webp, bmp, tiff) or a video (mp4, mov, mkv, webm)", cause);
    }
}
