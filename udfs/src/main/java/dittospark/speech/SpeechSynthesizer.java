package dittospark.speech;

import dittospark.errors.RenderException;

import java.nio.file.Path;

/**
 * Turns a text row into speech before it renders. The default speaks through espeak-ng; a cloud
 * text-to-speech service plugs in by implementing this and naming the class in the job's settings.
 */
public interface SpeechSynthesizer {
    /**
     * Writes the spoken {@code text} as an audio file inside {@code workDir} and returns it.
     *
     * @param language a BCP-47 tag choosing the voice; one without a voice fails with
     *                 {@link dittospark.errors.ErrorKind#SPEECH_FAILED}
     * @param voice    a voice variant within the language, or null for the language's default
     */
    Path synthesize(String text, String language, String voice, Path workDir) throws RenderException;
}
