package dittospark.udf;

import dittospark.errors.RenderException;
import dittospark.speech.Synthesizers;
import org.apache.hadoop.conf.Configuration;

import java.nio.file.Path;

/**
 * The speech of a text row: synthesized by the configured {@link dittospark.speech.SpeechSynthesizer}
 * (Hadoop setting or system property {@link Synthesizers#SETTING}); padded by
 * {@link dittospark.engine.SpeechPadding}.
 */
final class TextSpeech {
    private TextSpeech() {
    }

    /** The spoken text of {@code task} as an audio file in {@code work}. */
    static Path synthesize(RenderTask task, Configuration conf, Path work) throws RenderException {
        String setting = conf.get(Synthesizers.SETTING, System.getProperty(Synthesizers.SETTING));
        return Synthesizers.named(setting).synthesize(task.text(), task.language(), task.voice(), work);
    }
}
