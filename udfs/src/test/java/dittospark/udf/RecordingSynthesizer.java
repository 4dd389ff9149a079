package dittospark.udf;

import dittospark.speech.SpeechSynthesizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A synthesizer plugged in by class name: its "speech" file holds the request it was given. */
public final class RecordingSynthesizer implements SpeechSynthesizer {
    @Override
    public Path synthesize(String text, String language, String voice, Path workDir) {
        String request = text + "|" + language + "|" + voice;
        try {
            return Files.writeString(Files.createTempFile(workDir, "speech-", ".wav"), request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
