package dittospark.server.renders;

import dittospark.engine.RenderOptions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a client asked the avatar to say: an audio file, or a line of text (with its language and
 * voice) that is spoken first, onto {@code source}. Files are local and already checked by the caller.
 *
 * @param client the WebSocket client to tell of the render's progress, or null for none
 */
public record ReplyRequest(Path source, Path audio, String text, String language, String voice,
                           RenderOptions options, long seed, String client) {
    public ReplyRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        if ((audio == null) == (text == null)) {
            throw new IllegalArgumentException("a reply has either audio or text");
        }
    }

    public boolean spoken() {
        return text != null;
    }
}
