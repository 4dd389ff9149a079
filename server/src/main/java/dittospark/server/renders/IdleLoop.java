package dittospark.server.renders;

import dittospark.engine.RenderEngine;
import dittospark.engine.RenderOptions;
import dittospark.engine.RenderProgress;
import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.media.DecodedAudio;
import dittospark.media.WaveFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The avatar's idle video: the avatar rendered once, at start, onto silence. Made by the engine
 * rather than shown as the source itself, it has the replies' framing and the model's idle motion
 * (breathing, blinks), so a reply fades in without a jump; and it loads the models and warms the
 * pipeline before the first reply arrives.
 */
public final class IdleLoop {
    private IdleLoop() {
    }

    public static Path render(RenderEngine engine, Path avatar, double seconds, RenderOptions options, Path folder)
            throws RenderException {
        try {
            Files.createDirectories(folder);
            Path silence = WaveFiles.write(DecodedAudio.silence(DecodedAudio.MODEL_RATE, 1, seconds), seconds,
                    folder.resolve("idle-silence.wav"));
            Path video = folder.resolve("idle.mp4");
            RenderResult result = engine.render(RenderRequest.builder().source(avatar).audio(silence).output(video)
                    .options(options).seed(0).build(), RenderProgress.NONE);
            Files.deleteIfExists(silence);
            if (result.frames() == 0) {
                throw new RenderException(ErrorKind.INTERNAL, "the idle loop has no frames");
            }
            return video;
        } catch (IOException e) {
            throw new RenderException(ErrorKind.OUTPUT_FAILED, "cannot write the idle loop into " + folder + ": " + e, e);
        }
    }
}
