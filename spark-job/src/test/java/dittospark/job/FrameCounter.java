package dittospark.job;

import org.bytedeco.javacv.FFmpegFrameGrabber;

import java.io.IOException;
import java.nio.file.Path;

/** Counts a video's frames by decoding them all: exact, where container metadata may not be. */
final class FrameCounter {
    private FrameCounter() {
    }

    static int count(Path video) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            return frames;
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot decode " + video + ": " + e.getMessage(), e);
        }
    }
}
