package dittospark.media;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample media folder named by the system property {@code samples.dir} (default: the repository's {@code samples/}). */
public final class Samples {
    private Samples() {
    }

    public static Path file(String name) {
        String configured = System.getProperty("samples.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "samples");
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample " + file.toAbsolutePath() + " does not exist; set -Dsamples.dir");
        }
        return file;
    }

    /** {@code seconds} of the sample speech from {@code from} on, written into {@code dir} as a wave file. */
    public static Path speech(Path dir, double from, double seconds) {
        Path out = dir.resolve("speech-" + from + "-" + seconds + ".wav");
        if (!Files.exists(out)) {
            FfmpegCli.ffmpeg("-ss", Double.toString(from), "-t", Double.toString(seconds),
                    "-i", file("speech_24k.wav").toString(), out.toString());
        }
        return out;
    }
}
