package dittospark.udf;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dittospark.engine.RenderOptions;
import dittospark.errors.RenderException;
import dittospark.options.Options;
import dittospark.speech.Synthesizers;
import org.apache.hadoop.conf.Configuration;

import java.nio.file.Path;

/**
 * The speech of a text row: synthesized by the configured {@link dittospark.speech.SpeechSynthesizer}
 * (Hadoop setting or system property {@link Synthesizers#SETTING}), and padded with silence.
 */
final class TextSpeech {
    /**
     * Synthesized speech starts and stops at once; a moment of silence around it lets the face begin
     * and end at rest instead of mid-word.
     */
    static final double PAD_FRONT_S = 0.15;
    static final double PAD_BACK_S = 0.1;

    private TextSpeech() {
    }

    /** The spoken text of {@code task} as an audio file in {@code work}. */
    static Path synthesize(RenderTask task, Configuration conf, Path work) throws RenderException {
        String setting = conf.get(Synthesizers.SETTING, System.getProperty(Synthesizers.SETTING));
        return Synthesizers.named(setting).synthesize(task.text(), task.language(), task.voice(), work);
    }

    /** The row's options with the speech padding, unless the row sets its own. */
    static RenderOptions padded(RenderOptions options) throws RenderException {
        return options.orElse(Options.AUDIO_PAD_FRONT_S, DoubleNode.valueOf(PAD_FRONT_S))
                .orElse(Options.AUDIO_PAD_BACK_S, DoubleNode.valueOf(PAD_BACK_S));
    }
}
