package dittospark.server;

import dittospark.engine.RenderOptions;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyWriter;
import dittospark.server.renders.Retention;
import dittospark.speech.EspeakSynthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server reachable from other machines must have a token. */
class BindingTest {
    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused(@TempDir Path work) {
        ServerSettings http = new ServerSettings("0.0.0.0", 0, null, TestServer.sample("portrait.png"), List.of(),
                1 << 20, RenderOptions.none(), 1);
        RenderService.Settings renders = new RenderService.Settings(1, 1, work, new Retention(Duration.ofMinutes(1), 1 << 20));

        assertThatThrownBy(() -> AvatarServer.start(http, renders, new AvatarServer.Engine(work, "cpu"),
                new EspeakSynthesizer(), ReplyWriter.ECHO, 1)).as("start on 0.0.0.0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a token");
    }
}
