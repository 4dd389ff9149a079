package dittospark.engine;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dittospark.errors.RenderException;
import dittospark.options.Options;

/**
 * The silence around synthesized speech, for every caller that renders text (text rows, the server's
 * replies). Synthesized speech starts and stops at once; a moment of silence around it lets the face
 * begin and end at rest instead of mid-word.
 */
public final class SpeechPadding {
    public static final double FRONT_S = 0.15;
    public static final double BACK_S = 0.1;

    private SpeechPadding() {
    }

    /** The options with the speech padding, unless they set their own. */
    public static RenderOptions padded(RenderOptions options) throws RenderException {
        return options.orElse(Options.AUDIO_PAD_FRONT_S, DoubleNode.valueOf(FRONT_S))
                .orElse(Options.AUDIO_PAD_BACK_S, DoubleNode.valueOf(BACK_S));
    }
}
