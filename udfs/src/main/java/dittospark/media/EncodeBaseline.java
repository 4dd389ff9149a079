package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The cost of encoding alone, for benchmarks: a finished video's own frames and audio through the same
 * writer and encoding as a render, so the encoder sees the same content it saw while rendering.
 */
public final class EncodeBaseline {
    private EncodeBaseline() {
    }

    /**
     * Re-encodes every frame of {@code video} (with its audio) into {@code target} and returns the
     * milliseconds per frame spent in the writer, opening and finishing included, decoding excluded.
     */
    public static double msPerFrame(Path video, Path target, Mp4Writer.Encoding encoding) throws RenderException {
        DecodedAudio audio = AudioDecoder.decode(video);
        long spent = 0;
        int frames = 0;
        try (SourceReader reader = SourceReader.open(video, 0)) {
            Optional<Image> frame = reader.next();
            if (frame.isEmpty()) {
                throw new RenderException(ErrorKind.SOURCE_UNREADABLE, video + " has no frames");
            }
            long t = System.nanoTime();
            try (Mp4Writer writer = Mp4Writer.open(target, frame.get().width(), frame.get().height(), audio,
                    encoding)) {
                spent += System.nanoTime() - t;
                while (frame.isPresent()) {
                    t = System.nanoTime();
                    writer.write(frame.get());
                    spent += System.nanoTime() - t;
                    frames++;
                    frame = reader.next();
                }
                t = System.nanoTime();
                writer.finish();
                spent += System.nanoTime() - t;
            }
        }
        return spent / 1e6 / frames;
    }
}
