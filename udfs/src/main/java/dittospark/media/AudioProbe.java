package dittospark.media;

import dittospark.errors.RenderException;

import java.nio.file.Path;

/** Audio duration for planning (frame counts, reports) without decoding the whole file where the container says it. */
public final class AudioProbe {
    private AudioProbe() {
    }

    public static double seconds(Path file) throws RenderException {
        try (AudioFile audio = AudioFile.open(file)) {
            double declared = audio.declaredSeconds();
            if (!Double.isNaN(declared)) {
                return declared;
            }
        }
        return AudioDecoder.decode(file).seconds();
    }
}
