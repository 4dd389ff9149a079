package dittospark.video;

import dittospark.audio.DecodedAudio;
import dittospark.engine.RenderException;
import dittospark.image.Image;

import java.nio.file.Path;

/** The cost of encoding alone, for benchmarks: the same writer, settings and audio muxing as a render. */
public final class EncodeBaseline {
    private EncodeBaseline() {
    }

    /**
     * Writes {@code frames} copies of {@code frame} with as much silence to {@code target} and returns
     * wall-clock milliseconds per frame, opening and finishing the file included.
     */
    public static double msPerFrame(Path target, Image frame, int frames) throws RenderException {
        if (frames <= 0) {
            throw new IllegalArgumentException("frames must be positive, got " + frames);
        }
        DecodedAudio silence = DecodedAudio.silence(DecodedAudio.MODEL_RATE, 1, (double) frames / Mp4Writer.FPS);
        long start = System.nanoTime();
        try (Mp4Writer writer = Mp4Writer.open(target, frame.width(), frame.height(), silence)) {
            for (int i = 0; i < frames; i++) {
                writer.write(frame);
            }
            writer.finish();
        }
        return (System.nanoTime() - start) / 1e6 / frames;
    }
}
